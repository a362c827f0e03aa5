package semaine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.data.Datasets;
import semaine.ensemble.RandomForestClassifier;
import semaine.util.Repr;

/**
 * {@code examples/spark/ScoreCsv.java} compiles against this module and Spark, and writes the
 * local model's predictions for the rows of a CSV file as Parquet.
 */
class ScoreCsvExampleTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "spark", "ScoreCsv.java");

  @Test
  void theExampleScoresACsvFileIntoParquet(@TempDir Path dir) throws Exception {
    semaine.data.Dataset iris = Datasets.loadIris();
    RandomForestClassifier forest = new RandomForestClassifier().nEstimators(5).randomState(1);
    forest.fit(iris.X(), ModelScorerTest.labels(iris.y()));
    List<String> names = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    Path model = dir.resolve("forest.semaine");
    Models.save(forest, model, names, iris.targetNames());
    StringBuilder csv = new StringBuilder("id," + String.join(",", names) + "\n");
    for (int i = 0; i < iris.nSamples(); i++) {
      csv.append(i);
      for (double v : iris.X()[i]) {
        csv.append(',').append(Repr.of(v));
      }
      csv.append('\n');
    }
    Path data = Files.writeString(dir.resolve("rows.csv"), csv);
    Path out = dir.resolve("scored.parquet");

    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    int code = javac.run(null, errors, errors, "--release", "25", "-proc:none",
        "-cp", classPath, "-d", classes.toString(),
        EXAMPLE.toString());
    assertEquals(0, code, errors.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      Class<?> program = loader.loadClass("ScoreCsv");
      Constructor<?> create = program.getDeclaredConstructor();
      create.setAccessible(true);
      Method main = program.getDeclaredMethod("main", String[].class);
      main.setAccessible(true);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(create.newInstance(), (Object) new String[] {model.toString(),
          data.toString(), out.toString()});
    } finally {
      System.setOut(stdout);
    }
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("scored"), printed.toString());

    List<Row> rows = LocalSpark.session().read().parquet(out.toString()).orderBy("id")
        .collectAsList();
    int[] expected = forest.predict(iris.X());
    assertEquals(expected.length, rows.size());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(iris.targetNames().get(expected[i]), rows.get(i).getAs("prediction"));
    }
  }
}
