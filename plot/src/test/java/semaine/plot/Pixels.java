package semaine.plot;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

/** Pixel look-ups for the rendering tests. */
final class Pixels {

  private Pixels() {}

  static Color at(BufferedImage image, Point2D p) {
    return new Color(image.getRGB((int) Math.floor(p.getX()), (int) Math.floor(p.getY())));
  }

  /** Whether a pixel within {@code radius} of {@code p} is close to {@code color} (per channel). */
  static boolean near(BufferedImage image, Point2D p, int radius, Color color, int tolerance) {
    return count(image, (int) p.getX() - radius, (int) p.getY() - radius, (int) p.getX() + radius,
        (int) p.getY() + radius, color, tolerance) > 0;
  }

  /** How many pixels in [x0, x1] x [y0, y1] are within {@code tolerance} of {@code color}. */
  static int count(BufferedImage image, int x0, int y0, int x1, int y1, Color color,
      int tolerance) {
    int n = 0;
    for (int y = Math.max(0, y0); y <= Math.min(image.getHeight() - 1, y1); y++) {
      for (int x = Math.max(0, x0); x <= Math.min(image.getWidth() - 1, x1); x++) {
        Color c = new Color(image.getRGB(x, y));
        if (Math.abs(c.getRed() - color.getRed()) <= tolerance
            && Math.abs(c.getGreen() - color.getGreen()) <= tolerance
            && Math.abs(c.getBlue() - color.getBlue()) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }
}
