package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@link PlainLine}: a plain command line sets exactly the fields picocli sets, and any other line
 * is left to picocli, so that what a user sees (results, errors, help) does not depend on which
 * parsed it.
 */
class PlainLineTest {

  static List<List<String>> plainLines() {
    return List.of(
        List.of("cluster", "data.csv", "--k", "8", "--n-init", "1", "--seed", "0"),
        List.of("cluster", "data.csv", "--k=8", "--seed=0", "--json"),
        List.of("cluster", "--k", "3", "data.csv", "--drop", "a,b", "--drop", "c", "--param",
            "n_init=2", "--param", "max_iter=5", "--save", "m.semaine"),
        List.of("cluster", "data.csv", "--elbow", "2:5", "--target", "y"),
        List.of("cluster", "data.csv", "--method", "minibatch-kmeans", "--param", "batch_size=64",
            "--stream", "--dtype", "float32", "--init", "random"),
        List.of("cluster", "data.csv", "--param=eps=0.5", "--method=dbscan", "--target", ""),
        List.of("classify", "train.csv", "--target", "y", "--k", "5", "--predict", "q.csv",
            "--proba", "--model", "knn", "--weights", "distance"),
        List.of("classify", "train.csv", "--target", "y", "--scale", "standard", "--encode",
            "onehot", "--dtype", "float64"),
        List.of("regress", "data.csv", "--target", "y"),
        List.of("regress", "data.csv", "--target", "y", "--model", "gd", "--learning-rate", "0.1",
            "--max-iter", "100", "--tol", "1e-3", "--stream", "--predict", "q.csv"),
        List.of("regress", "data.csv", "--target", "y", "--method", "tree", "--param",
            "max_depth=8", "--dtype", "float32"),
        List.of("outliers", "data.csv", "--method", "lof", "--neighbors", "20"),
        List.of("outliers", "data.csv", "--method", "iforest", "--contamination", "0.1", "--seed",
            "4294967295", "--json"),
        List.of("outliers", "data.csv"),
        List.of("predict", "m.semaine", "data.csv", "--out", "answers.csv", "--drop", "y"),
        List.of("predict", "m.semaine", "data.csv", "--json"),
        List.of("decompose", "data.csv", "--pca", "2", "--out", "pcs.csv"),
        List.of("search", "data.csv", "--target", "y", "--grid", "n_neighbors=1,3;weights=uniform",
            "--cv", "3", "--scoring", "accuracy"),
        List.of("search", "data.csv", "--target", "y", "--grid", "alpha=0.1,1", "--model", "ridge",
            "--regress", "--random", "4"));
  }

  /** Lines picocli must parse: help, errors, and what PlainLine does not read. */
  static List<List<String>> otherLines() {
    return List.of(
        List.of("cluster", "--help"),
        List.of("cluster", "data.csv", "-h"),
        List.of("cluster", "--version"),
        List.of("cluster"),
        List.of("cluster", "a.csv", "b.csv"),
        List.of("cluster", "data.csv", "--k"),
        List.of("cluster", "data.csv", "--k", "0"),
        List.of("cluster", "data.csv", "--k", "-1"),
        List.of("cluster", "data.csv", "--k", "abc"),
        List.of("cluster", "data.csv", "--k", "3", "--k", "4"),
        List.of("cluster", "data.csv", "--bogus"),
        List.of("cluster", "data.csv", "--k", "3", "--json=true"),
        List.of("cluster", "@args.txt"),
        List.of("cluster", "data.csv", "--", "--k"),
        List.of("cluster", "data.csv", "--target", "--k"),
        List.of("cluster", "data.csv", "--drop", "a,,b"),
        List.of("cluster", "data.csv", "--drop", "\"a,b\""),
        List.of("cluster", "data.csv", "--seed", "4294967296"),
        List.of("decompose", "data.csv"),
        List.of("search", "data.csv", "--target", "y"),
        List.of("inspect", "m.semaine", "--tree-index", "0"),
        List.of("regress", "data.csv", "--target", "y", "--tol", "-1"));
  }

  @ParameterizedTest
  @MethodSource("plainLines")
  void setsTheFieldsPicocliSets(List<String> line) throws Exception {
    String[] args = line.toArray(String[]::new);
    ResultCommand plain = PlainLine.parse(command(args[0]), args);
    assertNotNull(plain, "a plain line: " + line);
    CommandLine tree = new CommandLine(new RootCommand()).addSubcommand(command(args[0]));
    tree.parseArgs(args);
    Object parsed = tree.getSubcommands().get(args[0]).getCommand();
    Map<String, Object> expected = fields(parsed);
    assertTrue(expected.size() > 3, "the comparison reads the options: " + expected);
    assertEquals(expected, fields(plain), String.join(" ", line));
  }

  @ParameterizedTest
  @MethodSource("otherLines")
  void leavesOtherLinesToPicocli(List<String> line) {
    String[] args = line.toArray(String[]::new);
    assertNull(PlainLine.parse(command(args[0]), args), String.join(" ", line));
  }

