package org.parvis.kernel.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  @Test
  void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
    var none = TrustedProxies.parse("");
    assertEquals("127.0.0.1", none.client("127.0.0.1", List.of("203.0.113.9")));
  }

  @Test
  void aTrustedProxyGivesTheAddressItSaw() {
    var proxies = TrustedProxies.parse("127.0.0.1, ::1");
    assertEquals("203.0.113.9", proxies.client("127.0.0.1", List.of("203.0.113.9")));
    assertEquals("203.0.113.9", proxies.client("0:0:0:0:0:0:0:1", List.of("203.0.113.9")));
  }

  @Test
  void aVisitorCannotChooseTheirAddressByWritingTheHeaderThemselves() {
    var proxies = TrustedProxies.parse("127.0.0.1");
    // nginx appends the peer it saw to what the visitor sent: the rightmost untrusted hop counts.
    assertEquals(
        "198.51.100.7", proxies.client("127.0.0.1", List.of("10.9.9.9, 1.2.3.4, 198.51.100.7")));
    // Straight to Parvis, not through the proxy: the header is the visitor's own and ignored.
    assertEquals("198.51.100.7", proxies.client("198.51.100.7", List.of("1.2.3.4")));
  }

  @Test
  void chainsOfTrustedProxiesAreWalkedFromTheRight() {
    var proxies = TrustedProxies.parse("10.0.0.0/8,127.0.0.1");
    assertEquals(
        "203.0.113.9", proxies.client("127.0.0.1", List.of("203.0.113.9, 10.1.2.3", "10.4.5.6")));
    assertEquals("10.1.2.3", proxies.client("127.0.0.1", List.of("10.1.2.3")));
  }

  @Test
  void malformedHopsStopTheWalk() {
    var proxies = TrustedProxies.parse("127.0.0.1");
    assertEquals("127.0.0.1", proxies.client("127.0.0.1", List.of("evil.example")));
    assertEquals("127.0.0.1", proxies.client("127.0.0.1", List.of("unknown")));
    assertEquals("203.0.113.9", proxies.client("127.0.0.1", List.of("203.0.113.9:51234")));
  }

  @Test
  void blocksMatchByPrefix() {
    var proxies =
        TrustedProxies.parse("192.168.0.0/16, 2001:db8::/32, not-an-address, 10.0.0.1/99");
    assertTrue(proxies.trusts("192.168.44.1"));
    assertFalse(proxies.trusts("192.169.0.1"));
    assertTrue(proxies.trusts("2001:db8::7"));
    assertFalse(proxies.trusts("2001:db9::7"));
    assertFalse(proxies.trusts("10.0.0.1"));
    assertFalse(proxies.trusts("localhost"));
  }
}
