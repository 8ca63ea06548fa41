package org.parvis.console.moderation.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.moderation.api.ModerationQueue;
import org.parvis.moderation.api.ModerationQueue.Pending;

/**
 * The moderators' queue: what screening hid or flagged, highest score first, with the reasons and
 * the start of the text; each decision (hide, or keep / restore) needs a statement of reasons.
 */
@Named
@ViewScoped
public class ModerationQueuePage implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int PAGE_SIZE = 20;

  @Inject SecurityContext security;
  @Inject ModerationQueue queue;
  @Inject PageMessages messages;
  @Inject org.parvis.moderation.api.Appeals appeals;
  @Inject org.parvis.moderation.api.Authors authors;

  private transient Map<Long, org.parvis.moderation.api.Authors.Standing> standings;

  private transient List<org.parvis.moderation.api.Appeals.PendingAppeal> pendingAppeals;

  /** Appeals awaiting a second moderator, oldest first. */
  public List<org.parvis.moderation.api.Appeals.PendingAppeal> getAppeals() {
    if (pendingAppeals == null) {
      pendingAppeals = appeals.pending(0, PAGE_SIZE);
    }
    return pendingAppeals;
  }

  @Audited(value = "APPEAL_DECIDED", side = "network")
  public void decideAppeal(String kind, long id, boolean grant) {
    var problem =
        appeals.decide(
            security.getCallerPrincipal().getName(),
            kind,
            id,
            grant,
            statements.get("appeal-" + kind + "-" + id));
    if (problem.isPresent()) {
      messages.error(problem.get());
      return;
    }
    messages.info("moderation.decided");
    pendingAppeals = null;
    standings = null;
  }

  private transient List<Pending> items;
  private final Map<String, String> statements = new HashMap<>();

  /** The statement proposed for each row, keyed as the statements are. */
  private final Map<String, String> proposals = new HashMap<>();

  /**
   * The pending items; each row's statement starts as the one proposed from what screening found
   * (the moderator edits it or decides at once).
   */
  public List<Pending> getItems() {
    if (items == null) {
      items = queue.pending(0, PAGE_SIZE);
      for (var item : items) {
        String key = item.kind() + "-" + item.id();
        String proposed = proposal(item.reasons());
        proposals.put(key, proposed);
        statements.putIfAbsent(key, proposed);
      }
    }
    return items;
  }

  /** The hiding statement for the first category screening named, or the charter's. */
  private String proposal(String reasons) {
    return ScreeningReasons.describe(reasons).stream()
        .map(ScreeningReasons.Reason::category)
        .filter(c -> c != null && !c.isEmpty())
        .findFirst()
        .map(this::template)
        .orElseGet(() -> messages.text("moderation.template.CHARTER"));
  }

  /** The category's statement; the charter's for a category added to the rules since. */
  private String template(String category) {
    try {
      return messages.text("moderation.template." + category);
    } catch (java.util.MissingResourceException e) {
      return messages.text("moderation.template.CHARTER");
    }
  }

  /** The item's text in pieces, what triggered screening marked. */
  public List<ModerationQueue.Piece> highlight(String text) {
    return queue.highlight(text);
  }

  /** How the author of a row stands with moderation (asked once for the whole page). */
  public org.parvis.moderation.api.Authors.Standing standing(long authorId) {
    if (standings == null) {
      standings = authors.standings(getItems().stream().map(Pending::authorId).toList());
    }
    return standings.getOrDefault(authorId, org.parvis.moderation.api.Authors.Standing.CLEAN);
  }

  /** The stored reasons of an item, as the page words them. */
  public List<ScreeningReasons.Reason> reasons(String stored) {
    return ScreeningReasons.describe(stored);
  }

  /** The score as a level: low, medium or high. */
  public String level(double score) {
    return ScreeningReasons.level(score);
  }

  public long getPendingCount() {
    return queue.pendingCount();
  }

  /** Statements typed per row, keyed "KIND-id". */
  public Map<String, String> getStatements() {
    return statements;
  }

  @Audited(value = "MODERATION_DECIDED", side = "network")
  public void decide(String kind, long id, String decision) {
    getItems();
    String key = kind + "-" + id;
    String statement = statements.get(key);
    // Kept with the hiding statement proposed left as it was: the keeping one is meant.
    if ("KEEP".equals(decision) && statement != null && statement.equals(proposals.get(key))) {
      statement = messages.text("moderation.template.KEEP");
    }
    var problem =
        queue.decide(security.getCallerPrincipal().getName(), kind, id, decision, statement);
    if (problem.isPresent()) {
      messages.error(problem.get());
      return;
    }
    messages.info("moderation.decided");
    items = null;
    standings = null;
  }
}
