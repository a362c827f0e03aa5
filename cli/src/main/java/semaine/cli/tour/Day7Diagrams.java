package semaine.cli.tour;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import semaine.plot.Colors;

/**
 * Day 7's drawings that need no axes: the house-price network (circles for the neurons, lines
 * for the weights), back-propagation along a chain of operations, and grids of 8×8 digits. Drawn
 * with Java2D on a white image.
 */
final class Day7Diagrams {

  static final Color BLUE = Colors.parse("tab:blue");
  static final Color RED = Colors.parse("tab:red");
  static final Color ORANGE = Colors.parse("tab:orange");
  static final Color GREEN = Colors.parse("tab:green");
  private static final Color INK = new Color(0x22, 0x22, 0x22);

  private Day7Diagrams() {}

  /**
   * The network {@code layers[0] → ... → layers[last]}, one column of circles per layer, each
   * weight a line coloured by its sign (blue positive, red negative) and as thick as its size.
   * {@code weights[l]} is layer l+1's weight matrix (out, in), as {@code torch.nn.Linear} stores it.
   */
  static BufferedImage network(int width, int height, String[] inputs, int[] hidden,
      String output, double[][][] weights) {
    BufferedImage image = canvas(width, height);
    Graphics2D g = graphics(image);
    int layers = hidden.length + 2;
    int[] sizes = new int[layers];
    sizes[0] = inputs.length;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[layers - 1] = 1;
    double left = 170;
    double right = width - 150;
    double top = 70;
    double bottom = height - 40;
    double radius = Math.min(14, (bottom - top) / (2.6 * max(sizes)));
    double[][] ys = new double[layers][];
    double[] xs = new double[layers];
    for (int l = 0; l < layers; l++) {
      xs[l] = left + (right - left) * l / (layers - 1);
      ys[l] = new double[sizes[l]];
      double gap = (bottom - top) / Math.max(sizes[l], 1);
      for (int i = 0; i < sizes[l]; i++) {
        ys[l][i] = top + gap * (i + 0.5);
      }
    }
    double largest = 0;
    for (double[][] w : weights) {
      for (double[] row : w) {
        for (double v : row) {
          largest = Math.max(largest, Math.abs(v));
        }
      }
    }
    for (int l = 0; l + 1 < layers; l++) {
      for (int j = 0; j < sizes[l + 1]; j++) {
        for (int i = 0; i < sizes[l]; i++) {
          double w = weights[l][j][i];
          Color c = w >= 0 ? BLUE : RED;
          float strength = (float) (Math.abs(w) / largest);
          g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(),
              (int) (40 + 180 * strength)));
          g.setStroke(new BasicStroke(0.4f + 2.6f * strength));
          g.draw(new Line2D.Double(xs[l], ys[l][i], xs[l + 1], ys[l + 1][j]));
        }
      }
    }
    String[] titles = new String[layers];
    titles[0] = "inputs";
    for (int l = 1; l < layers - 1; l++) {
      titles[l] = "hidden layer " + l + " (" + sizes[l] + ")";
    }
    titles[layers - 1] = "output";
    Color[] fills = new Color[layers];
    for (int l = 0; l < layers; l++) {
      fills[l] = l == 0 ? GREEN : l == layers - 1 ? ORANGE : new Color(0xdd, 0xe8, 0xf5);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < sizes[l]; i++) {
        Ellipse2D circle = new Ellipse2D.Double(xs[l] - radius, ys[l][i] - radius, 2 * radius,
            2 * radius);
        g.setColor(fills[l]);
        g.fill(circle);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(circle);
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      centred(g, titles[l], xs[l], top - 32);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    for (int i = 0; i < inputs.length; i++) {
      rightAligned(g, inputs[i], xs[0] - radius - 10, ys[0][i] + 5);
    }
    g.drawString(output, (float) (xs[layers - 1] + radius + 10), (float) ys[layers - 1][0] + 5);
    g.dispose();
    return image;
  }

  /** One box of the back-propagation chain: its operation and its local derivative. */
  record Step(String operation, String localGradient) {}

  /**
   * Back-propagation through {@code steps}: the forward values left to right above the boxes
   * ({@code values[i]} enters box i, the last one leaves the last box), the gradients right to
   * left below them ({@code gradients[i]} is ∂L/∂values[i]); {@code header} is the top line.
   */
  static BufferedImage chain(int width, int height, String header, Step[] steps, String[] values,
      String[] gradients) {
    BufferedImage image = canvas(width, height);
    Graphics2D g = graphics(image);
    int n = steps.length;
    double boxW = 170;
    double boxH = 70;
    double gap = (width - 60 - n * boxW) / (n + 1);
    double midY = height * 0.47;
    double[] boxX = new double[n];
    for (int i = 0; i < n; i++) {
      boxX[i] = 30 + gap * (i + 1) + boxW * i;
    }
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    for (int i = 0; i < n; i++) {
      RoundRectangle2D box = new RoundRectangle2D.Double(boxX[i], midY - boxH / 2, boxW, boxH,
          14, 14);
      g.setColor(new Color(0xf2, 0xf2, 0xf2));
      g.fill(box);
      g.setColor(INK);
      g.setStroke(new BasicStroke(1.5f));
      g.draw(box);
      g.setFont(bold);
      centred(g, steps[i].operation(), boxX[i] + boxW / 2, midY - 4);
      g.setFont(plain);
      g.setColor(RED);
      centred(g, steps[i].localGradient(), boxX[i] + boxW / 2, midY + 22);
    }
    for (int i = 0; i <= n; i++) {
      double from = i == 0 ? 20 : boxX[i - 1] + boxW;
      double to = i == n ? width - 20 : boxX[i];
      double mid = (from + to) / 2;
      g.setStroke(new BasicStroke(2f));
      g.setColor(INK);
      arrow(g, from + 4, midY - 18, to - 4, midY - 18);
      g.setFont(plain);
      centred(g, values[i], mid, midY - 48);
      g.setColor(RED);
      arrow(g, to - 4, midY + 18, from + 4, midY + 18);
      centred(g, gradients[i], mid, midY + 64);
    }
    g.setFont(plain);
    g.setColor(INK);
    g.drawString(header, 30, 36);
    g.setColor(RED);
    g.drawString("backward: gradient out = gradient in × the box's local derivative (in red)",
        30, (float) height - 26);
    g.dispose();
    return image;
  }

  /**
   * 8×8 images (64 values each, 0 white to 1 black) in rows of {@code cols}, each with its label
   * under it and {@code title} on top: the size depends only on the number of images.
   */
  static BufferedImage digits(double[][] images, String[] labels, int cols, String title) {
    int cell = 12;
    int boxW = 130;
    int boxH = 130;
    int rows = Math.max(1, (images.length + cols - 1) / cols);
    BufferedImage image = canvas(cols * boxW + 20, rows * boxH + 50);
    Graphics2D g = graphics(image);
    g.setColor(INK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    centred(g, title, image.getWidth() / 2.0, 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    for (int k = 0; k < images.length; k++) {
      int x0 = 10 + (k % cols) * boxW + (boxW - 8 * cell) / 2;
      int y0 = 45 + (k / cols) * boxH;
      for (int p = 0; p < 64; p++) {
        int level = (int) Math.round(255 * (1 - Math.clamp(images[k][p], 0, 1)));
        g.setColor(new Color(level, level, level));
        g.fillRect(x0 + (p % 8) * cell, y0 + (p / 8) * cell, cell, cell);
      }
      g.setColor(Color.GRAY);
      g.drawRect(x0, y0, 8 * cell, 8 * cell);
      g.setColor(INK);
      centred(g, labels[k], x0 + 4 * cell, y0 + 8 * cell + 18);
    }
    g.dispose();
    return image;
  }

  /** Writes {@code image} as a PNG in the tour's figures folder, with its caption. */
  static TourFigure save(TourContext context, BufferedImage image, String fileName,
      String caption) throws IOException {
    return new TourFigure(context.savePng(image, fileName), caption);
  }

  private static void arrow(Graphics2D g, double x0, double y0, double x1, double y1) {
    g.draw(new Line2D.Double(x0, y0, x1, y1));
    double angle = Math.atan2(y1 - y0, x1 - x0);
    Path2D head = new Path2D.Double();
    head.moveTo(x1, y1);
    head.lineTo(x1 - 11 * Math.cos(angle - 0.4), y1 - 11 * Math.sin(angle - 0.4));
    head.lineTo(x1 - 11 * Math.cos(angle + 0.4), y1 - 11 * Math.sin(angle + 0.4));
    head.closePath();
    g.fill(head);
  }

  private static BufferedImage canvas(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    return g;
  }

  private static void centred(Graphics2D g, String text, double x, double y) {
    FontMetrics metrics = g.getFontMetrics();
    g.drawString(text, (float) (x - metrics.stringWidth(text) / 2.0), (float) y);
  }

  private static void rightAligned(Graphics2D g, String text, double x, double y) {
    g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text)), (float) y);
  }

  private static int max(int[] values) {
    return java.util.Arrays.stream(values).max().orElseThrow();
  }
}
