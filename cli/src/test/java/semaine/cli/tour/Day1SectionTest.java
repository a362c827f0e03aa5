package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Day1SectionTest {

  @Test
  void dayOneDrawsItsFiguresWithCaptions(@TempDir Path out) throws Exception {
    SectionResult result = new Day1Section().run(
        new TourContext(out, new PrintWriter(new StringWriter())));
    List<String> names = result.figures().stream()
        .map(f -> f.path().getFileName().toString()).toList();
    assertEquals(List.of("day1-houses.png", "day1-cats-dogs.png", "day1-unlabelled.png",
        "day1-blobs.png", "day1-digits-pca.png", "day1-digits-scree.png"), names);
    for (TourFigure figure : result.figures()) {
      BufferedImage image = ImageIO.read(figure.path().toFile());
      assertNotNull(image, figure.path() + " is a PNG");
      assertEquals(640, image.getWidth());
      assertTrue(figure.caption().length() > 30, figure.caption());
    }
    // the houses were drawn around price = 1.9 x surface + 40 with noise of 25 k€
    double slope = (Double) result.numbers().get("houses_fitted_slope_keur_per_m2");
    assertTrue(slope > 1.6 && slope < 2.2, "slope " + slope);
    String html = TourPage.render(out, List.of(new SectionRun(1, "t", 0.1, result)), "s");
    assertTrue(html.contains("<img src=\"figures/day1-blobs.png\""), html);
    assertTrue(html.contains("<figcaption>The two blobs of make_blobs"), html);
  }

  @Test
  void leastSquaresRecoversAnExactLine() {
    double[] fit = Day1Figures.leastSquares(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
    assertEquals(2, fit[0], 1e-12);
    assertEquals(1, fit[1], 1e-12);
  }
}
