package semaine.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the {@code semaine} command.
 *
 * <p>{@link #run} is the whole program minus {@code System.exit}: tests call it with their own streams
 * and read the exit code. Setting the environment variable {@code SEMAINE_DEBUG=1} adds the stack trace
 * after the one-line error message.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    oneLineWarnings();
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Library warnings (System.Logger, java.util.logging) on stderr as one line each,
   * {@code semaine: warning: ...}, instead of the JDK's two-line format with a timestamp.
   */
  static void oneLineWarnings() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    for (java.util.logging.Handler handler : root.getHandlers()) {
      handler.setFormatter(new java.util.logging.Formatter() {
        @Override
        public String format(java.util.logging.LogRecord record) {
          return "semaine: " + record.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
              + formatMessage(record) + System.lineSeparator();
        }
      });
    }
  }

  /** Runs the command line {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, "1".equals(System.getenv("SEMAINE_DEBUG")));
  }

  /** As {@link #run(String[], PrintStream, PrintStream)}, with stack traces on errors when {@code debug}. */
  static int run(String[] args, PrintStream out, PrintStream err, boolean debug) {
    Class<?> named = subcommand(args);
    ResultCommand plain = named != null && PlainLine.COMMANDS.contains(args[0])
        ? PlainLine.parse(named, args) : null;
    if (plain != null) {
      return run(plain, args, out, err, debug);
    }
    return run(tree(named), args, out, err, debug);
  }

  /**
   * Runs a command that {@link PlainLine} parsed, as picocli's {@code execute} would run it: an
   * exception it throws is reported by the same {@link ErrorHandler}, with the command's picocli
   * model built then (its options name the parameters in usage messages).
   */
  private static int run(ResultCommand command, String[] args, PrintStream out, PrintStream err,
      boolean debug) {
    PrintWriter stdout = utf8(out);
    PrintWriter stderr = utf8(err);
    ErrorHandler errors = new ErrorHandler(debug);
    try {
      return command.call(stdout, stderr);
    } catch (Exception e) {
      CommandLine named = tree(args);
      named.setOut(stdout).setErr(stderr);
      return errors.handleExecutionException(e, named.getSubcommands().get(args[0]), null);
    } catch (Throwable t) {
      return errors.report(stderr, t, "semaine");
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }

  /**
   * The command tree for {@code args}: the root with only the subcommand that {@code args[0]}
   * names (what picocli would pick from the whole tree, read from {@link SemaineCommand}'s list),
   * else the whole tree (no arguments, an option or an unknown name first: the help and the error
   * messages list every command). Building all fifteen commands' models cost about 0.4 s of CPU
   * on each cold start, a quarter of a whole {@code semaine cluster} run.
   */
  static CommandLine tree(String[] args) {
    return tree(subcommand(args));
  }

  /** {@link #tree(String[])} for the command class {@code args[0]} names (null: none). */
  private static CommandLine tree(Class<?> named) {
    return named != null ? new CommandLine(new RootCommand()).addSubcommand(named)
        : new CommandLine(new SemaineCommand());
  }

  /** The class of the command that {@code args[0]} names, or null. */
  private static Class<?> subcommand(String[] args) {
    if (args.length > 0) {
      for (Class<?> sub : SemaineCommand.class.getAnnotation(Command.class).subcommands()) {
        if (sub.getAnnotation(Command.class).name().equals(args[0])) {
          return sub;
        }
      }
    }
    return null;
  }

  /** Runs {@code args} against the command tree {@code cmd} (tests add commands to the real tree). */
  static int run(CommandLine cmd, String[] args, PrintStream out, PrintStream err, boolean debug) {
    PrintWriter stdout = utf8(out);
    PrintWriter stderr = utf8(err);
    ErrorHandler errors = new ErrorHandler(debug);
    try {
      cmd.setOut(stdout)
          .setErr(stderr)
          .setParameterExceptionHandler(errors)
          .setExecutionExceptionHandler(errors)
          .setExecutionStrategy(Main::execute);
      return cmd.execute(args);
    } catch (Throwable t) {
      // Errors (out of memory, stack overflow) and failures of picocli itself end up here.
      return errors.report(stderr, t, "semaine");
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }

  /**
   * Picocli's usual strategy, except that {@code --version --json} prints the version as JSON and
   * {@code --help --json} the command's options as one JSON object, as the contract wants of
   * {@code --json}.
   */
  private static int execute(ParseResult parsed) {
    ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    boolean json = last.hasMatchedOption("--json") || parsed.hasMatchedOption("--json");
    PrintWriter out = last.commandSpec().commandLine().getOut();
    if (json && last.isUsageHelpRequested()) {
      out.println(semaine.util.Json.write(HelpJson.of(last.commandSpec())));
      return CommandLine.ExitCode.OK;
    }
    if (parsed.isVersionHelpRequested() && json) {
      out.println(semaine.util.Json.write(VersionProvider.asJson()));
      return CommandLine.ExitCode.OK;
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
