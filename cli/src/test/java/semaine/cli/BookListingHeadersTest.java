package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.util.Json;

/**
 * The headers of {@code examples/} say what the book has: where semaine's record of the book
 * ({@code shared/reference/book.json}, copied to the test resources by
 * {@code reference/book_listings.py}) holds a listing, the header quotes it literally, one
 * statement a line; where the book has no listing, the header says so in those words. A header
 * that drifts from the record, or a new example nobody classified, fails here.
 */
class BookListingHeadersTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String NO_LISTING =
      "The book has no listing here; this program is semaine's.";
  private static final String NOT_RECORDED =
      "semaine's record of the book (shared/reference/book.json) holds no text of this";

  /** Each example: the book.json key it quotes, or what its header must say instead. */
  private static final Map<String, String> KIND = Map.ofEntries(
      Map.entry("first-numbers", NO_LISTING),
      Map.entry("regression", "day2_regression"),
      Map.entry("gradient-descent", NO_LISTING),
      Map.entry("knn", "day3_knn"),
      Map.entry("logistic-regression", NO_LISTING),
      Map.entry("random-forest", NO_LISTING),
      Map.entry("grid-search", NO_LISTING),
      Map.entry("kmeans-elbow", "day4_kmeans"),
      Map.entry("dbscan", NO_LISTING),
      Map.entry("lof", "day5_lof"),
      Map.entry("maze", NO_LISTING),
      Map.entry("lunar-lander-random", NOT_RECORDED),
      Map.entry("lunar-lander", NOT_RECORDED),
      Map.entry("neural-network", NO_LISTING),
      Map.entry("text-generation", NOT_RECORDED));

  private static Map<?, ?> listings() throws IOException {
    try (InputStream in = BookListingHeadersTest.class.getResourceAsStream("/reference/book.json")) {
      return (Map<?, ?>) ((Map<?, ?>) Json.parse(new String(in.readAllBytes(),
          StandardCharsets.UTF_8))).get("listings");
    }
  }

  /** The comment lines at the top of a listing, without their "//" and one space. */
  private static List<String> header(String path) throws IOException {
    List<String> header = new ArrayList<>();
    for (String line : Files.readAllLines(EXAMPLES.resolve(path))) {
      if (!line.startsWith("//")) {
        break;
      }
      header.add(line.length() > 2 ? line.substring(3) : "");
    }
    return header;
  }

  /** Header text joined by spaces, so that a sentence may wrap. */
  private static String prose(List<String> header) {
    return String.join(" ", header).replaceAll("\\s+", " ");
  }

  @Test
  void everyExampleIsClassified() {
    for (ExampleCommand.Example example : ExampleCommand.EXAMPLES) {
      assertTrue(KIND.containsKey(example.name()), example.name() + " is not classified here");
    }
    assertEquals(ExampleCommand.EXAMPLES.size(), KIND.size());
  }

  @Test
  void headersQuoteTheRecordOfTheBookLiterally() throws IOException {
    Map<?, ?> listings = listings();
    int quoted = 0;
    for (ExampleCommand.Example example : ExampleCommand.EXAMPLES) {
      String key = KIND.get(example.name());
      if (!listings.containsKey(key)) {
        continue;
      }
      List<String> header = header(example.path());
      String marker = "listings." + key + ".listing";
      int at = -1;
      for (int i = 0; i < header.size() && at < 0; i++) {
        if (header.get(i).contains(marker)) {
          at = i;
        }
      }
      assertTrue(at >= 0, example.path() + " names " + marker);
      while (!header.get(at).endsWith(":")) {
        at++;
      }
      List<String> statements = new ArrayList<>();
      for (int i = at + 1; i < header.size() && !header.get(i).isBlank(); i++) {
        assertTrue(header.get(i).startsWith("  "), example.path() + ": quoted lines are indented");
        statements.add(header.get(i).strip());
      }
      String expected = (String) ((Map<?, ?>) listings.get(key)).get("listing");
      assertEquals(expected, String.join("; ", statements), example.path());
      quoted++;
    }
    assertEquals(4, quoted, "days 2 to 5 have a record");
  }

  @Test
  void examplesWithoutAListingInTheBookSaySo() throws IOException {
    for (ExampleCommand.Example example : ExampleCommand.EXAMPLES) {
      String kind = KIND.get(example.name());
      if (kind.equals(NO_LISTING) || kind.equals(NOT_RECORDED)) {
        assertTrue(prose(header(example.path())).contains(kind), example.path() + ": " + kind);
      }
    }
  }

  /** No header presents Python as the book's without the record (the paraphrases issue 15 found). */
  @Test
  void noHeaderClaimsUnrecordedPythonAsTheBooks() throws IOException {
    for (ExampleCommand.Example example : ExampleCommand.EXAMPLES) {
      String text = prose(header(example.path()));
      assertFalse(text.contains("Python (the book)"), example.path());
      assertFalse(text.contains("env.reset()[0]"), example.path());
      assertFalse(text.contains("model.predict(X)"), example.path());
    }
  }
}
