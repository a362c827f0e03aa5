package semaine.rl.maze;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws a {@link MazeLayout} the way the book pictures it: white corridors, black walls, the exit
 * as a green cell with a flag, and a little grey robot on its cell; optionally a path as a red line
 * through cell centres (the route a policy takes).
 */
public final class MazeRenderer {

  private static final Color WALL = Color.BLACK;
  private static final Color EXIT = new Color(152, 223, 138);
  private static final Color PATH = new Color(214, 39, 40);
  private static final Color ROBOT = new Color(127, 127, 127);
  private static final Color ROBOT_DARK = new Color(64, 64, 64);
  private static final Color EYE = new Color(31, 119, 180);

  private MazeRenderer() {}

  /** The cell size in pixels: 48 for small mazes, shrinking so the image stays near 480 px wide. */
  static int cellSize(MazeLayout layout) {
    return Math.max(8, Math.min(48, 480 / Math.max(layout.width(), layout.height())));
  }

  /**
   * The maze with the robot on {@code robot} (or none if negative) and {@code path} (cells, may be
   * null) as a red line; the exit is the last cell.
   */
  public static BufferedImage draw(MazeLayout layout, int robot, int[] path) {
    int size = cellSize(layout);
    int margin = size / 2;
    int w = layout.width() * size + 2 * margin;
    int h = layout.height() * size + 2 * margin;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    int exit = layout.cells() - 1;
    g.setColor(EXIT);
    g.fillRect(x(layout, exit, size, margin), y(layout, exit, size, margin), size, size);
    drawFlag(g, x(layout, exit, size, margin), y(layout, exit, size, margin), size);
    if (path != null && path.length > 1) {
      g.setColor(PATH);
      g.setStroke(new BasicStroke(Math.max(2f, size / 8f), BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND));
      for (int i = 1; i < path.length; i++) {
        g.drawLine(x(layout, path[i - 1], size, margin) + size / 2,
            y(layout, path[i - 1], size, margin) + size / 2,
            x(layout, path[i], size, margin) + size / 2, y(layout, path[i], size, margin) + size / 2);
      }
    }
    drawWalls(g, layout, size, margin);
    if (robot >= 0) {
      drawRobot(g, x(layout, robot, size, margin), y(layout, robot, size, margin), size);
    }
    g.dispose();
    return image;
  }

  private static void drawWalls(Graphics2D g, MazeLayout layout, int size, int margin) {
    g.setColor(WALL);
    g.setStroke(new BasicStroke(Math.max(2f, size / 12f), BasicStroke.CAP_SQUARE,
        BasicStroke.JOIN_MITER));
    for (int cell = 0; cell < layout.cells(); cell++) {
      int x = x(layout, cell, size, margin);
      int y = y(layout, cell, size, margin);
      // Each wall once: the top and left sides of every cell, plus the outer bottom and right.
      if (!layout.isOpen(cell, MazeLayout.UP)) {
        g.drawLine(x, y, x + size, y);
      }
      if (!layout.isOpen(cell, MazeLayout.LEFT)) {
        g.drawLine(x, y, x, y + size);
      }
      if (cell / layout.width() == layout.height() - 1) {
        g.drawLine(x, y + size, x + size, y + size);
      }
      if (cell % layout.width() == layout.width() - 1) {
        g.drawLine(x + size, y, x + size, y + size);
      }
    }
  }

  /** A flag on a pole in the exit cell's upper right. */
  private static void drawFlag(Graphics2D g, int x, int y, int size) {
    int poleX = x + size * 3 / 5;
    g.setColor(ROBOT_DARK);
    g.setStroke(new BasicStroke(Math.max(1f, size / 24f)));
    g.drawLine(poleX, y + size / 6, poleX, y + size * 5 / 6);
    g.setColor(new Color(44, 160, 44));
    g.fillPolygon(new int[] {poleX, poleX + size / 4, poleX},
        new int[] {y + size / 6, y + size / 4 + size / 24, y + size / 3 + size / 12}, 3);
  }

  /** The robot: a head with two eyes and an antenna over a body, in the cell at (x, y). */
  private static void drawRobot(Graphics2D g, int x, int y, int size) {
    float s = size;
    int headW = Math.round(s * 0.44f);
    int headH = Math.round(s * 0.26f);
    int headX = x + (size - headW) / 2;
    int headY = y + Math.round(s * 0.2f);
    int bodyW = Math.round(s * 0.56f);
    int bodyH = Math.round(s * 0.34f);
    int bodyX = x + (size - bodyW) / 2;
    int bodyY = headY + headH + Math.round(s * 0.04f);
    g.setStroke(new BasicStroke(Math.max(1f, s / 32f)));
    g.setColor(ROBOT_DARK);
    g.drawLine(x + size / 2, headY, x + size / 2, y + Math.round(s * 0.1f));
    g.fillOval(x + size / 2 - Math.round(s * 0.04f), y + Math.round(s * 0.06f),
        Math.round(s * 0.08f), Math.round(s * 0.08f));
    g.setColor(ROBOT);
    g.fillRoundRect(headX, headY, headW, headH, size / 8, size / 8);
    g.fillRoundRect(bodyX, bodyY, bodyW, bodyH, size / 10, size / 10);
    g.setColor(ROBOT_DARK);
    g.drawRoundRect(headX, headY, headW, headH, size / 8, size / 8);
    g.drawRoundRect(bodyX, bodyY, bodyW, bodyH, size / 10, size / 10);
    g.setColor(EYE);
    int eye = Math.max(2, Math.round(s * 0.08f));
    g.fillOval(headX + headW / 4 - eye / 2, headY + headH / 2 - eye / 2, eye, eye);
    g.fillOval(headX + 3 * headW / 4 - eye / 2, headY + headH / 2 - eye / 2, eye, eye);
  }

  private static int x(MazeLayout layout, int cell, int size, int margin) {
    return margin + (cell % layout.width()) * size;
  }

  private static int y(MazeLayout layout, int cell, int size, int margin) {
    return margin + (cell / layout.width()) * size;
  }
}
