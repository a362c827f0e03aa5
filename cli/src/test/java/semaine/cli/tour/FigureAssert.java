package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Checks on the PNG files a tour section wrote. */
final class FigureAssert {

  private FigureAssert() {}

  /**
   * The section's figures are {@code names}, in order, each a readable PNG of the given
   * {@code sizes[i] = {width, height}} with a caption of a sentence or more.
   */
  static void figures(SectionResult result, List<String> names, int[][] sizes) throws IOException {
    assertEquals(names, result.figures().stream()
        .map(f -> f.path().getFileName().toString()).toList());
    for (int i = 0; i < names.size(); i++) {
      TourFigure figure = result.figures().get(i);
      BufferedImage image = ImageIO.read(figure.path().toFile());
      assertNotNull(image, figure.path() + " is a PNG");
      assertEquals(sizes[i][0], image.getWidth(), names.get(i));
      assertEquals(sizes[i][1], image.getHeight(), names.get(i));
      assertTrue(figure.caption().length() > 60, figure.caption());
    }
  }

  /** The image's colour at pixel (x, y), without alpha. */
  static Color pixel(BufferedImage image, int x, int y) {
    return new Color(image.getRGB(x, y) & 0xffffff);
  }

  /** True when each channel of {@code a} is within {@code tolerance} of {@code b}'s. */
  static boolean close(Color a, Color b, int tolerance) {
    return Math.abs(a.getRed() - b.getRed()) <= tolerance
        && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
        && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
  }

  /** True when a pixel within 1 px of {@code p} has the colour {@code c} (channels within 8). */
  static boolean nearby(BufferedImage image, Point2D p, Color c) {
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        if (close(pixel(image, (int) p.getX() + dx, (int) p.getY() + dy), c, 8)) {
          return true;
        }
      }
    }
    return false;
  }
}
