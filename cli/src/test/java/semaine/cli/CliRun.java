package semaine.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the command line: exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {

  /** Runs the real command tree. */
  static CliRun of(String... args) {
    return on(new CommandLine(new SemaineCommand()), false, args);
  }

  /** Runs the real command tree with the test-only {@code probe} command added. */
  static CliRun withProbe(String... args) {
    return on(new CommandLine(new SemaineCommand()).addSubcommand(new ProbeCommand()), false, args);
  }

  static CliRun on(CommandLine cmd, boolean debug, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code = Main.run(cmd, args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), debug);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The lines of stderr. */
  List<String> errLines() {
    return err.lines().toList();
  }
}
