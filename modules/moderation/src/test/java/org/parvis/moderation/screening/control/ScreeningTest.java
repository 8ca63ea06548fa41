package org.parvis.moderation.screening.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parvis.moderation.screening.control.NaiveBayes.Example;
import org.parvis.moderation.screening.control.Screening.Action;
import org.parvis.moderation.screening.control.Screening.Item;

class ScreeningTest {

  static final Duration OLD = Duration.ofDays(400);
  final Screening rules = Screening.standard(null);

  @Test
  void moderatorsSeeTheWordsThatTriggeredScreeningMarkedInTheTextAsWritten() {
    String text = "Franchement, espèce de C0NNARD !!  Lis https://bit.ly/promo avant de parler.";
    var pieces = Screening.highlight(text);
    assertThat(pieces.stream().map(p -> p.text()).reduce("", String::concat))
        .as("the pieces give the text back exactly")
        .isEqualTo(text);
    assertThat(pieces.stream().filter(p -> p.marked()).map(p -> p.text()))
        .containsExactly("espèce de C0NNARD", "https://bit.ly/promo");
    assertThat(Screening.highlight("Le maire ment sur les chiffres."))
        .as("nothing to mark")
        .allSatisfy(p -> assertThat(p.marked()).isFalse());
    assertThat(Screening.highlight("")).isEmpty();
  }

  @Test
  void aSlurIsHiddenAtOnceEvenDisguised() {
    var result = rules.screen(new Item("S4le bougn0ule, dégage", OLD, 0));
    assertThat(result.action()).isEqualTo(Action.HIDE);
    assertThat(result.reasons()).anyMatch(r -> r.startsWith("HATE:"));
  }

  @Test
  void quotingASlurToDenounceItGoesToAHumanNotToHiding() {
    var result =
        rules.screen(new Item("Il a dit « sale bougnoule » en réunion : honteux.", OLD, 0));
    assertThat(result.action()).isNotEqualTo(Action.HIDE);
    assertThat(result.reasons()).anyMatch(r -> r.startsWith("HATE:quoted:"));
  }

  @Test
  void strongCriticismOfAPolicyStaysUp() {
    for (String text :
        List.of(
            "Cette réforme est une honte, le ministre ment sur les chiffres.",
            "This government is rotten to the core and the minister is lying.",
            "Le projet va tuer le commerce du centre-ville.")) {
      assertThat(rules.screen(new Item(text, OLD, 0)).action()).as(text).isEqualTo(Action.NONE);
    }
  }

  @Test
  void threatsAndAttacksOnAPersonAreCaught() {
    assertThat(rules.screen(new Item("On sait où tu habites.", OLD, 0)).action())
        .isEqualTo(Action.HIDE);
    assertThat(rules.screen(new Item("Espèce de connard", OLD, 0)).action()).isEqualTo(Action.HIDE);
    assertThat(rules.screen(new Item("quel connard ce type", OLD, 0)).action())
        .isEqualTo(Action.QUEUE);
  }

  @Test
  void aNewAccountPostingLinksOrTheSameTextIsSpam() {
    var links =
        rules.screen(
            new Item("Voir https://a.example/x et https://a.example/y", Duration.ofHours(2), 0));
    assertThat(links.action()).isEqualTo(Action.HIDE);
    var once = rules.screen(new Item("Voir https://a.example/x", Duration.ofHours(2), 0));
    assertThat(once.action()).isEqualTo(Action.QUEUE);
    var sameLinkOldAccount = rules.screen(new Item("Voir https://a.example/x", OLD, 0));
    assertThat(sameLinkOldAccount.action()).isEqualTo(Action.NONE);
    assertThat(rules.screen(new Item("Signez ma pétition !", OLD, 5)).action())
        .isEqualTo(Action.HIDE);
    assertThat(rules.screen(new Item("Lien court http://bit.ly/abc", OLD, 0)).reasons())
        .anyMatch(r -> r.contains("bit.ly"));
  }

  @Test
  void theClassifierLearnsFromDecisionsAndCanOnlyQueueOnItsOwn() {
    var classifier =
        NaiveBayes.train(
            List.of(
                new Example("achetez nos montres de luxe pas cheres", true),
                new Example("montres de luxe en promotion achetez vite", true),
                new Example("la piscine municipale ferme trop tot", false),
                new Example("merci pour la reunion publique", false)));
    var screening = Screening.standard(classifier);
    var result = screening.screen(new Item("Montres de luxe pas cheres, achetez !", OLD, 0));
    assertThat(result.action()).isEqualTo(Action.QUEUE);
    assertThat(result.reasons()).anyMatch(r -> r.startsWith("CLASSIFIER:"));
    assertThat(screening.screen(new Item("La piscine ferme trop tôt", OLD, 0)).action())
        .isEqualTo(Action.NONE);
  }
}
