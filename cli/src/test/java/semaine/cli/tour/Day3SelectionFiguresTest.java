package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Day 3's model-selection figures show what their captions say. */
class Day3SelectionFiguresTest {

  @Test
  void oneNeighbourIsPerfectOnTrainingDataAndWorseHeldOut() {
    double[][] curve = Day3SelectionFigures.validationCurve(Day3SelectionFigures.moons());
    assertEquals(1.0, curve[0][0], 0.0, "k = 1 classifies its own training points");
    double bestHeldOut = Arrays.stream(curve[1]).max().orElseThrow();
    assertTrue(curve[1][0] < bestHeldOut, "k = 1 overfits: " + Arrays.toString(curve[1]));
    int last = curve[1].length - 1;
    assertTrue(curve[1][last] < bestHeldOut && curve[0][last] < curve[0][0],
        "the largest k underfits: " + Arrays.toString(curve[1]));
  }

  @Test
  void scalingHelpsKnnOnWineAndTheGridsBestIsItsHighestCell(@TempDir Path out) throws Exception {
    Map<String, Object> numbers = new LinkedHashMap<>();
    var figures = Day3SelectionFigures.draw(
        new TourContext(out, new PrintWriter(new StringWriter())), numbers);
    assertEquals(3, figures.size());
    double raw = (Double) numbers.get("wine_knn_accuracy_unscaled");
    double scaled = (Double) numbers.get("wine_knn_accuracy_scaled");
    assertTrue(scaled > raw + 0.2, raw + " -> " + scaled);
    double best = (Double) numbers.get("grid_best_score");
    double[][] curve = Day3SelectionFigures.validationCurve(Day3SelectionFigures.moons());
    // the grid's uniform k = 1, 3, 5, 15 are points of the validation curve (same folds): none
    // beats the grid's best
    for (int i = 0; i < Day3SelectionFigures.KS.length; i++) {
      if (Day3SelectionFigures.GRID_KS.contains(Day3SelectionFigures.KS[i])) {
        assertTrue(curve[1][i] <= best + 1e-12, "k = " + Day3SelectionFigures.KS[i]);
      }
    }
    assertTrue(figures.get(1).caption().contains(String.format(java.util.Locale.ROOT, "%.3f",
        best)));
  }
}
