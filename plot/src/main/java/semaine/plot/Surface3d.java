package semaine.plot;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import semaine.plot.Canvas.Align;
import semaine.util.Checks;

/**
 * A surface {@code Z[i][j] = f(xs[j], ys[i])} seen in 3-D, as matplotlib's {@code plot_surface} on
 * a {@code projection="3d"} axes, for the cost bowl of gradient descent: grey back panes with
 * grid lines and ticks, the surface's cells coloured by height through a colormap and drawn back to
 * front (painter's algorithm), and an optional path of points on top (the steps of the descent).
 *
 * <p>The view is orthographic from elevation {@code elev} and azimuth {@code azim} (matplotlib's
 * defaults 30° and −60°), in a box of aspect 4:4:3 as matplotlib's; matplotlib's default
 * perspective is not reproduced.
 */
public final class Surface3d implements Artist {

  private static final Color PANE = new Color(242, 242, 242);
  private static final Color PANE_GRID = new Color(0xd0d0d0);

  private final double[] xs;
  private final double[] ys;
  private final double[][] Z;
  private final double zmin;
  private final double zmax;
  private double elev = 30;
  private double azim = -60;
  private Colormap cmap = Colormap.get("viridis");
  private boolean wireframe;
  private double[][] path;
  private Color pathColor = Colors.parse("tab:red");
  private String[] labels = {"", "", ""};

