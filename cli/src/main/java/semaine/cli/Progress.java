package semaine.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, {@code [#####.....] 512/1000 episodes  mean return -123.4},
 * redrawn in place at most ten times a second. Drawn only when stderr is a terminal; otherwise it
 * stays silent (a log or a pipe gets no carriage returns).
 */
final class Progress {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final int total;
  private final String unit;
  private final boolean enabled;
  private long lastDraw;

  Progress(PrintWriter err, int total, String unit) {
    this.err = err;
    this.total = total;
    this.unit = unit;
    java.io.Console console = System.console();
    this.enabled = console != null && console.isTerminal();
  }

  /** Shows {@code done} of {@code total}, with a value such as the recent mean return. */
  void update(int done, String label, double value) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    int filled = (int) ((long) WIDTH * done / total);
    err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d %s  %s %.1f", "#".repeat(filled),
        ".".repeat(WIDTH - filled), done, total, unit, label, value));
    err.flush();
  }

  /** Ends the line. */
  void finish() {
    if (enabled) {
      err.println();
      err.flush();
    }
  }
}
