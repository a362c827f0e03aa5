package semaine.plot;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * A small non-premultiplied ARGB image (one marker pre-rendered) drawn many times at integer pixel
 * offsets: at (round(x - width / 2), round(y - height / 2)) for a centre (x, y).
 *
 * <p>{@link #draw} goes through {@link Graphics2D#drawImage}; {@link #stamp} composites the same
 * pixels straight into an {@link RgbPixels} in one small loop, which the JIT compiles in a few
 * milliseconds where Java2D's per-call pipeline takes hundreds on a first call, and gives the same
 * pixels as Java2D's software source-over loop (IntArgb onto IntRgb, no extra alpha). For a source
 * pixel of alpha a and channel s over a destination channel d, that loop computes
 * {@code mul8(a, s) + mul8(255 - a, d)}, where {@code mul8(u, v) = round(u v / 255)} is its 8-bit
 * multiplication table; a pixel of alpha 0 leaves the destination as it is. The sum never exceeds
 * 255, so the three channels are computed in one int with no carry between them.
 */
final class Sprite {

  private final BufferedImage image;
  private final double halfWidth;
  private final double halfHeight;
  // the pixels of alpha > 0, in row order: their column and row in the image, mul8(a, s) of each
  // channel packed as 0x00RRGGBB, and 255 - a, the weight of the destination
  private final int[] column;
  private final int[] row;
  private final int[] source;
  private final int[] keep;

  /** A sprite of {@code image} (TYPE_INT_ARGB, drawn as it is). */
  Sprite(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_ARGB) {
      throw new IllegalArgumentException("image type (" + image.getType()
          + ") must be TYPE_INT_ARGB (" + BufferedImage.TYPE_INT_ARGB + ")");
    }
    this.image = image;
    int w = image.getWidth();
    int h = image.getHeight();
    halfWidth = w / 2.0;
    halfHeight = h / 2.0;
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    int n = 0;
    for (int p : argb) {
      n += p >>> 24 == 0 ? 0 : 1;
    }
    column = new int[n];
    row = new int[n];
    source = new int[n];
    keep = new int[n];
    int k = 0;
    for (int i = 0; i < argb.length; i++) {
      int a = argb[i] >>> 24;
      if (a != 0) {
        column[k] = i % w;
        row[k] = i / w;
        source[k] = mul8(a, argb[i] >>> 16 & 0xff) << 16 | mul8(a, argb[i] >>> 8 & 0xff) << 8
            | mul8(a, argb[i] & 0xff);
        keep[k] = 255 - a;
        k++;
      }
    }
  }

  /** Draws the sprite centred at (x, y) with {@code g}'s current state. */
  void draw(Graphics2D g, double x, double y) {
    g.drawImage(image, left(x), top(y), null);
  }

  /**
   * Composites the sprite centred at (xs[i], ys[i]), from ≤ i < to, into {@code dst} within its
   * clip, in that order: the pixels Java2D's {@link #draw} gives with an identity transform, the
   * source-over composite at full opacity and the same rectangular clip.
   */
  void stamp(RgbPixels dst, double[] xs, double[] ys, int from, int to) {
    Rectangle clip = dst.clip();
    int cx0 = clip.x;
    int cy0 = clip.y;
    int cx1 = clip.x + clip.width;
    int cy1 = clip.y + clip.height;
    int w = image.getWidth();
    int h = image.getHeight();
    int stride = dst.width;
    int[] pixels = dst.data;
    int n = column.length;
    int[] offset = new int[n]; // of each pixel from the sprite's top-left corner in dst
    for (int k = 0; k < n; k++) {
      offset[k] = row[k] * stride + column[k];
    }
    for (int i = from; i < to; i++) {
      int x0 = left(xs[i]);
      int y0 = top(ys[i]);
      if (x0 >= cx0 && y0 >= cy0 && x0 <= cx1 - w && y0 <= cy1 - h) { // wholly inside
        int corner = y0 * stride + x0;
        for (int k = 0; k < n; k++) {
          int at = corner + offset[k];
          pixels[at] = over(k, pixels[at]);
        }
      } else {
        stampClipped(pixels, stride, clip, x0, y0);
      }
    }
  }

  /** The sprite with its top-left corner at (x0, y0), partly or wholly outside {@code clip}. */
  private void stampClipped(int[] pixels, int stride, Rectangle clip, int x0, int y0) {
    for (int k = 0; k < column.length; k++) {
      long x = (long) x0 + column[k];
      long y = (long) y0 + row[k];
      if (x >= clip.x && x < clip.x + clip.width && y >= clip.y && y < clip.y + clip.height) {
        int at = (int) y * stride + (int) x;
        pixels[at] = over(k, pixels[at]);
      }
    }
  }

  /** The sprite's k-th pixel over the destination pixel {@code d} (0x..RRGGBB): 0x00RRGGBB. */
  private int over(int k, int d) {
    int f = keep[k];
    return source[k]
        + (mul8(f, d >>> 16 & 0xff) << 16 | mul8(f, d >>> 8 & 0xff) << 8 | mul8(f, d & 0xff));
  }

  private int left(double x) {
    return (int) Math.round(x - halfWidth);
  }

  private int top(double y) {
    return (int) Math.round(y - halfHeight);
  }

  /** round(u v / 255) for u, v in [0, 255], exactly (the products fit in 16 bits). */
  static int mul8(int u, int v) {
    int t = u * v + 128;
    return (t + (t >>> 8)) >>> 8;
  }
}
