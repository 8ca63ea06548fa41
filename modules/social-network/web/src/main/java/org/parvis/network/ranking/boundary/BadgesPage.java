package org.parvis.network.ranking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.parvis.network.ranking.control.Badges.Badge;

/** The page that explains every badge and what each level takes. */
@Named
@ApplicationScoped
public class BadgesPage {

  public List<Badge> getBadges() {
    return Arrays.asList(Badge.values());
  }
}
