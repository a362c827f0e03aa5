package semaine.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Point2D;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.util.Json;

/** A default figure with one scatter, laid out as matplotlib does (reference/plot_transform.py). */
class MatplotlibLayoutTest {

  @Test
  @SuppressWarnings("unchecked")
  void scatterLimitsTicksAndPixelsMatchMatplotlib() throws Exception {
    Map<String, Object> ref;
    try (InputStream in = getClass().getResourceAsStream("/reference/transform.json")) {
      ref = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    double[] x = doubles(ref.get("x"));
    double[] y = doubles(ref.get("y"));
    Figure fig = Figure.create();
    Axes ax = fig.axes();
    ax.scatter(x, y);
    assertArrayEquals(doubles(ref.get("xlim")), ax.xlim(), 1e-12);
    assertArrayEquals(doubles(ref.get("ylim")), ax.ylim(), 1e-12);
    Transform t = ax.transform();
    assertArrayEquals(doubles(ref.get("xticks")), AxesFrame.xTicks(ax, t), 1e-12);
    assertArrayEquals(doubles(ref.get("yticks")), AxesFrame.yTicks(t), 1e-12);
    double[] px = doubles(ref.get("px"));
    double[] py = doubles(ref.get("py"));
    for (int i = 0; i < x.length; i++) {
      Point2D p = ax.dataToPixel(x[i], y[i]);
      assertEquals(px[i], p.getX(), 1e-6, "x pixel of point " + i);
      assertEquals(py[i], p.getY(), 1e-6, "y pixel of point " + i);
    }
  }

  private static double[] doubles(Object list) {
    return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }
}
