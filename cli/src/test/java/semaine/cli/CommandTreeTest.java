package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@link Main#tree}: a command line that starts with a command's name runs on a tree holding that
 * command alone, and must answer exactly as the whole tree does (output, errors, exit code).
 */
class CommandTreeTest {

  static List<List<String>> commandLines() {
    return List.of(
        List.of("cluster", "--help"),
        List.of("cluster", "--help", "--json"),
        List.of("cluster", "--bogus"),
        List.of("cluster"),
        List.of("cluster", "missing.csv"),
        List.of("classify", "--help"),
        List.of("regress", "--help", "--json"),
        List.of("outliers", "--method", "svm", "x.csv"),
        List.of("datasets", "--json"),
        List.of("datasets", "blobs", "--samples", "5", "--seed", "0", "--json"),
        List.of("nn", "--help"),
        List.of("nn", "bogus"),
        List.of("tokenize", "--help"),
        List.of("search", "--help"),
        List.of("rl", "--help"),
        List.of("tour", "--help"),
        List.of("example", "--help"));
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void oneCommandTreeAnswersAsTheWholeTree(List<String> line) {
    String[] args = line.toArray(String[]::new);
    CliRun whole = CliRun.on(new CommandLine(new SemaineCommand()), false, args);
    CliRun lean = CliRun.on(Main.tree(args), false, args);
    assertEquals(whole, lean);
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void theTreeHoldsOnlyTheNamedCommand(List<String> line) {
    CommandLine tree = Main.tree(line.toArray(String[]::new));
    assertEquals("semaine", tree.getCommandName());
    assertEquals(List.of(line.get(0)), List.copyOf(tree.getSubcommands().keySet()));
  }

  @ParameterizedTest
  @MethodSource("wholeTreeLines")
  void otherLinesGetTheWholeTree(List<String> line) {
    CommandLine tree = Main.tree(line.toArray(String[]::new));
    assertEquals(new CommandLine(new SemaineCommand()).getSubcommands().keySet(),
        tree.getSubcommands().keySet());
  }

  static List<List<String>> wholeTreeLines() {
    return List.of(List.of(), List.of("--version"), List.of("--help"), List.of("bogus"),
        List.of("--json", "cluster"), List.of("Cluster"));
  }
}
