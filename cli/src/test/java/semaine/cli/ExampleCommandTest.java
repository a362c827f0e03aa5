package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import semaine.util.Json;

/** {@code semaine example}: every listing runs, in the CLI and as a plain {@code java X.java}. */
class ExampleCommandTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  /** The text-generation listing's model: the tiny GPT-2 of nn's tests (no real gpt2 offline). */
  private static final String MODEL_PROPERTY = "semaine.example.model";

  @BeforeAll
  static void useTheTinyGpt2() {
    System.setProperty(MODEL_PROPERTY, GenerateCommandTest.TINY);
  }

  @AfterAll
  static void forgetTheTinyGpt2() {
    System.clearProperty(MODEL_PROPERTY);
  }

  private static Object reference(String name) throws IOException {
    try (InputStream in = ExampleCommandTest.class.getResourceAsStream("/reference/" + name)) {
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyListedExampleExistsAndRunsWithJsonOutput(@TempDir Path out) {
    for (ExampleCommand.Example example : ExampleCommand.EXAMPLES) {
      assertTrue(Files.isRegularFile(EXAMPLES.resolve(example.path())), example.path());
      CliRun run = CliRun.of("example", example.name(), "--out", out.toString(), "--json");
      assertEquals(0, run.code(), example.name() + ": " + run.err());
      Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
      assertEquals(example.name(), json.get("example"));
      assertTrue(!((Map<?, ?>) json.get("numbers")).isEmpty(), example.name());
    }
  }

  @Test
  void firstNumbersShowsNumpysAndScikitLearnsValues() throws IOException {
    CliRun run = CliRun.of("example", "first-numbers", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> numbers = (Map<?, ?>) ((Map<?, ?>) Json.parse(run.out())).get("numbers");
    // np.random.seed(0); np.random.randn(3) (the fact sheet's and rng.json's first values)
    assertEquals(List.of(1.764052345967664, 0.4001572083672233, 0.9787379841057392),
        numbers.get("randn(3)"));
    Map<?, ?> blobs = (Map<?, ?>) reference("blobs_50_2_2_1_seed0.json");
    assertEquals(((List<?>) blobs.get("X")).subList(0, 3), numbers.get("X[:3]"));
    assertEquals(((List<?>) blobs.get("y")).subList(0, 10), numbers.get("y[:10]"));
    assertEquals(((Map<?, ?>) reference("iris.json")).get("target_names"),
        numbers.get("iris.target_names"));
  }

  @Test
  void kmeansElbowShowsScikitLearnsInertiasElbowAndLabels() throws IOException {
    CliRun run = CliRun.of("example", "kmeans-elbow", "--seed", "0", "--json"); // the record's seed
    assertEquals(0, run.code(), run.err());
    Map<?, ?> numbers = (Map<?, ?>) ((Map<?, ?>) Json.parse(run.out())).get("numbers");
    Map<?, ?> book = (Map<?, ?>) ((Map<?, ?>) reference("cluster.json")).get("book_listing");
    assertEquals(book.get("k"), numbers.get("k"));
    List<?> expected = (List<?>) book.get("inertia");
    List<?> actual = (List<?>) numbers.get("inertia");
    for (int i = 0; i < expected.size(); i++) {
      double e = ((Number) expected.get(i)).doubleValue();
      assertEquals(e, ((Number) actual.get(i)).doubleValue(), 1e-9 * e, "k=" + (i + 1));
    }
    assertEquals(book.get("elbow"), numbers.get("elbow (Kneedle)"));
    assertEquals(book.get("predictions_first10"), numbers.get("predictions[:10]"));
    double inertia = ((Number) book.get("inertia_k4")).doubleValue();
    assertEquals(inertia, ((Number) numbers.get("inertia_ (k=4)")).doubleValue(), 1e-9 * inertia);
  }

  @Test
  void neuralNetworkPricesHousesAndReadsDigits() {
    CliRun run = CliRun.of("example", "neural-network", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> numbers = (Map<?, ?>) ((Map<?, ?>) Json.parse(run.out())).get("numbers");
    double r2 = ((Number) numbers.get("houses: test R²")).doubleValue();
    assertTrue(r2 > 0.95 && r2 <= 1, "house prices test R² " + r2);
    double accuracy = ((Number) numbers.get("digits: test accuracy")).doubleValue();
    assertTrue(accuracy >= 0.97, "digits test accuracy " + accuracy);
    List<?> loss = (List<?>) numbers.get("digits: first and last loss");
    assertTrue(((Number) loss.get(1)).doubleValue() < ((Number) loss.get(0)).doubleValue() / 10,
        "the loss falls: " + loss);
  }

  @Test
  void lofListingShowsScikitLearnsPredictionsAndSavesItsFigure(@TempDir Path out)
      throws IOException {
    CliRun run = CliRun.of("example", "lof", "--out", out.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> numbers = (Map<?, ?>) ((Map<?, ?>) Json.parse(run.out())).get("numbers");
    Map<?, ?> book = (Map<?, ?>) ((Map<?, ?>) reference("book_day5_lof.json")).get("day5_lof");
    assertEquals(book.get("predictions"), numbers.get("predictions"));
    assertEquals(book.get("offset"), numbers.get("offset_"));
    Path png = out.resolve("lof.png");
    assertEquals(List.of(out.resolve("lof-data.png").toString(), png.toString()),
        numbers.get("saved"));
    assertTrue(Files.size(png) > 1000, png.toString());
  }

  @Test
  void seedOptionChangesTheListingsSeed() {
    CliRun book = CliRun.of("example", "first-numbers", "--json");
    CliRun other = CliRun.of("example", "first-numbers", "--seed", "1", "--json");
    Map<?, ?> a = (Map<?, ?>) ((Map<?, ?>) Json.parse(book.out())).get("numbers");
    Map<?, ?> b = (Map<?, ?>) ((Map<?, ?>) Json.parse(other.out())).get("numbers");
    assertTrue(!a.get("randn(3)").equals(b.get("randn(3)")));
    // np.random.seed(1); np.random.randn(3)
    assertEquals(List.of(1.6243453636632417, -0.6117564136500754, -0.5281717522634557),
        b.get("randn(3)"));
  }

  @ParameterizedTest
  @CsvSource({"regression, day2-data.png day2-regression.png",
      "knn, day3-new-points.png day3-knn.png",
      "kmeans-elbow, day4-elbow.png day4-kmeans.png",
      "neural-network, day7-loss-curve.png"})
  void listingSavesItsFiguresAsReadablePngs(String name, String files, @TempDir Path out)
      throws IOException {
    CliRun run = CliRun.of("example", name, "--out", out.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> numbers = (Map<?, ?>) ((Map<?, ?>) Json.parse(run.out())).get("numbers");
    List<String> names = List.of(files.split(" "));
    assertEquals(names.stream().map(file -> out.resolve(file).toString()).toList(),
        numbers.get("saved"));
    for (String file : names) {
      BufferedImage image = ImageIO.read(out.resolve(file).toFile());
      assertNotNull(image, file + " is a PNG");
      assertEquals(640, image.getWidth(), file);
      assertEquals(480, image.getHeight(), file);
    }
  }

  @Test
  void listingsRunAsPlainSourceFilesWithTheSameOutput(@TempDir Path out) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    for (ExampleCommand.Example example : ExampleCommand.EXAMPLES) {
      // days 3, 4 and 6 are unseeded, as in the book: both runs get the same --seed
      Process process = new ProcessBuilder(java, "--class-path", classPath,
          "-Djava.awt.headless=true", "-D" + semaine.util.Listing.SEED_PROPERTY + "=5",
          "-D" + semaine.util.Listing.OUT_PROPERTY + "=" + out,
          "-D" + MODEL_PROPERTY + "=" + GenerateCommandTest.TINY,
          EXAMPLES.resolve(example.path()).toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), example.name() + " timed out");
      assertEquals(0, process.exitValue(), example.name());
      assertEquals(CliRun.of("example", example.name(), "--seed", "5", "--out", out.toString())
          .out(), printed, example.name());
    }
  }

  /** The book's three lines give the text of {@code semaine generate} with the same seed. */
  @Test
  void textGenerationListingEqualsTheGenerateCommandWithSeed42() {
    CliRun run = CliRun.of("example", "text-generation", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> numbers = (Map<?, ?>) ((Map<?, ?>) Json.parse(run.out())).get("numbers");
    CliRun generate = CliRun.of("generate", "I loved reading that book.", "--model",
        GenerateCommandTest.TINY, "--seed", "42", "--max-length", "50", "--json");
    Map<?, ?> first = (Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parse(generate.out()))
        .get("generated")).getFirst();
    assertEquals(List.of(first.get("text")), numbers.get("generated_text"));
    assertEquals(first.get("ids"), numbers.get("ids"));
    assertEquals(50, ((List<?>) numbers.get("ids")).size());
  }

  /**
   * Without the model (tests run with HF_HUB_OFFLINE=1 and an empty HF_HOME) the listing says
   * where it looked and continues with the embedded model.
   */
  @Test
  void textGenerationWithoutTheModelFallsBackToTheEmbeddedOne() {
    System.setProperty(MODEL_PROPERTY, "no-such-gpt2-here");
    try {
      CliRun run = CliRun.of("example", "text-generation", "--json");
      assertEquals(0, run.code(), run.err());
      Map<?, ?> numbers = (Map<?, ?>) ((Map<?, ?>) Json.parse(run.out())).get("numbers");
      assertEquals("moby-dick", numbers.get("model"));
      String notice = (String) numbers.get("notice");
      assertTrue(notice.contains("no-such-gpt2-here") && notice.contains("models--no-such-gpt2-here")
          && notice.contains("moby-dick"), notice);
      assertEquals(50, ((List<?>) numbers.get("ids")).size());
    } finally {
      System.setProperty(MODEL_PROPERTY, GenerateCommandTest.TINY);
    }
  }

  @Test
  void unknownExampleIsAUsageErrorListingTheNames() {
    CliRun run = CliRun.of("example", "nope");
    assertEquals(2, run.code());
    assertTrue(run.errLines().get(0).contains("unknown example 'nope'"), run.err());
    assertTrue(run.errLines().get(0).contains("first-numbers"), run.err());
  }
}
