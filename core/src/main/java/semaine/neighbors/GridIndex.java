package semaine.neighbors;

import java.util.Arrays;
import semaine.util.Parallel;

/**
 * The k-d tree's answers for two features and the Euclidean distance, found on a uniform grid:
 * {@code algorithm='kd_tree'} (or 'auto', which picks it) on points such as the book's 2-D
 * blobs. A fit builds nothing; the first k-nearest query sorts the points into square cells of
 * about four points each (one counting sort, cheaper than the tree's median splits), and a query
 * reads the cells ring by ring around its own until no unread cell can hold a point nearer than
 * its (k + 1)-th.
 *
 * <p>Why the same answers: the distances are the tree's ({@code Σ (q_f − y_f)²} in feature
 * order, the root taken at the end), and when the k + 1 smallest are all different the k nearest
 * and their order are the only possible answer, whatever found them. When two of them are equal,
 * which points scikit-learn keeps and in which order depends on its tree, so that query is
 * answered by the {@link KDTree} itself, built on first need, as are radius queries (their order is
 * the tree's). Continuous data rarely ties; integer grids and duplicates do.
 *
 * <p>Points crowded into few cells (a line, many duplicates) would make the cells useless: when
 * the fullest cell would hold more than {@value #MAX_CELL} points, or the points span no area,
 * every query goes to the tree. So does a query more than a cell away from the points' box: its
 * nearest points lie along the box's near side, far apart, where the rings would read most cells
 * (10^4 such queries on 10^5 points: 1.1-2.0 s by the rings, 9-57 ms by the tree).
 */
final class GridIndex extends SearchIndex {

  /** The points a cell holds on average. */
  private static final double PER_CELL = 4.0;
  /** The largest cell occupancy for which the grid is used. */
  private static final int MAX_CELL = 64;

  private final int leafSize;
  private volatile KDTree tree;
  private volatile Grid grid;

  /** For 2-D points (n, 2) flat and p = 2; {@code leafSize} is the tree's, for ties and radii. */
  GridIndex(double[] X, int n, int leafSize) {
    super(X, n, 2, 2);
    this.leafSize = leafSize;
  }

  @Override
  double reducedPair(double[] Q, int q, int j) {
    return Distances.reduced(Q, q * d, X, j * d, d, p);
  }

  /** The k-d tree over the same points, built on first use. */
  KDTree tree() {
    KDTree t = tree;
    if (t == null) {
      synchronized (this) {
        t = tree;
        if (t == null) {
          t = new KDTree(X, n, d, p, leafSize);
          tree = t;
        }
      }
    }
    return t;
  }

  /** The grid, built on first use; {@link Grid#NONE} when the points do not suit one. */
  private Grid grid() {
    Grid g = grid;
    if (g == null) {
      synchronized (this) {
        g = grid;
        if (g == null) {
          g = Grid.of(X, n);
          grid = g;
        }
      }
    }
    return g;
  }

  @Override
  void search(double[] Q, int nq, int k, Strategy strategy, Rows rows) {
    Grid g = grid();
    if (g == Grid.NONE) {
      tree().search(Q, nq, k, strategy, rows);
      return;
    }
    int m = Math.min(k + 1, n);
    boolean training = Q == X && nq == n;
    Parallel.forRange(nq, QUERY_BLOCK, (from, to) -> {
      double[] values = new double[m];
      int[] found = new int[m];
      int[] toTree = new int[to - from]; // the range's queries the tree answers, in order
      int count = 0;
      for (int i = from; i < to; i++) {
        int q = training ? g.order[i] : i; // in cell order: consecutive queries read near cells
        double qx = Q[2 * q];
        double qy = Q[2 * q + 1];
        if (g.near(qx, qy)) {
          g.nearest(qx, qy, m, values, found);
          if (!hasTie(values, k)) {
            rows.store(q, values, found);
            continue;
          }
        }
        toTree[count++] = q;
      }
      if (count > 0) {
        double[] rest = new double[2 * count];
        for (int j = 0; j < count; j++) {
          rest[2 * j] = Q[2 * toTree[j]];
          rest[2 * j + 1] = Q[2 * toTree[j] + 1];
        }
        tree().search(rest, count, k, strategy, (j, v, f) -> rows.store(toTree[j], v, f));
      }
    });
  }

