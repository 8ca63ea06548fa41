package org.parvis.kernel.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoredTextTest {

  @Test
  void controlCharactersThatBrokeTheFeedsAreRemoved() {
    assertEquals("Titre", StoredText.clean("Ti\u000btre"));
    assertEquals("commentaire", StoredText.clean("\u0000\u0001comment\u001baire"));
  }

  @Test
  void c1ControlsAndNonCharactersAreRemoved() {
    assertEquals("ab", StoredText.clean("a\u0085\u009fb\ufffe\uffff"));
    assertEquals("ab", StoredText.clean("a\u007fb"));
  }

  @Test
  void tabsAndLineBreaksStayAndCarriageReturnsBecomeLineFeeds() {
    assertEquals("a\tb\nc\nd", StoredText.clean("a\tb\r\nc\rd"));
  }

  @Test
  void loneSurrogatesAreRemovedAndPairsKept() {
    assertEquals("ab", StoredText.clean("a\ud800b"));
    assertEquals("a\udc00".substring(0, 1), StoredText.clean("a\udc00"));
    assertEquals("vote 🗳", StoredText.clean("vote 🗳"));
  }

  @Test
  void textIsNormalisedToNfc() {
    String decomposed = "Gue\u0301ret";
    assertEquals("Guéret", StoredText.clean(decomposed));
    assertEquals(6, StoredText.clean(decomposed).length());
  }

  @Test
  void cleanTextIsReturnedAsItIs() {
    String text = "Une piste cyclable à Guéret, « enfin » !";
    assertSame(text, StoredText.clean(text));
    assertTrue(StoredText.isClean(text));
    assertFalse(StoredText.isClean("a\u0000"));
    assertNull(StoredText.clean(null));
  }
}
