package semaine.rl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import semaine.rl.render.GifWriter;
import semaine.rl.render.LiveWindow;

/**
 * Gymnasium's {@code render_mode="human"}: every {@code reset} and {@code step} is drawn. With a
 * display the frames go to a window at the environment's 50 frames a second, as Gymnasium shows
 * them (closing the window stops the drawing, not the run). Without one (a server, CI, Java
 * headless) there is nowhere to show them: the first {@code maxFrames} frames are written to an
 * animated GIF instead, finished when the limit is reached or the environment is closed, and
 * {@link #where()} says where.
 */
public final class HumanRendering<O, A> extends Wrapper<O, A> {

  /** Gymnasium's {@code metadata["render_fps"]} for LunarLander and the maze. */
  public static final int FPS = 50;

  private final LiveWindow window;
  private final Path gif;
  private final int maxFrames;
  private GifWriter.Sequence recording;
  private int recorded;

  /**
   * Wraps {@code env}; {@code gif} and {@code maxFrames} (at least 1) apply only when no display
   * exists.
   */
  public HumanRendering(Env<O, A> env, Path gif, int maxFrames) {
    super(env);
    this.gif = java.util.Objects.requireNonNull(gif, "gif");
    this.maxFrames = semaine.util.Checks.checkPositive("maxFrames", maxFrames);
    this.window = LiveWindow.available() ? LiveWindow.open("semaine: "
        + env.unwrapped().getClass().getSimpleName(), FPS) : null;
  }

  /** True when the frames go to a window, false when they go to the GIF. */
  public boolean hasWindow() {
    return window != null;
  }

  /** Where the frames go, in words: the window, or the GIF's path and how many frames it keeps. */
  public String where() {
    return window != null ? "a window (" + FPS + " frames a second)"
        : "no display: the first " + maxFrames + " frames go to " + gif;
  }

  @Override
  public ResetResult<O> reset(long seed) {
    return drawn(env.reset(seed));
  }

  @Override
  public ResetResult<O> reset() {
    return drawn(env.reset());
  }

  @Override
  public StepResult<O> step(A action) {
    return drawn(env.step(action));
  }

  /** Closes the window, or finishes the GIF, then the environment. */
  @Override
  public void close() {
    try {
      if (window != null) {
        window.close();
      }
      finishGif();
    } finally {
      env.close();
    }
  }

  /** Draws the state {@code result} left the environment in, and returns {@code result}. */
  private <T> T drawn(T result) {
    draw();
    return result;
  }

  private void draw() {
    if (window != null) {
      if (window.isOpen()) {
        window.show(env.render());
      }
      return;
    }
    if (recorded >= maxFrames) {
      return;
    }
    try {
      if (recording == null) {
        recording = GifWriter.open(gif, 100 / FPS);
      }
      recording.append(env.render());
      recorded++;
      if (recorded == maxFrames) {
        finishGif();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the frames to " + gif, e);
    }
  }

  private void finishGif() {
    if (recording == null) {
      return;
    }
    try {
      recording.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the frames to " + gif, e);
    } finally {
      recording = null;
    }
  }
}
