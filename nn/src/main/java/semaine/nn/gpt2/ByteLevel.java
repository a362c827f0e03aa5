package semaine.nn.gpt2;

/**
 * GPT-2's reversible map between bytes and printable characters ({@code bytes_to_unicode} in
 * OpenAI's {@code encoder.py} and transformers' {@code tokenization_gpt2.py}).
 *
 * <p>Bytes 33-126, 161-172 and 174-255 map to the character of the same code; the 68 others (the
 * controls, the space, 127-160 and the soft hyphen 173) map to 256, 257, ... in byte order, so the
 * space 0x20 becomes 'Ġ' (U+0120) and the newline 'Ċ' (U+010A). Every vocabulary entry is a string
 * of these characters.
 */
final class ByteLevel {

  /** Character of each byte value 0..255. */
  private static final char[] TO_CHAR = new char[256];
  /** Byte of each character below 324, or -1. */
  private static final int[] TO_BYTE = new int[256 + 68];

  static {
    java.util.Arrays.fill(TO_BYTE, -1);
    int next = 256;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || b >= 174;
      char c = (char) (printable ? b : next++);
      TO_CHAR[b] = c;
      TO_BYTE[c] = b;
    }
  }

  private ByteLevel() {}

  /** The characters of the UTF-8 bytes of {@code text}, one per byte. */
  static String encode(String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    char[] out = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = TO_CHAR[bytes[i] & 0xff];
    }
    return new String(out);
  }

  /**
   * The 256 byte characters in GPT-2's vocabulary order (ids 0-255 of {@code encoder.json}): the
   * printable bytes in byte order, then the 68 others in byte order.
   */
  static String alphabet() {
    StringBuilder printable = new StringBuilder();
    StringBuilder others = new StringBuilder();
    for (int b = 0; b < 256; b++) {
      (TO_CHAR[b] == b ? printable : others).append(TO_CHAR[b]);
    }
    return printable.append(others).toString();
  }

  /** The byte a character stands for, or -1 when it is not one of the 256 byte characters. */
  static int toByte(char c) {
    return c < TO_BYTE.length ? TO_BYTE[c] : -1;
  }
}
