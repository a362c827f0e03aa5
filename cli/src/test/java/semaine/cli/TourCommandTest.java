package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.cli.tour.Tour;
import semaine.cli.tour.TourSection;
import semaine.util.Json;

/** The tour runs every chapter, so it is run twice for the whole class: as text and as JSON. */
class TourCommandTest {

  @TempDir
  static Path shared;

  private static Path jsonOut;
  private static CliRun jsonRun;

  @BeforeAll
  static void runTheTourAsJsonOnce() {
    jsonOut = shared.resolve("json");
    jsonRun = CliRun.of("tour", "--json", "--out", jsonOut.toString());
  }

  @Test
  void tourWritesIndexWithEverySectionTitle(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("tour");
    CliRun run = CliRun.of("tour", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("<title>semaine — the week in Java</title>"), html);
    List<TourSection> sections = Tour.sections();
    for (TourSection section : sections) {
      assertTrue(html.contains("Day " + section.day() + " — " + section.title()), section.title());
      assertTrue(run.err().contains("Day " + section.day() + " — " + section.title()), run.err());
    }
    assertTrue(run.err().startsWith("[1/" + sections.size() + "] Day 1 — "), run.err());
    assertTrue(run.out().startsWith("Wrote " + out.resolve("index.html")), run.out());
  }

  @Test
  void tourJsonSummarisesEachSection() {
    CliRun run = jsonRun;
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(jsonOut.toAbsolutePath().normalize().toString(), json.get("out"));
    List<?> sections = (List<?>) json.get("sections");
    assertEquals(Tour.sections().size(), sections.size());
    Map<?, ?> day1 = (Map<?, ?>) sections.getFirst();
    assertEquals(1L, day1.get("day"));
    assertEquals(Tour.sections().getFirst().title(), day1.get("title"));
    assertTrue((Double) day1.get("seconds") >= 0);
    assertEquals(3L, ((Map<?, ?>) day1.get("numbers")).get("families"));
  }

  @Test
  void dayOneShowsTheBooksFirstNumbersAndTheBundledDatasets() throws IOException {
    CliRun run = jsonRun;
    assertEquals(0, run.code(), run.err());
    Map<?, ?> day1 = (Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parse(run.out())).get("sections")).get(0);
    Map<?, ?> numbers = (Map<?, ?>) day1.get("numbers");
    // np.random.seed(0); np.random.randn(3), and make_blobs(50, centers=2)'s 25 + 25 labels
    assertEquals(List.of(1.764052345967664, 0.4001572083672233, 0.9787379841057392),
        numbers.get("randn3_seed0"));
    assertEquals(List.of(25L, 25L), numbers.get("blobs_class_counts"));
    String html = Files.readString(jsonOut.resolve("index.html"));
    for (String row : List.of("iris", "wine", "breast_cancer", "digits", "diabetes", "50 / 50 / 50")) {
      assertTrue(html.contains(row), row);
    }
  }

  @Test
  void dayTwoShowsTheBooksLineAndTheDescentThatReachesIt() throws IOException {
    CliRun run = jsonRun;
    assertEquals(0, run.code(), run.err());
    Map<?, ?> day2 = (Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parse(run.out())).get("sections")).get(1);
    assertEquals(2L, day2.get("day"));
    Map<?, ?> numbers = (Map<?, ?>) day2.get("numbers");
    Map<?, ?> book;
    try (var in = getClass().getResourceAsStream("/reference/book_day2_regression.json")) {
      book = (Map<?, ?>) ((Map<?, ?>) Json.parse(
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)))
          .get("day2_regression");
    }
    assertEquals(book.get("coef"), numbers.get("coef"));
    assertEquals(book.get("intercept"), numbers.get("intercept"));
    assertEquals((Double) book.get("coef"), (Double) numbers.get("gd_coef"), 1e-4);
    assertEquals((Double) book.get("intercept"), (Double) numbers.get("gd_intercept"), 1e-4);
    assertTrue((Double) numbers.get("loss_at_least_squares") <= (Double) numbers.get("gd_loss"));
    assertTrue((Double) numbers.get("suggested_rate") < 2.5);
  }

  @Test
  void sectionsRunInDayOrderWithoutDuplicates() {
    List<Integer> days = Tour.sections().stream().map(TourSection::day).toList();
    assertEquals(days.stream().sorted().distinct().toList(), days);
    assertTrue(days.stream().allMatch(d -> d >= 1 && d <= 7), days.toString());
  }
}