  /** The lines picocli parses answer as before: CliRun.of goes through Main's choice. */
  @ParameterizedTest
  @MethodSource("otherLines")
  void otherLinesAnswerAsPicocli(List<String> line) {
    String[] args = line.toArray(String[]::new);
    assertEquals(CliRun.picocli(args), CliRun.of(args));
  }

  /** Failures inside a command parsed by PlainLine: the same message, hint and exit code. */
  @Test
  void failuresOfPlainLinesAnswerAsPicocli(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("data.csv");
    Files.writeString(data, "a,b,y\n1,2,0\n2,3,1\n3,5,0\n4,4,1\n5,1,0\n");
    String file = data.toString();
    List<List<String>> lines = List.of(
        List.of("cluster", file),
        List.of("cluster", file, "--k", "9"),
        List.of("cluster", file, "--k", "2", "--param", "max_iter=0"),
        List.of("cluster", file, "--k", "2", "--param", "nonsense=1"),
        List.of("cluster", dir.resolve("missing.csv").toString(), "--k", "2"),
        List.of("classify", file, "--target", "nope"),
        List.of("classify", file, "--target", "y", "--param", "n_neighbors=0", "--json"),
        List.of("regress", file, "--target", "y", "--model", "bogus"),
        List.of("regress", file, "--target", "y", "--learning-rate", "0.1"),
        List.of("outliers", file, "--method", "svm"),
        List.of("predict", dir.resolve("none.semaine").toString(), file));
    for (List<String> line : lines) {
      String[] args = line.toArray(String[]::new);
      assertNotNull(PlainLine.parse(command(args[0]), args), "a plain line: " + line);
      CliRun picocli = CliRun.picocli(args);
      assertTrue(picocli.code() != 0, "fails: " + line);
      assertEquals(picocli, CliRun.of(args), String.join(" ", line));
    }
  }

  /** Successful runs print the same: text and JSON. */
  @Test
  void plainLinesPrintAsPicocli(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("data.csv");
    Files.writeString(data, "a,b,y\n1,2,0\n2,3,1\n3,5,0\n4,4,1\n5,1,0\n6,2,1\n");
    String file = data.toString();
    for (List<String> line : List.of(
        List.of("cluster", file, "--k", "2", "--seed", "0", "--target", "y"),
        List.of("classify", file, "--target", "y", "--k", "3", "--json"),
        List.of("regress", file, "--target", "y"),
        List.of("outliers", file, "--neighbors", "3", "--drop", "y", "--json"))) {
      String[] args = line.toArray(String[]::new);
      CliRun picocli = CliRun.picocli(args);
      assertEquals(0, picocli.code(), picocli.err());
      CliRun plain = CliRun.of(args);
      assertEquals(picocli.code(), plain.code());
      assertEquals(picocli.err(), plain.err());
      // fit_seconds differ between two runs; everything else is the same
      assertEquals(withoutSeconds(picocli.out()), withoutSeconds(plain.out()));
    }
  }

  /** PlainLine reads fields only: no command it parses declares options on methods. */
  @Test
  void plainCommandsDeclareOptionsOnFieldsOnly() {
    for (String name : PlainLine.COMMANDS) {
      List<Class<?>> classes = new ArrayList<>(List.of(command(name)));
      for (int i = 0; i < classes.size(); i++) {
        for (Class<?> c = classes.get(i); c != Object.class; c = c.getSuperclass()) {
          for (Method m : c.getDeclaredMethods()) {
            assertTrue(m.getAnnotation(Option.class) == null
                && m.getAnnotation(Parameters.class) == null
                && m.getAnnotation(Mixin.class) == null, m.toString());
          }
          for (Field f : c.getDeclaredFields()) {
            if (f.getAnnotation(Mixin.class) != null) {
              classes.add(f.getType());
            }
          }
        }
      }
    }
  }

  private static String withoutSeconds(String out) {
    return out.replaceAll("\"(fit|predict)_seconds\":[0-9.eE-]+", "")
        .replaceAll("\\([0-9.]+ s\\)", "");
  }

  private static Class<?> command(String name) {
    return Stream.of(SemaineCommand.class.getAnnotation(Command.class).subcommands())
        .filter(c -> c.getAnnotation(Command.class).name().equals(name))
        .findFirst().orElseThrow();
  }

  /** Every option and parameter field of the command and its mixins, by owner and name. */
  private static Map<String, Object> fields(Object command) throws IllegalAccessException {
    Map<String, Object> values = new LinkedHashMap<>();
    collect(command, command.getClass().getSimpleName(), values);
    return values;
  }

  private static void collect(Object owner, String path, Map<String, Object> values)
      throws IllegalAccessException {
    for (Class<?> c = owner.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        f.setAccessible(true);
        if (f.getAnnotation(Mixin.class) != null) {
          collect(f.get(owner), path + "." + f.getName(), values);
        } else if (f.getAnnotation(Option.class) != null || f.getAnnotation(Parameters.class) != null) {
          values.put(path + "." + f.getName(), f.get(owner));
        }
      }
    }
  }
}
