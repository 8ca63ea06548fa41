package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** The DPO's register of requests in the console. */
final class RequestRegister {

  static final String LIST = "/console/staff/privacy/requests.xhtml";

  private RequestRegister() {}

  /** Records a request received today; returns the address of its page. */
  static String record(WebSession dpo, String side, String kind, String requester, String subject) {
    dpo.get(LIST);
    var recorded =
        dpo.submit(
            "newRequest",
            "recordRequest",
            Map.of(
                "side", side,
                "kind", kind,
                "channel", "LETTER",
                "requester", requester,
                "subject", subject));
    assertThat(recorded.statusCode()).as(recorded.body()).isIn(302, 303);
    String location = recorded.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("/console/"));
  }
}
