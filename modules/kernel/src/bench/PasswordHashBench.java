import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Cost of one staff password hash with the parameters of PasswordHash (PBKDF2-HMAC-SHA256,
 * 600,000 iterations, 256-bit key). A benchmark, not a test: run it by hand, the same way each
 * time, and write the figures in the issue note:
 *
 * <pre>java modules/kernel/src/bench/PasswordHashBench.java</pre>
 */
public class PasswordHashBench {

  public static void main(String[] args) throws Exception {
    var factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    byte[] salt = new byte[16];
    char[] password = "le parvis de la mairie".toCharArray();
    for (int i = 0; i < 3; i++) {
      factory.generateSecret(new PBEKeySpec(password, salt, 600_000, 256));
    }
    int runs = 20;
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      factory.generateSecret(new PBEKeySpec(password, salt, 600_000, 256));
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "PBKDF2-HMAC-SHA256, 600000 iterations: median %.0f ms, min %.0f ms, max %.0f ms (%d runs)%n",
        nanos[runs / 2] / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6, runs);
  }
}