  @Override
  void within(double[] Q, int q, double radius, Hits hits) {
    tree().within(Q, q, radius, hits);
  }

  @Override
  void withinUnordered(double[] Q, int q, double radius, Hits hits) {
    tree().withinUnordered(Q, q, radius, hits);
  }

  @Override
  int countWithin(double[] Q, int q, double radius, Hits hits) {
    return tree().countWithin(Q, q, radius, hits);
  }

  /**
   * The points sorted into cells: cell (cx, cy) holds points {@code start[cy·gx + cx]} to
   * {@code start[cy·gx + cx + 1] − 1} of the cell order, their coordinates in xs and ys (read in
   * sequence) and their indices in {@code order}.
   */
  static final class Grid {
    /** No grid: the points do not spread over an area. */
    static final Grid NONE = new Grid(0, 0, 0, 0, 0, null, null, null, null);

    final double x0;
    final double y0;
    final double size;  // a cell's side
    private final double perSize; // 1 / size: a cell index is (v − low) · perSize, rounded down
    final int gx;
    final int gy;
    final int[] start;
    final int[] order;
    final double[] xs;
    final double[] ys;
    /** How far inside a cell's side a point may lie by rounding (the sides are tested with it). */
    private final double margin;

    private Grid(double x0, double y0, double size, int gx, int gy, int[] start, int[] order,
        double[] xs, double[] ys) {
      this.x0 = x0;
      this.y0 = y0;
      this.size = size;
      this.perSize = 1 / size;
      this.gx = gx;
      this.gy = gy;
      this.start = start;
      this.order = order;
      this.xs = xs;
      this.ys = ys;
      this.margin = 1e-6 * size + 1e-12 * (Math.abs(x0) + Math.abs(y0) + size * (gx + gy));
    }

    /** Whether (qx, qy) lies within a cell's side of the grid. */
    boolean near(double qx, double qy) {
      return qx >= x0 - size && qx <= x0 + (gx + 1) * size
          && qy >= y0 - size && qy <= y0 + (gy + 1) * size;
    }

