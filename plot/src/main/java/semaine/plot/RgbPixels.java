package semaine.plot;

import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The pixels of a {@link BufferedImage#TYPE_INT_RGB} image (0x00RRGGBB, row after row), for
 * drawing on them in plain Java what Java2D would draw through its per-call pipeline, and the
 * device clip a {@link java.awt.Graphics2D} derives from a rectangular user clip.
 */
final class RgbPixels {

  final int[] data; // (height, width), 0x00RRGGBB
  final int width;
  final int height;
  private Rectangle clip;

  private RgbPixels(int[] data, int width, int height) {
    this.data = data;
    this.width = width;
    this.height = height;
    this.clip = new Rectangle(0, 0, width, height);
  }

  /** The pixels of {@code image}, or null when it is not an RGB image backed by one int[]. */
  static RgbPixels of(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB
        || !(image.getRaster().getDataBuffer() instanceof DataBufferInt buffer)
        || buffer.getNumBanks() != 1 || buffer.getOffset() != 0
        || image.getRaster().getSampleModelTranslateX() != 0
        || image.getRaster().getSampleModelTranslateY() != 0) {
      return null;
    }
    return new RgbPixels(buffer.getData(), image.getWidth(), image.getHeight());
  }

  /**
   * Clips further drawing to the pixels whose centre lies in {@code user} (null: the whole image),
   * as Java2D clips to a rectangle: [ceil(x0 - 0.5), ceil(x1 - 0.5)) and the same in y.
   */
  void clip(Rectangle2D user) {
    if (user == null) {
      clip = new Rectangle(0, 0, width, height);
      return;
    }
    int x0 = Math.max(0, edge(user.getMinX()));
    int y0 = Math.max(0, edge(user.getMinY()));
    int x1 = Math.min(width, edge(user.getMaxX()));
    int y1 = Math.min(height, edge(user.getMaxY()));
    clip = new Rectangle(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
  }

  /** The device clip: pixels drawn are those of this rectangle. */
  Rectangle clip() {
    return clip;
  }

  /** The first pixel whose centre is at or right of (below) {@code v}, in the int range. */
  private static int edge(double v) {
    double e = Math.ceil(v - 0.5);
    return e <= Integer.MIN_VALUE ? Integer.MIN_VALUE
        : e >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) e;
  }
}
