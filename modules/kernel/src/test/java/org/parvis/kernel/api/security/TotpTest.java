package org.parvis.kernel.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

  /** RFC 6238 appendix B's SHA-1 secret, "12345678901234567890", in Base32. */
  private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void givesTheCodesOfRfc6238TestVectors() {
    // The RFC lists eight digits; authenticator apps show the last six.
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(20000000000L))).isEqualTo("353130");
  }

  @Test
  void acceptsOneStepOfDriftEitherWayButNotMore() {
    Instant now = Instant.parse("2026-11-22T10:00:15Z");
    String secret = Totp.newSecret();
    for (int offset : new int[] {-30, 0, 30}) {
      String code = Totp.codeAt(secret, now.plusSeconds(offset));
      assertThat(Totp.matchingStep(secret, code, now, 0))
          .hasValue(Totp.stepOf(now.plusSeconds(offset)));
    }
    assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, now.minusSeconds(90)), now, 0))
        .isEmpty();
  }

  @Test
  void refusesAReplayedOrMalformedCode() {
    Instant now = Instant.parse("2026-11-22T10:00:15Z");
    String secret = Totp.newSecret();
    String code = Totp.codeAt(secret, now);
    assertThat(Totp.matchingStep(secret, code, now, Totp.stepOf(now))).isEmpty();
    assertThat(Totp.matchingStep(secret, "12a456", now, 0)).isEmpty();
    assertThat(Totp.matchingStep(secret, null, now, 0)).isEmpty();
    assertThat(Totp.matchingStep(secret, code.substring(0, 3) + " " + code.substring(3), now, 0))
        .isPresent();
  }

  @Test
  void enrolmentAddressNamesIssuerAccountAndSecret() {
    assertThat(Totp.uri("Parvis console", "marie@parti", "ABCD"))
        .isEqualTo(
            "otpauth://totp/Parvis%20console:marie%40parti?secret=ABCD&issuer=Parvis%20console"
                + "&algorithm=SHA1&digits=6&period=30");
    assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}");
    assertThat(Totp.grouped("ABCDEFGH")).isEqualTo("ABCD EFGH");
  }

  @Test
  void recoveryCodesAreTenDistinctAndMatchAsTyped() {
    var codes = RecoveryCodes.generate();
    assertThat(codes).hasSize(10).doesNotHaveDuplicates();
    String code = codes.get(0);
    assertThat(code).matches("[a-z2-9]{5}-[a-z2-9]{5}");
    assertThat(RecoveryCodes.digest(" " + code.toUpperCase().replace("-", " ") + " "))
        .isEqualTo(RecoveryCodes.digest(code));
    assertThat(RecoveryCodes.looksLikeOne(code)).isTrue();
    assertThat(RecoveryCodes.looksLikeOne("123456")).isFalse();
  }

  @Test
  void qrCodeIsAnSvgDataAddress() {
    String uri = QrCode.svgDataUri(Totp.uri("Parvis", "marie", Totp.newSecret()));
    assertThat(uri).startsWith("data:image/svg+xml;base64,");
    String svg =
        new String(java.util.Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)));
    assertThat(svg).startsWith("<svg").contains("<path");
  }

  @Test
  void aSecondFactorIsEnrolledWithAValidCodeAndEachProofWorksOnce() {
    Instant now = Instant.parse("2026-11-22T10:00:15Z");
    String secret = Totp.newSecret();
    var factor = new TwoFactor();
    var codes = RecoveryCodes.generate();
    assertThat(factor.enrol(secret, "000000", now, codes)).isFalse();
    assertThat(factor.isOn()).isFalse();
    assertThat(factor.enrol(secret, Totp.codeAt(secret, now), now, codes)).isTrue();
    assertThat(factor.verify(Totp.codeAt(secret, now), now))
        .as("the enrolment's code cannot be replayed")
        .isEqualTo(TwoFactor.Proof.NONE);
    assertThat(factor.verify(Totp.codeAt(secret, now.plusSeconds(30)), now.plusSeconds(30)))
        .isEqualTo(TwoFactor.Proof.TOTP);
    assertThat(factor.verify(codes.get(0), now)).isEqualTo(TwoFactor.Proof.RECOVERY_CODE);
    assertThat(factor.verify(codes.get(0), now)).isEqualTo(TwoFactor.Proof.NONE);
    assertThat(factor.recoveryCodesLeft()).isEqualTo(RecoveryCodes.COUNT - 1);
    factor.reset();
    assertThat(factor.isOn()).isFalse();
    assertThat(factor.verify(codes.get(1), now)).isEqualTo(TwoFactor.Proof.NONE);
  }

  @Test
  void sealedSecretsOpenOnlyWithTheirKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    var box = SecretBox.of(key);
    String secret = Totp.newSecret();
    String sealed = box.seal(secret);
    assertThat(sealed).startsWith("v1:").doesNotContain(secret).hasSizeLessThan(200);
    assertThat(box.seal(secret)).as("a fresh IV each time").isNotEqualTo(sealed);
    assertThat(box.open(sealed)).isEqualTo(secret);
    assertThat(box.open(secret)).as("an unsealed value reads as it is").isEqualTo(secret);
    byte[] other = key.clone();
    other[0] ^= 1;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretBox.of(other).open(sealed))
        .isInstanceOf(IllegalStateException.class);
  }
}
