package semaine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every semaine command: it computes a {@link Result}, this class prints it.
 *
 * <p>A command implements {@link #compute()} and returns {@code Result.of(map)} or
 * {@code new Result(map, out -> ...)}; {@code --json} is already there and the result goes to stdout
 * as text or as one JSON object. Progress goes to {@link #log()} (stderr). Failures are thrown, never
 * printed: {@link UsageException} or {@link IllegalArgumentException} for bad input (exit 2), anything
 * else for runtime errors (exit 1); see {@link ErrorHandler}.
 */
public abstract class ResultCommand implements Callable<Integer> {

  @Spec
  protected CommandSpec spec;

  @Mixin
  protected JsonOption jsonOption;

  private PrintWriter out; // stdout and stderr of a command parsed without picocli (PlainLine)
  private PrintWriter err;

  @Override
  public final Integer call() throws Exception {
    Result result = compute();
    result.print(out != null ? out : spec.commandLine().getOut(), jsonOption.enabled());
    return 0;
  }

  /** Runs the command parsed by {@link PlainLine}, which has no picocli model, on these streams. */
  final Integer call(PrintWriter stdout, PrintWriter stderr) throws Exception {
    out = stdout;
    err = stderr;
    return call();
  }

  /** Does the command's work and returns what to print. */
  protected abstract Result compute() throws Exception;

  /** Where progress and log lines go: stderr, so that stdout stays the result only. */
  protected PrintWriter log() {
    return err != null ? err : spec.commandLine().getErr();
  }

  /** True when the output is JSON (commands may skip building human-only text). */
  protected boolean json() {
    return jsonOption.enabled();
  }
}
