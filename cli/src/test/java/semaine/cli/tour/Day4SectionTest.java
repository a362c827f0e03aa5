package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.util.Json;

/** Day 4 of the tour shows scikit-learn's numbers for the book's k-means listing. */
class Day4SectionTest {

  @TempDir
  Path tmp;

  @Test
  void bookListingInertiasElbowAndFinalFitMatchScikitLearn() throws Exception {
    Map<?, ?> book;
    try (InputStream in = getClass().getResourceAsStream("/reference/cluster.json")) {
      book = (Map<?, ?>) ((Map<?, ?>) Json.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8))).get("book_listing");
    }
    SectionResult result = new Day4Section().run(
        new TourContext(tmp, new PrintWriter(new StringWriter())));
    Map<String, Object> numbers = result.numbers();
    assertEquals(((Number) book.get("k")).intValue(), numbers.get("k_drawn"));
    double[] inertias = (double[]) numbers.get("inertias");
    List<?> expected = (List<?>) book.get("inertia");
    for (int i = 0; i < expected.size(); i++) {
      double e = ((Number) expected.get(i)).doubleValue();
      assertEquals(e, inertias[i], 1e-9 * e, "K=" + (i + 1));
    }
    assertEquals(((Number) book.get("elbow")).intValue(), numbers.get("elbow"));
    double k4 = ((Number) book.get("inertia_k4")).doubleValue();
    assertEquals(k4, (double) numbers.get("kmeans4_inertia"), 1e-9 * k4);
  }
}
