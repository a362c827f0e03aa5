package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.plot.Axes;
import semaine.plot.Colors;

class Day7SectionTest {

  @Test
  void daySevenDrawsItsNineFiguresItsNetworksLearnAndItGeneratesText(@TempDir Path out)
      throws Exception {
    SectionResult result = new Day7Section().run(
        new TourContext(out, new PrintWriter(new StringWriter())));
    FigureAssert.figures(result, List.of("day7-network.png", "day7-activations.png",
        "day7-backprop.png", "day7-loss-curve.png", "day7-misclassified.png",
        "day7-autoencoder-errors.png", "day7-autoencoder-top.png", "day7-next-token.png",
        "day7-gpt2-training.png"),
        new int[][] {{900, 600}, {960, 720}, {1200, 320}, {640, 480}, {800, 310}, {800, 480},
            {800, 310}, {1200, 420}, {640, 480}});
    // the prompt's tokens, and a greedy continuation that is the embedded model's (EmbeddedModelTest
    // checks those ids against transformers)
    assertEquals(List.of("I", "␣lo", "ved", "␣read", "ing", "␣that", "␣book", "."),
        result.numbers().get("gpt2_prompt_tokens"));
    String greedy = (String) result.numbers().get("gpt2_greedy_text");
    assertTrue(greedy.startsWith("I loved reading that book.") && greedy.length() > 60, greedy);
    var continuations = result.tables().get(1);
    assertEquals(4, continuations.rows().size());
    assertEquals(greedy, continuations.rows().getFirst().get(1));
    assertTrue((Double) result.numbers().get("gpt2_embedded_validation_loss") < 5);
    Map<String, Object> numbers = result.numbers();
    assertTrue((Double) numbers.get("houses_test_r2") > 0.95, numbers.toString());
    assertTrue((Double) numbers.get("digits_test_accuracy") >= 0.97, numbers.toString());
    int flagged = (Integer) numbers.get("autoencoder_flagged_anomalies");
    int falseAlarms = (Integer) numbers.get("autoencoder_flagged_normal");
    assertTrue(flagged >= 50, "most of the 60 rotated digits are flagged: " + flagged);
    assertTrue(falseAlarms <= 20, "few of the 450 normal test digits are flagged: " + falseAlarms);
  }

  @Test
  void theReluPanelIsBlueOnTheDiagonalAndBlankAboveIt(@TempDir Path out) throws Exception {
    var figure = Day7Figures.activations();
    Path file = figure.savefig(out.resolve("activations.png"));
    BufferedImage image = ImageIO.read(file.toFile());
    Axes relu = figure.allAxes().getFirst();
    Color blue = Colors.parse("tab:blue");
    assertTrue(nearby(image, relu.dataToPixel(3, 3), blue), "ReLU(3) = 3 is drawn");
    assertFalse(nearby(image, relu.dataToPixel(-3, 2), blue), "nothing at (-3, 2)");
  }

  @Test
  void aRotatedDigitTurnsAQuarterToTheRight() {
    double[] image = new double[64];
    image[0] = 1; // top left
    double[] rotated = Day7Section.Autoencoder.rotate(image);
    assertEquals(1, rotated[7]); // top right
    assertEquals(1, java.util.Arrays.stream(rotated).sum());
  }

  private static boolean nearby(BufferedImage image, Point2D p, Color c) {
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        if (FigureAssert.close(FigureAssert.pixel(image, (int) p.getX() + dx,
            (int) p.getY() + dy), c, 8)) {
          return true;
        }
      }
    }
    return false;
  }
}
