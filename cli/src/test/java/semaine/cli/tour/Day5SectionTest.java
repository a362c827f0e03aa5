package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Day5SectionTest {

  @Test
  void dayFiveRunsTheListingAndDrawsItsFigures(@TempDir Path out) throws Exception {
    SectionResult result = new Day5Section().run(
        new TourContext(out, new PrintWriter(new StringWriter())));
    List<String> names = result.figures().stream()
        .map(f -> f.path().getFileName().toString()).toList();
    assertEquals(List.of("day5-bottles.png", "day5-classifier-vs-novelty.png",
        "day5-k-distance.png", "day5-listing.png", "day5-lof-scores.png",
        "day5-novelty-boundary.png", "day5-ocsvm-vs-lof.png"), names);
    for (TourFigure figure : result.figures()) {
      BufferedImage image = ImageIO.read(figure.path().toFile());
      assertNotNull(image, figure.path() + " is a PNG");
      assertTrue(figure.caption().length() > 30, figure.caption());
    }
    Map<String, Object> numbers = result.numbers();
    assertEquals(15, numbers.get("book_outliers_contamination_0_5"));
    assertEquals(1, numbers.get("book_outliers_auto"));
    // OneClassSVM(nu=0.1).fit(X[:30]).predict(X) flags 7 in scikit-learn 1.9.1 (the outlier and
    // six training points on the frontier, decision_function in (-4e-4, 0)); LOF's novelty
    // frontier flags the outlier too
    int svmOut = (Integer) numbers.get("ocsvm_book_outliers");
    assertEquals(7, svmOut);
    assertTrue((Integer) numbers.get("lof_novelty_book_outliers") >= 1);
    // the pictures show what their captions say
    assertEquals("normal", numbers.get("new_defect_classifier_says"));
    assertEquals("outlier", numbers.get("new_defect_novelty_says"));
    assertTrue((Double) numbers.get("bottles_odd_lof")
        > 1.5 * (Double) numbers.get("bottles_next_highest_lof"), numbers.toString());
    assertEquals(1.0, (Double) numbers.get("kdistance_inside_lof"), 0.1);
    assertEquals(2.8, (Double) numbers.get("kdistance_outside_lof"), 0.05);
  }
}
