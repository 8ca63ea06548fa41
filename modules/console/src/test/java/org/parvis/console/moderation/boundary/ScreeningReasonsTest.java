package org.parvis.console.moderation.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.parvis.kernel.web.Language;

/** Stored screening reasons as moderators read them, from the console's own bundles. */
class ScreeningReasonsTest {

  /** The reasons worded as the queue's page words them, with the console's bundle. */
  private static List<String> sentences(String stored, Locale locale) {
    var bundle = ResourceBundle.getBundle("org.parvis.console.web.messages", locale);
    return ScreeningReasons.describe(stored).stream()
        .map(
            r ->
                Language.format(
                    locale,
                    bundle.getString(r.key()),
                    r.category() == null
                        ? r.first()
                        : bundle.getString("moderation.category." + r.category()),
                    r.second()))
        .toList();
  }

  @Test
  void everyKindOfReasonReadsAsASentenceInFrench() {
    var reasons =
        sentences(
            "SPAM:new account with links, ATTACK:(t'es|tu es) (un|une) (con|conne),"
                + " HATE:quoted:bougnoules?, SPAM:link density 3/12, SPAM:same text 4 times,"
                + " SPAM:domain spam.example, CLASSIFIER:0.93, REPORTS:1 (weight 1.00 of 3.00)",
            Locale.FRENCH);
    assertThat(reasons)
        .containsExactly(
            "Spam\u00a0: compte créé il y a moins d’un jour, avec des liens",
            "Attaque personnelle\u00a0: mot ou expression de la liste de filtrage",
            "Haine ou discrimination\u00a0: mot ou expression de la liste, cité entre guillemets (à lire"
                + " dans son contexte)",
            "Spam\u00a0: 3 liens pour 12 mots",
            "Spam\u00a0: même texte publié 4 fois récemment",
            "Spam\u00a0: lien vers un domaine connu pour le spam (spam.example)",
            "Ressemble aux contenus déjà retirés par les modérateurs (probabilité 93\u00a0%)",
            "1 signalement de membre");
    assertThat(String.join(" ", reasons)).doesNotContain("(t'es", "bougnoule");
  }

  @Test
  void englishToo() {
    assertThat(
            sentences(
                "THREAT:on va te (tuer|crever), REPORTS:2 (weight 2.00 of 3.00)", Locale.ENGLISH))
        .containsExactly("Threat: a word or phrase of the screening list", "2 reports by members");
  }

  @Test
  void aReasonTheConsoleDoesNotKnowKeepsItsText() {
    assertThat(sentences("SOMETHING NEW", Locale.FRENCH)).containsExactly("SOMETHING NEW");
  }

  @Test
  void theScoreReadsAsALevelAtScreeningsThresholds() {
    assertThat(ScreeningReasons.level(0.2)).isEqualTo("low");
    assertThat(ScreeningReasons.level(0.5)).isEqualTo("medium");
    assertThat(ScreeningReasons.level(0.849)).isEqualTo("medium");
    assertThat(ScreeningReasons.level(0.85)).isEqualTo("high");
  }
}