  Surface3d(double[] xs, double[] ys, double[][] Z) {
    ContourSet.checkGrid(xs, ys, Z);
    this.xs = xs.clone();
    this.ys = ys.clone();
    this.Z = java.util.Arrays.stream(Z).map(double[]::clone).toArray(double[][]::new);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : Z) {
      for (double z : Checks.checkVector("Z row", row)) {
        lo = Math.min(lo, z);
        hi = Math.max(hi, z);
      }
    }
    this.zmin = lo;
    this.zmax = hi > lo ? hi : lo + 1;
  }

  /** The viewing angles in degrees (matplotlib's {@code ax.view_init(elev, azim)}). */
  public Surface3d view(double elev, double azim) {
    this.elev = Checks.checkFinite("elev", elev);
    this.azim = Checks.checkFinite("azim", azim);
    return this;
  }

  /** The colormap for heights (default {@code viridis}). */
  public Surface3d cmap(String name) {
    this.cmap = Colormap.get(name);
    return this;
  }

  /** Draws only the grid lines of the surface ({@code plot_wireframe}). */
  public Surface3d wireframe(boolean on) {
    this.wireframe = on;
    return this;
  }

  /** A path of points (x[k], y[k], z[k]) drawn over the surface with markers. */
  public Surface3d path(double[] x, double[] y, double[] z) {
    Checks.checkPaired("x", x, "y", y);
    Checks.checkPaired("x", x, "z", z);
    this.path = new double[][] {x.clone(), y.clone(), z.clone()};
    return this;
  }

  /** The path's colour (default tab:red). */
  public Surface3d pathColor(String color) {
    this.pathColor = Colors.parse(color);
    return this;
  }

  /** The three axis labels. */
  public Surface3d labels(String x, String y, String z) {
    this.labels = new String[] {x, y, z};
    return this;
  }

  @Override
  public Bounds bounds() {
    return null;
  }

  @Override
  public int zorder() {
    return 1;
  }

  @Override
  public boolean flat() {
    return false;
  }

  @Override
  public void draw(Canvas canvas, Transform t) {
    Projection p = new Projection(t.box());
    drawPanes(canvas, p, t);
    List<double[]> cells = new ArrayList<>(); // {depth, i, j}
    for (int i = 0; i + 1 < ys.length; i++) {
      for (int j = 0; j + 1 < xs.length; j++) {
        double zc = (Z[i][j] + Z[i][j + 1] + Z[i + 1][j] + Z[i + 1][j + 1]) / 4;
        double depth = p.depth((xs[j] + xs[j + 1]) / 2, (ys[i] + ys[i + 1]) / 2, zc);
        cells.add(new double[] {depth, i, j});
      }
    }
    cells.sort(Comparator.comparingDouble(c -> c[0]));
    double[] qx = new double[4];
    double[] qy = new double[4];
    double edge = t.pt(0.3);
    for (double[] cell : cells) {
      int i = (int) cell[1];
      int j = (int) cell[2];
      int[][] corners = {{i, j}, {i, j + 1}, {i + 1, j + 1}, {i + 1, j}};
      double zc = 0;
      for (int k = 0; k < 4; k++) {
        int ci = corners[k][0];
        int cj = corners[k][1];
        qx[k] = p.x(xs[cj], ys[ci], Z[ci][cj]);
        qy[k] = p.y(xs[cj], ys[ci], Z[ci][cj]);
        zc += Z[ci][cj] / 4;
      }
      Color face = cmap.at(zc, zmin, zmax);
      if (wireframe) {
        canvas.polygon(qx, qy, 4, null, Colors.cycle(0), t.pt(0.8));
      } else {
        canvas.polygon(qx, qy, 4, face, face.darker(), edge);
      }
    }
    if (path != null) {
      int n = path[0].length;
      double[] px = new double[n];
      double[] py = new double[n];
      for (int k = 0; k < n; k++) {
        px[k] = p.x(path[0][k], path[1][k], path[2][k]);
        py[k] = p.y(path[0][k], path[1][k], path[2][k]);
      }
      canvas.polyline(px, py, n, pathColor, t.pt(Style.LINEWIDTH), null);
      canvas.markers(Marker.CIRCLE, px, py, n, new double[] {t.pt(5)}, new Color[] {pathColor},
          null, 0);
    }
  }

  private void drawPanes(Canvas canvas, Projection p, Transform t) {
    double[] bx = {xs[0], xs[xs.length - 1]};
    double[] by = {ys[0], ys[ys.length - 1]};
    double[] bz = {zmin, zmax};
    // the back planes: the side of each axis farther from the eye
    double backX = p.eye[0] > 0 ? bx[0] : bx[1];
    double backY = p.eye[1] > 0 ? by[0] : by[1];
    double frontX = backX == bx[0] ? bx[1] : bx[0];
    double frontY = backY == by[0] ? by[1] : by[0];
    double floor = p.eye[2] > 0 ? bz[0] : bz[1];
    pane(canvas, p, new double[][] {{backX, by[0], bz[0]}, {backX, by[1], bz[0]},
        {backX, by[1], bz[1]}, {backX, by[0], bz[1]}});
    pane(canvas, p, new double[][] {{bx[0], backY, bz[0]}, {bx[1], backY, bz[0]},
        {bx[1], backY, bz[1]}, {bx[0], backY, bz[1]}});
    pane(canvas, p, new double[][] {{bx[0], by[0], floor}, {bx[1], by[0], floor},
        {bx[1], by[1], floor}, {bx[0], by[1], floor}});
    double font = t.pt(Style.FONT);
    double lw = t.pt(Style.GRID_WIDTH);
    for (double x : Ticks.locate(bx[0], bx[1], 5)) {
      line(canvas, p, x, backY, floor, x, frontY, floor, PANE_GRID, lw);
      line(canvas, p, x, backY, bz[0], x, backY, bz[1], PANE_GRID, lw);
      label(canvas, p, Ticks.format(new double[] {x})[0], x, frontY, floor, 0, frontY - backY,
          font, 1.3);
    }
    for (double y : Ticks.locate(by[0], by[1], 5)) {
      line(canvas, p, backX, y, floor, frontX, y, floor, PANE_GRID, lw);
      line(canvas, p, backX, y, bz[0], backX, y, bz[1], PANE_GRID, lw);
      label(canvas, p, Ticks.format(new double[] {y})[0], frontX, y, floor, frontX - backX, 0,
          font, 1.3);
    }
    for (double z : Ticks.locate(bz[0], bz[1], 5)) {
      line(canvas, p, backX, by[0], z, backX, by[1], z, PANE_GRID, lw);
      line(canvas, p, bx[0], backY, z, bx[1], backY, z, PANE_GRID, lw);
      double zx = p.x(frontX, backY, z);
      double side = zx >= p.x((bx[0] + bx[1]) / 2, (by[0] + by[1]) / 2, z) ? 1 : -1;
      canvas.text(Ticks.format(new double[] {z})[0], zx + side * font * 0.8, p.y(frontX, backY, z),
          font, false, Color.BLACK, side > 0 ? Align.START : Align.END, Align.CENTER, 0);
    }
    double[] mid = {(bx[0] + bx[1]) / 2, (by[0] + by[1]) / 2, (bz[0] + bz[1]) / 2};
    label(canvas, p, labels[0], mid[0], frontY, floor, 0, frontY - backY, font, 3.2);
    label(canvas, p, labels[1], frontX, mid[1], floor, frontX - backX, 0, font, 3.2);
    double zx = p.x(frontX, backY, mid[2]);
    double side = zx >= p.x(mid[0], mid[1], mid[2]) ? 1 : -1;
    canvas.text(labels[2], zx + side * font * 3.5, p.y(frontX, backY, mid[2]), font, false,
        Color.BLACK, Align.CENTER, Align.CENTER, 0);
  }

  private static void pane(Canvas canvas, Projection p, double[][] corners) {
    double[] px = new double[4];
    double[] py = new double[4];
    for (int k = 0; k < 4; k++) {
      px[k] = p.x(corners[k][0], corners[k][1], corners[k][2]);
      py[k] = p.y(corners[k][0], corners[k][1], corners[k][2]);
    }
    canvas.polygon(px, py, 4, PANE, PANE_GRID, 1);
  }

  private static void line(Canvas canvas, Projection p, double x0, double y0, double z0, double x1,
      double y1, double z1, Color color, double width) {
    canvas.polyline(new double[] {p.x(x0, y0, z0), p.x(x1, y1, z1)},
        new double[] {p.y(x0, y0, z0), p.y(x1, y1, z1)}, 2, color, width, null);
  }

  /** A label outside the box, pushed away from it along the data direction (dx, dy). */
  private void label(Canvas canvas, Projection p, String text, double x, double y, double z,
      double dx, double dy, double font, double pushEm) {
    if (text.isEmpty()) {
      return;
    }
    double ax = p.x(x, y, z);
    double ay = p.y(x, y, z);
    double ox = p.x(x + dx * 0.08, y + dy * 0.08, z) - ax;
    double oy = p.y(x + dx * 0.08, y + dy * 0.08, z) - ay;
    double len = Math.max(1e-9, Math.hypot(ox, oy));
    double push = font * pushEm;
    canvas.text(text, ax + ox / len * push, ay + oy / len * push, font, false, Color.BLACK,
        Align.CENTER, Align.CENTER, 0);
  }

  /** Orthographic projection of the data box, scaled to fit the axes box. */
  private final class Projection {
    final double[] eye;
    private final double[] right;
    private final double[] up;
    private final double scale;
    private final double cx;
    private final double cy;

    Projection(Rectangle2D box) {
      double a = Math.toRadians(azim);
      double e = Math.toRadians(elev);
      eye = new double[] {Math.cos(e) * Math.cos(a), Math.cos(e) * Math.sin(a), Math.sin(e)};
      right = new double[] {-Math.sin(a), Math.cos(a), 0};
      up = new double[] {-Math.sin(e) * Math.cos(a), -Math.sin(e) * Math.sin(a), Math.cos(e)};
      // the unit box's projected half-extent: the farthest corner (box aspect 4:4:3)
      double half = 0;
      for (int k = 0; k < 8; k++) {
        double[] c = {(k & 1) - 0.5, ((k >> 1) & 1) - 0.5, (((k >> 2) & 1) - 0.5) * 0.75};
        half = Math.max(half, Math.max(Math.abs(dot(c, right)), Math.abs(dot(c, up))));
      }
      scale = Math.min(box.getWidth(), box.getHeight()) / (2 * half) * 0.8;
      cx = box.getCenterX();
      cy = box.getCenterY();
    }

    double x(double x, double y, double z) {
      return cx + scale * dot(unit(x, y, z), right);
    }

    double y(double x, double y, double z) {
      return cy - scale * dot(unit(x, y, z), up);
    }

    double depth(double x, double y, double z) {
      return dot(unit(x, y, z), eye);
    }

    private double[] unit(double x, double y, double z) {
      return new double[] {(x - xs[0]) / (xs[xs.length - 1] - xs[0]) - 0.5,
          (y - ys[0]) / (ys[ys.length - 1] - ys[0]) - 0.5,
          ((z - zmin) / (zmax - zmin) - 0.5) * 0.75};
    }

    private static double dot(double[] a, double[] b) {
      return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
  }
}
