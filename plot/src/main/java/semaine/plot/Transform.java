package semaine.plot;

import java.awt.geom.Rectangle2D;

/**
 * The mapping from data to figure pixels for one axes: the axes box in pixels (y down) and the
 * view limits. {@code pxPerPt} converts matplotlib's sizes in points (1/72 inch) at the figure dpi.
 */
record Transform(Rectangle2D box, double xmin, double xmax, double ymin, double ymax,
    double pxPerPt) {

  /** The pixel column of data x. */
  double x(double x) {
    return box.getX() + (x - xmin) / (xmax - xmin) * box.getWidth();
  }

  /** The pixel row of data y (rows grow downwards). */
  double y(double y) {
    return box.getY() + box.getHeight() - (y - ymin) / (ymax - ymin) * box.getHeight();
  }

  /** The data x at pixel column {@code px}. */
  double dataX(double px) {
    return xmin + (px - box.getX()) / box.getWidth() * (xmax - xmin);
  }

  /** The data y at pixel row {@code py}. */
  double dataY(double py) {
    return ymin + (box.getY() + box.getHeight() - py) / box.getHeight() * (ymax - ymin);
  }

  /** A size in points as pixels. */
  double pt(double points) {
    return points * pxPerPt;
  }
}
