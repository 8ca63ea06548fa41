package org.parvis.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  @Test
  void thePolicyAllowsNothingButParvisItself() {
    String csp = SecurityHeaders.forResponse(false).get("Content-Security-Policy");
    assertThat(csp.split("; "))
        .contains(
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'self'");
    assertThat(csp).doesNotContain("unsafe", "http:", "https:", "*");
  }

  @Test
  void everyResponseForbidsSniffingFramingAndLeakingReferrers() {
    var headers = SecurityHeaders.forResponse(false);
    assertThat(headers)
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("X-Frame-Options", "DENY")
        .containsEntry("Referrer-Policy", "same-origin")
        .doesNotContainKey("Strict-Transport-Security");
  }

  @Test
  void hstsOnlyOverHttps() {
    assertThat(SecurityHeaders.forResponse(true)).containsKey("Strict-Transport-Security");
  }
}
