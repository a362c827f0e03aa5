package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.plot.Colors;
import semaine.plot.Figure;
import semaine.util.Json;

class Day2SectionTest {

  @Test
  void dayTwoDrawsItsFiguresAndTheFittedLineWhereScikitLearnPutsIt(@TempDir Path out)
      throws Exception {
    SectionResult result = new Day2Section().run(
        new TourContext(out, new PrintWriter(new StringWriter())));
    FigureAssert.figures(result, List.of("day2-regression.png", "day2-loss-curves.png",
        "day2-loss-bowl.png", "day2-loss-per-iteration.png", "day2-descent-lines.png",
        "day2-regularisation-paths.png", "day2-polynomial-fits.png"),
        new int[][] {{640, 480}, {960, 420}, {720, 560}, {640, 480}, {1050, 780}, {1200, 480},
            {1200, 720}});

    // scikit-learn's line on the book's data, as NumPy drew it: y = 1.4544 x + 2.9855
    Map<?, ?> book;
    try (InputStream in = getClass().getResourceAsStream("/reference/book_day2_regression.json")) {
      book = (Map<?, ?>) ((Map<?, ?>) Json.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8))).get("day2_regression");
    }
    double coef = (Double) book.get("coef");
    double intercept = (Double) book.get("intercept");
    double[] x = toArray((List<?>) book.get("X"));
    double[] y = toArray((List<?>) book.get("y"));
    // the same axes as the saved figure (same data, same limits) map data to pixels
    Figure same = Day2Figures.regression(x, y, coef, intercept);
    BufferedImage image = ImageIO.read(result.figures().getFirst().path().toFile());
    Color red = Colors.parse("tab:red");
    Point2D onLine = same.allAxes().getFirst().dataToPixel(0, coef * 0 + intercept);
    assertTrue(FigureAssert.nearby(image, onLine, red),
        "the red line passes through (0, intercept) at " + onLine);
    Point2D farAbove = same.allAxes().getFirst().dataToPixel(0, intercept + 2);
    assertFalse(FigureAssert.nearby(image, farAbove, red),
        "no red 2 units above the line at " + farAbove);
  }

  private static double[] toArray(List<?> values) {
    return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }
}
