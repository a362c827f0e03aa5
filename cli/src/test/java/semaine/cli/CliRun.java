package semaine.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the command line: exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {

  /**
   * Runs the command line as {@code semaine} runs it ({@link Main#run(String[], PrintStream,
   * PrintStream, boolean)}: {@link PlainLine} for the plain lines of the computing commands,
   * else picocli on the tree {@link Main#tree} builds).
   */
  static CliRun of(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs the command line with picocli on the whole command tree, never {@link PlainLine}. */
  static CliRun picocli(String... args) {
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
