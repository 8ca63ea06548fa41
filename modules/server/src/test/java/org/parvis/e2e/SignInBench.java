package org.parvis.e2e;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How long a sign-in takes on the deployed EAR, measured the same way each time: 5 warm-up rounds,
 * then 30 timed POSTs of the sign-in form (each from a fresh visitor who has just loaded the page),
 * for a member (password only) and for the staff password step. A benchmark, not a test: it asserts
 * nothing and runs only when asked:
 *
 * <pre>./mvnw verify -pl modules/server -Dit.test=SignInBench</pre>
 */
class SignInBench {

  private static final String PASSWORD = "un banc public sous les tilleuls";

  @Test
  void signIns() {
    Mailbox.start();
    String email = "bench." + System.nanoTime() % 1_000_000 + "@example.org";
    MemberAccountsIT.registerAndConfirm("bench-" + System.nanoTime() % 1_000_000, email, PASSWORD);
    report(
        "member sign-in (POST /reseau/connexion.xhtml, password)",
        () -> {
          var visitor = new WebSession();
          visitor.get("/reseau/connexion.xhtml");
          return () ->
              visitor.submit("signin", "submit", Map.of("email", email, "password", PASSWORD));
        });
    Administrator.factor();
    report(
        "staff sign-in, password step (POST /console/)",
        () -> {
          var visitor = new WebSession();
          visitor.get("/console/");
          return () ->
              visitor.submit(
                  "signin",
                  "submit",
                  Map.of("username", Administrator.USERNAME, "password", Administrator.PASSWORD));
        });
  }

  private static void report(String what, Supplier<Runnable> preparedSignIn) {
    for (int i = 0; i < 5; i++) {
      preparedSignIn.get().run();
    }
    int runs = 30;
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      Runnable signIn = preparedSignIn.get();
      long start = System.nanoTime();
      signIn.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "BENCH %s: median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms (%d runs)%n",
        what,
        nanos[runs / 2] / 1e6,
        nanos[runs * 9 / 10] / 1e6,
        nanos[0] / 1e6,
        nanos[runs - 1] / 1e6,
        runs);
  }
}
