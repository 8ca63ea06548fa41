package org.parvis.kernel.api.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers Parvis
 * believes: a list of addresses and CIDR blocks ({@code 127.0.0.1, 10.0.0.0/8, ::1}). Headers from
 * anyone else are ignored, so that a visitor cannot choose the address a throttle counts.
 */
final class TrustedProxies {

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = blocks;
  }

  /** Parses a comma-separated list; entries that are not literal addresses are ignored. */
  static TrustedProxies parse(String list) {
    var blocks = new ArrayList<Block>();
    if (list != null) {
      for (String entry : list.split(",")) {
        Block.parse(entry.strip()).ifPresent(blocks::add);
      }
    }
    return new TrustedProxies(List.copyOf(blocks));
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }

  boolean trusts(String address) {
    var bytes = literal(address);
    return bytes.isPresent() && blocks.stream().anyMatch(b -> b.contains(bytes.get()));
  }

  /**
   * The client's address: the connection's peer unless it is a trusted proxy; then, walking {@code
   * X-Forwarded-For} from the right, the first address that is not a trusted proxy (the leftmost
   * when every hop is trusted). A malformed entry stops the walk at the last trusted hop.
   */
  String client(String peer, List<String> forwardedFor) {
    if (!trusts(peer)) {
      return peer;
    }
    var hops = new ArrayList<String>();
    for (String header : forwardedFor) {
      Arrays.stream(header.split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(hops::add);
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = withoutPort(hops.get(i));
      if (literal(hop).isEmpty()) {
        return client;
      }
      client = hop;
      if (!trusts(hop)) {
        return hop;
      }
    }
    return client;
  }

  private static String withoutPort(String hop) {
    if (hop.startsWith("[") && hop.contains("]")) {
      return hop.substring(1, hop.indexOf(']'));
    }
    int colon = hop.indexOf(':');
    return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
  }

  /** The address as bytes if it is a literal IPv4 or IPv6 address (never a DNS lookup). */
  static Optional<byte[]> literal(String address) {
    if (address == null || address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
      return Optional.empty();
    }
    if (!address.contains(":") && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(address).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private record Block(byte[] network, int prefix) {

    static Optional<Block> parse(String entry) {
      int slash = entry.indexOf('/');
      var address = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (address.isEmpty()) {
        return Optional.empty();
      }
      int bits = address.get().length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (prefix < 0 || prefix > bits) {
          return Optional.empty();
        }
      }
      return Optional.of(new Block(address.get(), prefix));
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
