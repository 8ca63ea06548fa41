package org.parvis.kernel.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a raw query string decodes as UTF-8. The container replaces bytes that are not UTF-8
 * ({@code ?q=%FF%FE}) silently or fails deep inside a page; Parvis answers 400 before that.
 */
final class QueryStrings {

  private QueryStrings() {}

  /** True for a missing query and for one whose percent-escapes are well formed UTF-8. */
  static boolean decodable(String query) {
    if (query == null || query.indexOf('%') < 0) {
      return true;
    }
    var bytes = new ByteArrayOutputStream(query.length());
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '%') {
        if (i + 2 >= query.length()) {
          return false;
        }
        int high = Character.digit(query.charAt(i + 1), 16);
        int low = Character.digit(query.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return false;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '&' || c == '=') {
        bytes.write(' ');
      } else {
        bytes.write(c > 0x7f ? '?' : c);
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
