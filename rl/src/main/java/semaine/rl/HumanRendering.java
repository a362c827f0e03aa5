package semaine.rl;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
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
public final class HumanRendering<O, A> implements Env<O, A> {

  /** Gymnasium's {@code metadata["render_fps"]} for LunarLander and the maze. */
  public static final int FPS = 50;

  private final Env<O, A> env;
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
    this.env = Objects.requireNonNull(env, "env");
    this.gif = Objects.requireNonNull(gif, "gif");
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
    ResetResult<O> result = env.reset(seed);
    draw();
    return result;
  }

  @Override
  public ResetResult<O> reset() {
    ResetResult<O> result = env.reset();
    draw();
    return result;
  }

  @Override
  public StepResult<O> step(A action) {
    StepResult<O> result = env.step(action);
    draw();
    return result;
  }

  @Override
  public Space<A> actionSpace() {
    return env.actionSpace();
  }

  @Override
  public Space<O> observationSpace() {
    return env.observationSpace();
  }

  @Override
  public BufferedImage render() {
    return env.render();
  }

  @Override
  public Env<O, A> unwrapped() {
    return env.unwrapped();
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
