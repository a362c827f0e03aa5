package semaine.rl.classic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * Frames of the classic-control environments on Gymnasium's canvases and colours: the cart
 * (black) and its pole (brown) on a 600 x 400 frame, the car on the hill {@code sin(3x)}, the
 * acrobot's two links (blue) on 500 x 500, the y axis pointing up.
 */
final class ClassicRenderer {

  private static final Color POLE = new Color(202, 152, 101);
  private static final Color LINK = new Color(0, 204, 204);

  private ClassicRenderer() {}

  // Gymnasium's geometry: the track is twice x_threshold (2.4) wide, the pole 2 x 0.5 long; the
  // hill spans [-1.2, 0.6] with the goal at 0.5; the acrobot's links are 1 long each.
  private static final double X_THRESHOLD = 2.4;
  private static final double POLE_LENGTH = 1.0;
  private static final double MIN_POSITION = -1.2;
  private static final double MAX_POSITION = 0.6;
  private static final double GOAL_POSITION = 0.5;

  /** A white frame with the y axis pointing up, drawn by {@code painter}. */
  private static BufferedImage frame(int width, int height,
      java.util.function.Consumer<Graphics2D> painter) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.translate(0, height);
    g.scale(1, -1);
    painter.accept(g);
    g.dispose();
    return image;
  }

  /** CartPole from its state (x, x_dot, theta, theta_dot), 600 x 400. */
  static BufferedImage cartPole(double[] s) {
    return frame(600, 400, g -> cartPole(g, s));
  }

  /** MountainCar at {@code position}, 600 x 400. */
  static BufferedImage mountainCar(double position) {
    return frame(600, 400, g -> mountainCar(g, position));
  }

  /** Acrobot from its state (theta1, theta2, ...), 500 x 500. */
  static BufferedImage acrobot(double[] s) {
    return frame(500, 500, g -> acrobot(g, s));
  }

  private static void cartPole(Graphics2D g, double[] s) {
    double scale = 600 / (X_THRESHOLD * 2);
    double cartX = s[0] * scale + 300;
    double cartY = 100;
    g.setColor(Color.BLACK);
    g.draw(new Line2D.Double(0, cartY, 600, cartY));
    g.fill(new Rectangle2D.Double(cartX - 25, cartY - 15, 50, 30));
    g.setColor(POLE);
    g.setStroke(new BasicStroke(10f));
    double length = scale * POLE_LENGTH;
    g.draw(new Line2D.Double(cartX, cartY + 7.5, cartX + length * Math.sin(s[2]),
        cartY + 7.5 + length * Math.cos(s[2])));
  }

  private static void mountainCar(Graphics2D g, double position) {
    double scale = 600 / (MAX_POSITION - MIN_POSITION);
    Path2D.Double hill = new Path2D.Double();
    for (int i = 0; i <= 100; i++) {
      double x = MIN_POSITION + i * (MAX_POSITION
          - MIN_POSITION) / 100;
      double px = (x - MIN_POSITION) * scale;
      double py = (Math.sin(3 * x) * 0.45 + 0.55) * scale;
      if (i == 0) {
        hill.moveTo(px, py);
      } else {
        hill.lineTo(px, py);
      }
    }
    g.setColor(Color.BLACK);
    g.draw(hill);
    double px = (position - MIN_POSITION) * scale;
    double py = (Math.sin(3 * position) * 0.45 + 0.55) * scale;
    g.fill(new Rectangle2D.Double(px - 20, py, 40, 20));
    double flag = (GOAL_POSITION - MIN_POSITION) * scale;
    double flagY = (Math.sin(3 * GOAL_POSITION) * 0.45 + 0.55) * scale;
    g.draw(new Line2D.Double(flag, flagY, flag, flagY + 50));
  }

  private static void acrobot(Graphics2D g, double[] s) {
    double scale = 500 / 4.4;
    double x0 = 250;
    double y0 = 250;
    double x1 = x0 + scale * Math.sin(s[0]);
    double y1 = y0 - scale * Math.cos(s[0]);
    double x2 = x1 + scale * Math.sin(s[0] + s[1]);
    double y2 = y1 - scale * Math.cos(s[0] + s[1]);
    g.setColor(Color.BLACK);
    g.draw(new Line2D.Double(250 - 2.2 * scale, 250 + scale, 250 + 2.2 * scale, 250 + scale));
    g.setColor(LINK);
    g.setStroke(new BasicStroke(20f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(x0, y0, x1, y1));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }
}
