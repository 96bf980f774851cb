package org.musetag.tags;

/**
 * Musetag's own reader found bytes in a tag it cannot account for. The message says what and where, in words that
 * finish the sentence "its ID3v2 tag is damaged (...)", so a refusal can name the damage.
 */
final class TagDamage extends Exception {
  private static final long serialVersionUID = 1L;

  TagDamage(String what) {
    super(what);
  }
}
