package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import semaine.util.Json;

class MainTest {

  /** The top-level commands, in the order the help and the error messages list them. */
  private static final List<String> COMMANDS = List.copyOf(
      new picocli.CommandLine(new SemaineCommand()).getSubcommands().keySet());

  @Test
  void versionPrintsSemaineVersionAndJavaVersion() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.code());
    assertEquals("", run.err());
    String line = run.out().strip();
    assertTrue(line.matches("semaine \\d+\\.\\d+\\.\\d+\\S* \\(Java "
        + Runtime.version().feature() + "[.0-9]*\\)"), line);
  }

  @Test
  void versionWithJsonIsOneJsonObject() {
    CliRun run = CliRun.of("--version", "--json");
    assertEquals(0, run.code());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals("semaine", json.get("name"));
    assertEquals(VersionProvider.version(), json.get("version"));
    assertEquals(System.getProperty("java.version"), json.get("java"));
  }

  @Test
  void helpWorksOnEveryCommand() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"datasets", "--help"},
        new String[] {"tour", "--help"}, new String[] {"example", "-h"},
        new String[] {"rl", "train", "--help"},
        new String[] {"nn", "train", "--help"})) {
      CliRun run = CliRun.of(args);
      assertEquals(0, run.code(), String.join(" ", args));
      assertTrue(run.out().startsWith("Usage: semaine"), run.out());
      assertTrue(run.out().contains("--json"), run.out());
      assertEquals("", run.err());
    }
  }

  @Test
  void noCommandListsTheCommands() {
    CliRun run = CliRun.of();
    assertEquals(0, run.code());
    for (String command : COMMANDS) {
      assertTrue(run.out().contains(command), run.out());
    }
    Map<?, ?> json = (Map<?, ?>) Json.parse(CliRun.of("--json").out());
    List<?> commands = (List<?>) json.get("commands");
    assertEquals(COMMANDS.size(), commands.size());
    assertEquals("datasets", ((Map<?, ?>) commands.getFirst()).get("name"));
  }

  @Test
  void unknownCommandIsUsageErrorOnOneLine() {
    CliRun run = CliRun.of("tuor");
    assertEquals(2, run.code());
    assertEquals("", run.out());
    List<String> lines = run.errLines();
    assertTrue(lines.size() <= 2, run.err());
    assertEquals("semaine: error: unknown command 'tuor' (did you mean 'tour'?); commands are: "
        + String.join(", ", COMMANDS), lines.getFirst());
    assertEquals("Try 'semaine --help'.", lines.get(1));
  }

  @Test
  void unknownOptionIsUsageErrorNamingTheOption() {
    CliRun run = CliRun.of("tour", "--otu", "x");
    assertEquals(2, run.code());
    assertEquals("semaine: error: unknown option '--otu' (did you mean '--out'?)",
        run.errLines().getFirst());
    assertEquals("Try 'semaine tour --help'.", run.errLines().get(1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--samples|-1|--samples (-1) must be >= 1",
      "--samples|0|--samples (0) must be >= 1",
      "--samples|ten|--samples (ten) must be an integer >= 1",
      "--samples|99999999999|--samples (99999999999) is too large: the maximum is 2147483647",
      "--samples|2147483648|--samples (2147483648) is too large: the maximum is 2147483647",
      "--samples|9223372036854775808|--samples (9223372036854775808) is too large: the maximum is 2147483647",
      "--samples|-9223372036854775809|--samples (-9223372036854775809) must be >= 1",
      "--seed|4294967296|--seed (4294967296) must be in [0, 4294967295]",
      "--seed|-1|--seed (-1) must be in [0, 4294967295]",
      "--seed|1.5|--seed (1.5) must be an integer in [0, 4294967295]",
      "--std|0|--std (0) must be > 0 and finite",
      "--std|NaN|--std (NaN) must be > 0 and finite",
      "--std|abc|--std (abc) must be a number > 0"})
  void badOptionValueIsUsageErrorNamingOptionValueAndRule(String option, String value,
      String message) {
    CliRun run = CliRun.withProbe("probe", option, value);
    assertEquals(2, run.code(), run.err());
    assertEquals("", run.out());
    assertEquals("semaine: error: " + message, run.errLines().getFirst());
    assertEquals("Try 'semaine probe --help'.", run.errLines().get(1));
    assertEquals(2, run.errLines().size(), run.err());
  }

  @Test
  void goodOptionValuesAreConverted() {
    CliRun run = CliRun.withProbe("probe", "--samples", "7", "--seed", "4294967295", "--std", "0.5",
        "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(7L, json.get("samples"));
    assertEquals(4294967295L, json.get("seed"));
    assertEquals(0.5, json.get("std"));
  }

  @Test
  void jsonOutputIsExactlyOneObjectAndLogsStayOnStderr() {
    CliRun run = CliRun.withProbe("probe", "--json");
    assertEquals(0, run.code());
    assertEquals(1, run.out().lines().count(), run.out());
    Object parsed = Json.parse(run.out());
    Map<?, ?> json = assertInstanceOf(Map.class, parsed);
    assertEquals("a \"quoted\"\nline", json.get("text"));
    assertEquals("probing", run.err().strip());
  }

  @Test
  void jsonBeforeTheSubcommandAppliesToIt() {
    CliRun run = CliRun.of("--json", "datasets");
    assertEquals(0, run.code());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(List.of("blobs", "moons"), json.get("generators"));
    assertTrue(((List<?>) json.get("loaders")).contains("iris"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "usage|2|--fail (usage) was asked for",
      "argument|2|nClusters (0) must be >= 1",
      "read|1|no such file or directory: no/such/file.csv",
      "unchecked|1|I/O error: disk on fire",
      "state|1|This KMeans is not fitted yet",
      "bug|1|internal error (NullPointerException: oops); run again with SEMAINE_DEBUG=1 to see where",
      "jdk-argument|1|internal error (IllegalArgumentException: Illegal Capacity: -100); run again with SEMAINE_DEBUG=1 to see where",
      "oom|1|out of memory; give Java more with SEMAINE_JAVA_OPTS=-Xmx4g (for example)"})
  void failuresMapToExitCodeAndOneErrorLine(String fail, int code, String message) {
    CliRun run = CliRun.withProbe("probe", "--json", "--fail", fail);
    assertEquals(code, run.code(), run.err());
    assertEquals("", run.out());
    List<String> lines = run.errLines();
    assertEquals("probing", lines.getFirst());
    assertEquals("semaine: error: " + message, lines.get(1));
    assertEquals(code == 2 ? 3 : 2, lines.size(), run.err());
    assertTrue(run.err().lines().noneMatch(l -> l.startsWith("\tat ")), run.err());
  }

  @Test
  void debugAddsTheStackTrace() {
    CommandLine cmd = new CommandLine(new SemaineCommand()).addSubcommand(new ProbeCommand());
    CliRun run = CliRun.on(cmd, true, "probe", "--fail", "bug");
    assertEquals(1, run.code());
    assertTrue(run.err().contains("semaine: error: internal error"), run.err());
    assertTrue(run.err().lines().anyMatch(l -> l.strip().startsWith("at semaine.cli.ProbeCommand")),
        run.err());
  }

  @Test
  void exampleListIsJsonWithEachListingsFile() {
    CliRun list = CliRun.of("example", "--json");
    assertEquals(0, list.code());
    List<?> examples = (List<?>) ((Map<?, ?>) Json.parse(list.out())).get("examples");
    assertEquals(ExampleCommand.NAMES.size(), examples.size());
    assertTrue(((Map<?, ?>) examples.getFirst()).get("file").toString().startsWith("examples/"));
  }
}
