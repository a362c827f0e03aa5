package semaine.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn with {@code \r}, {@code [#######.......]  12/50  loss 0.1234},
 * written only when it would reach a person: stderr must be a terminal. Without a console (a pipe,
 * a file, the tests) every call does nothing, so logs and {@code --json} runs stay clean.
 */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final int total;
  private final boolean visible;

  /** A bar up to {@code total} steps on {@code err}, shown when the JVM has a terminal. */
  ProgressBar(PrintWriter err, int total) {
    this(err, total, onTerminal());
  }

  ProgressBar(PrintWriter err, int total, boolean visible) {
    this.err = err;
    this.total = total;
    this.visible = visible;
  }

  /**
   * True when the JVM's standard streams are attached to a terminal. Since Java 22
   * {@code System.console()} also exists when redirected, so {@code isTerminal()} decides.
   */
  static boolean onTerminal() {
    java.io.Console console = System.console();
    return console != null && console.isTerminal();
  }

  /** Redraws the bar at {@code step} of {@code total} with the current loss. */
  void update(int step, double loss) {
    show(step, String.format(Locale.ROOT, "  loss %.4g", loss));
  }

  /** Redraws the bar at {@code step} of {@code total} followed by {@code text}. */
  void show(int step, String text) {
    if (!visible) {
      return;
    }
    int filled = (int) ((long) WIDTH * Math.min(step, total) / total);
    err.print(String.format(Locale.ROOT, "\r[%s%s] %" + digits(total) + "d/%d%s",
        "#".repeat(filled), ".".repeat(WIDTH - filled), step, total, text));
    err.flush();
  }

  /** Ends the bar's line (training may stop before {@code total}). */
  void finish() {
    if (visible) {
      err.println();
      err.flush();
    }
  }

  private static int digits(int n) {
    return Integer.toString(n).length();
  }
}