    /** The grid of n points (n, 2) flat, or {@link #NONE}. */
    static Grid of(double[] X, int n) {
      double minX = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      double minY = Double.POSITIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        // plain comparisons: the values are finite (checked by fit)
        double x = X[2 * i];
        double y = X[2 * i + 1];
        if (x < minX) {
          minX = x;
        }
        if (x > maxX) {
          maxX = x;
        }
        if (y < minY) {
          minY = y;
        }
        if (y > maxY) {
          maxY = y;
        }
      }
      double size = Math.sqrt((maxX - minX) * (maxY - minY) * PER_CELL / n);
      if (!(size > 0) || !Double.isFinite(size)) {
        return NONE;
      }
      long cellsX = (long) ((maxX - minX) / size) + 1;
      long cellsY = (long) ((maxY - minY) / size) + 1;
      if (cellsX * cellsY > 4L * n + 4) {
        return NONE; // a long thin cloud: most cells would be empty
      }
      int gx = (int) cellsX;
      int gy = (int) cellsY;
      int[] cell = new int[n];
      int[] start = new int[gx * gy + 1];
      double perSize = 1 / size;
      for (int i = 0; i < n; i++) {
        int c = cell(X[2 * i], minX, perSize, gx) + gx * cell(X[2 * i + 1], minY, perSize, gy);
        cell[i] = c;
        start[c + 1]++;
      }
      int fullest = 0;
      for (int c = 0; c < gx * gy; c++) {
        fullest = Math.max(fullest, start[c + 1]);
        start[c + 1] += start[c];
      }
      if (fullest > MAX_CELL) {
        return NONE;
      }
      int[] next = Arrays.copyOf(start, gx * gy);
      int[] order = new int[n];
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        int at = next[cell[i]]++;
        order[at] = i;
        xs[at] = X[2 * i];
        ys[at] = X[2 * i + 1];
      }
      return new Grid(minX, minY, size, gx, gy, start, order, xs, ys);
    }

    /** The cell of coordinate v along an axis from {@code low}, within [0, cells). */
    private static int cell(double v, double low, double perSize, int cells) {
      int c = (int) ((v - low) * perSize);
      return c < 0 ? 0 : c >= cells ? cells - 1 : c;
    }

    /**
     * The m nearest points to (qx, qy), sorted by reduced distance (equal values in the order
     * met), into values and found: the rings of cells around the query's, until every unread
     * cell (widened by a rounding margin) is farther than the m-th value.
     */
    void nearest(double qx, double qy, int m, double[] values, int[] found) {
      Arrays.fill(values, Double.POSITIVE_INFINITY);
      int cx = cell(qx, x0, perSize, gx);
      int cy = cell(qy, y0, perSize, gy);
      for (int r = 0; ; r++) {
        int yFrom = Math.max(0, cy - r);
        int yTo = Math.min(gy - 1, cy + r);
        for (int y = yFrom; y <= yTo; y++) {
          if (y == cy - r || y == cy + r) {
            scan(y * gx + Math.max(0, cx - r), y * gx + Math.min(gx - 1, cx + r), qx, qy, m,
                values, found);
          } else {
            if (cx - r >= 0) {
              scan(y * gx + cx - r, y * gx + cx - r, qx, qy, m, values, found);
            }
            if (cx + r < gx) {
              scan(y * gx + cx + r, y * gx + cx + r, qx, qy, m, values, found);
            }
          }
        }
        // the unread cells lie in the strips of the grid beyond the ring's sides that still have
        // cells past them (each strip taken the grid's whole width or height): the nearest strip
        // bounds every unread point's distance, for a query inside the cloud or far outside it
        double left = x0 + Math.max(0, cx - r) * size;
        double right = x0 + (Math.min(gx - 1, cx + r) + 1) * size;
        double bottom = y0 + Math.max(0, cy - r) * size;
        double top = y0 + (Math.min(gy - 1, cy + r) + 1) * size;
        double gridRight = x0 + gx * size;
        double gridTop = y0 + gy * size;
        double clear = Double.POSITIVE_INFINITY;
        if (cx - r > 0) {
          clear = Math.min(clear, toBox(qx, qy, x0, left, y0, gridTop));
        }
        if (cx + r < gx - 1) {
          clear = Math.min(clear, toBox(qx, qy, right, gridRight, y0, gridTop));
        }
        if (cy - r > 0) {
          clear = Math.min(clear, toBox(qx, qy, x0, gridRight, y0, bottom));
        }
        if (cy + r < gy - 1) {
          clear = Math.min(clear, toBox(qx, qy, x0, gridRight, top, gridTop));
        }
        if (clear == Double.POSITIVE_INFINITY) {
          return; // every cell read
        }
        if (clear * (1 - 1e-9) > values[m - 1]) {
          return;
        }
      }
    }

    /**
     * The squared distance from (qx, qy) to the box [xLow, xHigh] × [yLow, yHigh] widened by the
     * rounding margin on every side: no point of the box's cells is nearer.
     */
    private double toBox(double qx, double qy, double xLow, double xHigh, double yLow,
        double yHigh) {
      double dx = Math.max(0, Math.max(xLow - qx, qx - xHigh) - margin);
      double dy = Math.max(0, Math.max(yLow - qy, qy - yHigh) - margin);
      return dx * dx + dy * dy;
    }

    /** Offers the points of cells {@code [first, last]} (one row) to the sorted m nearest. */
    private void scan(int first, int last, double qx, double qy, int m, double[] values,
        int[] found) {
      for (int at = start[first], end = start[last + 1]; at < end; at++) {
        double ex = qx - xs[at];
        double ey = qy - ys[at];
        double s = ex * ex;
        s += ey * ey;
        if (s < values[m - 1]) {
          int slot = m - 1;
          while (slot > 0 && values[slot - 1] > s) {
            values[slot] = values[slot - 1];
            found[slot] = found[slot - 1];
            slot--;
          }
          values[slot] = s;
          found[slot] = order[at];
        }
      }
    }
  }
}
