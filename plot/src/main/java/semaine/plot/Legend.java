package semaine.plot;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import semaine.plot.Artist.LegendEntry;
import semaine.plot.Canvas.Align;

/**
 * The legend box, laid out with matplotlib's defaults (in font sizes: border pad 0.4, label spacing
 * 0.5, handle length 2, handle-text pad 0.8, 0.5 from the axes; white frame at 80 % opacity with a
 * light grey edge). {@code "best"} tries matplotlib's candidate places in its order and keeps the
 * first that covers the fewest data points.
 */
final class Legend {

  /** matplotlib's location codes, in the order "best" tries them. */
  private static final Map<String, double[]> LOCS = new java.util.LinkedHashMap<>();

  static {
    // anchor fractions {fx, fy}: 1 = right / top
    LOCS.put("upper right", new double[] {1, 1});
    LOCS.put("upper left", new double[] {0, 1});
    LOCS.put("lower left", new double[] {0, 0});
    LOCS.put("lower right", new double[] {1, 0});
    LOCS.put("right", new double[] {1, 0.5});
    LOCS.put("center left", new double[] {0, 0.5});
    LOCS.put("center right", new double[] {1, 0.5});
    LOCS.put("lower center", new double[] {0.5, 0});
    LOCS.put("upper center", new double[] {0.5, 1});
    LOCS.put("center", new double[] {0.5, 0.5});
  }

  private static final Color EDGE = new Color(0xcc, 0xcc, 0xcc);
  private static final Color FACE = new Color(255, 255, 255, 204);

  private Legend() {}

  /** Rejects a location matplotlib does not know, listing the valid ones. */
  static void checkLoc(String loc) {
    if (!"best".equals(loc) && !LOCS.containsKey(loc)) {
      throw new IllegalArgumentException("loc (\"" + loc + "\") is not a legend location: use "
          + "\"best\" or one of " + LOCS.keySet());
    }
  }

  /** Draws the legend of the labelled artists; nothing when none has a label. */
  static void draw(Canvas canvas, List<Artist> artists, Transform t, String loc) {
    List<LegendEntry> entries = new ArrayList<>();
    for (Artist a : artists) {
      LegendEntry e = a.legendEntry();
      if (e != null) {
        entries.add(e);
      }
    }
    if (entries.isEmpty()) {
      return;
    }
    double em = t.pt(Style.FONT);
    double textWidth = 0;
    for (LegendEntry e : entries) {
      textWidth = Math.max(textWidth, GraphicsCanvas.textWidth(e.label(), em, false));
    }
    double row = em * 1.0;
    double w = em * (0.4 * 2 + 2 + 0.8) + textWidth;
    double h = em * 0.4 * 2 + entries.size() * row + (entries.size() - 1) * 0.5 * em;
    Rectangle2D box = place(artists, t, loc, w, h, 0.5 * em);
    canvas.rect(box.getX(), box.getY(), w, h, FACE, EDGE, t.pt(1));
    double y = box.getY() + 0.4 * em;
    for (LegendEntry e : entries) {
      double hx = box.getX() + 0.4 * em;
      e.handle().draw(canvas, hx, y + (row - 0.7 * em) / 2, 2 * em, 0.7 * em, t.pxPerPt());
      canvas.text(e.label(), hx + 2.8 * em, y + row / 2, em, false, Color.BLACK, Align.START,
          Align.CENTER, 0);
      y += row + 0.5 * em;
    }
  }

  /** The legend's box in pixels: at {@code loc}, or the least crowded candidate for "best". */
  static Rectangle2D place(List<Artist> artists, Transform t, String loc, double w, double h,
      double pad) {
    if (!loc.equals("best")) {
      return at(LOCS.get(loc), t.box(), w, h, pad);
    }
    Rectangle2D best = null;
    int fewest = Integer.MAX_VALUE;
    for (double[] anchor : LOCS.values()) {
      Rectangle2D candidate = at(anchor, t.box(), w, h, pad);
      int covered = 0;
      for (Artist a : artists) {
        covered += a.pointsIn(t, candidate);
      }
      if (covered < fewest) {
        fewest = covered;
        best = candidate;
      }
    }
    return best;
  }

  private static Rectangle2D at(double[] anchor, Rectangle2D box, double w, double h, double pad) {
    double x = box.getMinX() + pad + anchor[0] * (box.getWidth() - w - 2 * pad);
    double y = box.getMinY() + pad + (1 - anchor[1]) * (box.getHeight() - h - 2 * pad);
    return new Rectangle2D.Double(x, y, w, h);
  }
}
