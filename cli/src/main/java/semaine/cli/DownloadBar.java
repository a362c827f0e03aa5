package semaine.cli;

import java.io.PrintWriter;
import semaine.nn.hub.ProgressListener;

/**
 * Draws the downloads of big Hub files (1 MB and more, so the weights and not config.json) as a
 * {@link ProgressBar} in MB on stderr, one line per file, {@code [####......] 120/548 MB
 * model.safetensors}, redrawn when the MB count changes, at most ten times a second; silent when
 * stderr is not a terminal.
 */
final class DownloadBar implements ProgressListener {

  private static final long BIG = 1_000_000;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean visible;
  private String file;
  private ProgressBar bar;
  private long lastDraw;
  private int lastShown;

  /** A bar on {@code err}, shown when the JVM has a terminal. */
  DownloadBar(PrintWriter err) {
    this(err, ProgressBar.onTerminal());
  }

  DownloadBar(PrintWriter err, boolean visible) {
    this.err = err;
    this.visible = visible;
  }

  @Override
  public void update(String file, long bytesDone, long bytesTotal) {
    if (!visible || bytesTotal < BIG) {
      return;
    }
    if (!file.equals(this.file)) {
      finish();
      this.file = file;
      bar = new ProgressBar(err, megabytes(bytesTotal), true);
      lastDraw = 0;
      lastShown = -1;
    }
    long now = System.nanoTime();
    boolean done = bytesDone >= bytesTotal;
    int shown = megabytes(bytesDone);
    if (!done && (shown == lastShown || lastDraw != 0 && now - lastDraw < REDRAW_NANOS)) {
      return;
    }
    lastDraw = now;
    lastShown = shown;
    bar.show(shown, " MB  " + file);
    if (done) {
      finish();
    }
  }

  /** Ends the current bar's line, if one is drawn (also after a failed download). */
  void finish() {
    if (bar != null) {
      bar.finish();
      bar = null;
      file = null;
    }
  }

  private static int megabytes(long bytes) {
    return (int) (bytes / BIG);
  }
}
