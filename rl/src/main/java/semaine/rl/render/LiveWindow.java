package semaine.rl.render;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

/**
 * A window that shows frames as they come, Gymnasium's {@code render_mode="human"}: call
 * {@link #show(BufferedImage)} after each step; it sleeps to keep the given frame rate. Only where a
 * display exists: {@link #available()} says so, and {@link #open} refuses otherwise.
 */
public final class LiveWindow implements AutoCloseable {

  private final JFrame frame;
  private final Panel panel = new Panel();
  private final long frameNanos;
  private long last;

  private static final class Panel extends JPanel {
    private static final long serialVersionUID = 1L;
    private transient volatile BufferedImage image;

    @Override
    protected void paintComponent(Graphics g) {
      super.paintComponent(g);
      BufferedImage current = image;
      if (current != null) {
        g.drawImage(current, 0, 0, null);
      }
    }
  }

  private LiveWindow(String title, int fps) {
    frameNanos = 1_000_000_000L / fps;
    frame = new JFrame(title);
    panel.setPreferredSize(new Dimension(600, 400));
    frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
    frame.add(panel);
    frame.pack();
    frame.setResizable(false);
    frame.setVisible(true);
  }

  /** True when a window can be opened (a display exists, Java is not headless). */
  public static boolean available() {
    return !GraphicsEnvironment.isHeadless();
  }

  /**
   * Opens a window showing {@code fps} frames a second (at least 1); it takes the size of the first
   * frame shown.
   */
  public static LiveWindow open(String title, int fps) {
    semaine.util.Checks.checkPositive("fps", fps);
    if (!available()) {
      throw new IllegalStateException("no display: a live window needs one (write a GIF instead)");
    }
    LiveWindow[] window = new LiveWindow[1];
    try {
      SwingUtilities.invokeAndWait(() -> window[0] = new LiveWindow(title, fps));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the window", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot open the window: " + e.getCause(), e.getCause());
    }
    return window[0];
  }

  /** Shows {@code image}, waiting so that frames come at most at the window's rate. */
  public void show(BufferedImage image) {
    long wait = last + frameNanos - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    last = System.nanoTime();
    Dimension size = new Dimension(image.getWidth(), image.getHeight());
    if (!size.equals(panel.getPreferredSize())) {
      SwingUtilities.invokeLater(() -> {
        panel.setPreferredSize(size);
        frame.pack();
      });
    }
    panel.image = image;
    panel.repaint();
  }

  /** True while the user has not closed the window. */
  public boolean isOpen() {
    return frame.isDisplayable();
  }

  @Override
  public void close() {
    SwingUtilities.invokeLater(frame::dispose);
  }
}
