package org.parvis.moderation.screening.control;

import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parvis.moderation.screening.control.NaiveBayes.Example;

/**
 * Cost of screening one item (rules, spam signals and a classifier trained on the 249 labelled
 * items), over the evaluation texts. A benchmark, not a test: run it when asked,
 *
 * <pre>./mvnw test -pl modules/moderation -Dtest=ScreeningBench</pre>
 */
class ScreeningBench {

  @Test
  void costPerItem() throws Exception {
    var set = ScreeningEvaluationTest.load();
    var training = new ArrayList<Example>();
    set.forEach(l -> training.add(new Example(l.item().text(), l.bad())));
    var screening = Screening.standard(NaiveBayes.train(training));
    for (int warm = 0; warm < 20; warm++) {
      set.forEach(l -> screening.screen(l.item()));
    }
    int rounds = 40;
    long[] perItem = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      for (var l : set) {
        screening.screen(l.item());
      }
      perItem[r] = (System.nanoTime() - start) / set.size();
    }
    Arrays.sort(perItem);
    long trainStart = System.nanoTime();
    NaiveBayes.train(training);
    System.out.printf(
        "BENCH screening: %d items x %d rounds, median %.1f µs per item (min %.1f, max %.1f);"
            + " training on %d decisions %.1f ms%n",
        set.size(),
        rounds,
        perItem[rounds / 2] / 1e3,
        perItem[0] / 1e3,
        perItem[rounds - 1] / 1e3,
        training.size(),
        (System.nanoTime() - trainStart) / 1e6);
  }
}
