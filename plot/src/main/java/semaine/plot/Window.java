package semaine.plot;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.image.BufferedImage;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The window {@code Figure.show()} opens when a display exists: it shows an image already rendered,
 * so it knows nothing of figures.
 */
final class Window {

  private Window() {}

  /** Opens a window showing {@code image}; returns at once (the window stays). */
  static void open(BufferedImage image) {
    SwingUtilities.invokeLater(() -> {
      JFrame frame = new JFrame("semaine figure");
      frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
      JPanel panel = new JPanel() {
        @Override
        protected void paintComponent(Graphics g) {
          super.paintComponent(g);
          g.drawImage(image, 0, 0, null);
        }
      };
      panel.setPreferredSize(new Dimension(image.getWidth(), image.getHeight()));
      frame.add(panel);
      frame.pack();
      frame.setLocationByPlatform(true);
      frame.setVisible(true);
    });
  }
}
