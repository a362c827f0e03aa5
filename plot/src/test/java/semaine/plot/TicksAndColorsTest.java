package semaine.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.util.Json;

/** Ticks, labels, colours and colormaps against matplotlib. */
class TicksAndColorsTest {

  @Test
  @SuppressWarnings("unchecked")
  void ticksMatchMatplotlibsMaxNLocator() throws Exception {
    List<Object> cases;
    try (InputStream in = getClass().getResourceAsStream("/reference/ticks.json")) {
      cases = (List<Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    for (Object o : cases) {
      Map<String, Object> c = (Map<String, Object>) o;
      double vmin = ((Number) c.get("vmin")).doubleValue();
      double vmax = ((Number) c.get("vmax")).doubleValue();
      int nbins = ((Number) c.get("nbins")).intValue();
      double[] expected = ((List<Object>) c.get("ticks")).stream()
          .mapToDouble(v -> ((Number) v).doubleValue()).toArray();
      assertArrayEquals(expected, Ticks.locate(vmin, vmax, nbins), 1e-9 * (vmax - vmin),
          "ticks for [" + vmin + ", " + vmax + "] in " + nbins + " bins");
    }
  }

  @Test
  void tickLabelsShareTheirDecimalsAndUseATrueMinus() {
    assertArrayEquals(new String[] {"\u22121.0", "\u22120.5", "0.0", "0.5", "1.0"},
        Ticks.format(new double[] {-1, -0.5, 0, 0.5, 1}));
    assertArrayEquals(new String[] {"0", "20", "40"}, Ticks.format(new double[] {0, 20, 40}));
    assertArrayEquals(new String[] {"0.00", "0.25", "0.50"},
        Ticks.format(new double[] {0, 0.25, 0.5}));
  }

  @Test
  void autoBinCountsFollowTheAxisLength() {
    // matplotlib: x axis length in points over 3 label heights, y over 2, clipped to [1, 9]
    assertEquals(9, Ticks.nbinsX(357, 10));
    assertEquals(5, Ticks.nbinsX(160, 10));
    assertEquals(9, Ticks.nbinsY(266, 10));
    assertEquals(6, Ticks.nbinsY(120, 10));
  }

  @Test
  void tab10AndNamedColoursAreMatplotlibs() {
    assertEquals(new Color(0x1f77b4), Colors.parse("C0"));
    assertEquals(new Color(0x1f77b4), Colors.parse("tab:blue"));
    assertEquals(new Color(0xff7f0e), Colors.cycle(1));
    assertEquals(new Color(0x17becf), Colors.cycle(9));
    assertEquals(Colors.cycle(0), Colors.cycle(10));
    assertEquals(new Color(0xd62728), Colors.parse("tab:red"));
    assertEquals(new Color(255, 0, 0), Colors.parse("r"));
    assertEquals(new Color(0x12, 0x34, 0x56), Colors.parse("#123456"));
    assertEquals(new Color(204, 204, 204), Colors.parse("0.8"));
    assertEquals(0, Colors.parse("none").getAlpha());
  }

  @Test
  void colormapsHaveMatplotlibsEnds() {
    assertEquals(new Color(0x440154), Colormap.get("viridis").at(0.0));
    assertEquals(new Color(0xfde725), Colormap.get("viridis").at(1.0));
    assertEquals(new Color(0, 0, 255), Colormap.get("bwr").at(0.0));
    assertEquals(new Color(255, 0, 0), Colormap.get("bwr").at(1.0));
    // bwr is linear through white: entry 128 of 256 is just past the middle
    assertEquals(new Color(255, 254, 254), Colormap.get("bwr").at(0.5));
    assertEquals(Colormap.get("viridis").at(1.0), Colormap.get("viridis_r").at(0.0));
    assertEquals(new Color(0x3b4cc0), Colormap.get("coolwarm").at(0.0));
    assertEquals(Colors.NONE, Colormap.get("viridis").at(Double.NaN));
  }

  @Test
  void marchingSquaresPutsEveryCrossingOnTheLevelSet() {
    int n = 41;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = -2 + 4.0 * i / (n - 1);
    }
    double[][] Z = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        Z[i][j] = g[j] + 2 * g[i]; // a plane: linear interpolation is exact
      }
    }
    double level = 1.0123; // off the grid's lattice points, so no cell is degenerate
    double[] seg = MarchingSquares.segments(g, g, Z, level);
    assertEquals(0, seg.length % 4);
    double length = 0;
    for (int k = 0; k < seg.length; k += 4) {
      assertEquals(level, seg[k] + 2 * seg[k + 1], 1e-12);
      assertEquals(level, seg[k + 2] + 2 * seg[k + 3], 1e-12);
      length += Math.hypot(seg[k + 2] - seg[k], seg[k + 3] - seg[k + 1]);
    }
    // the line x + 2y = level runs from x = -2 to x = 2 inside the square: length sqrt(4² + 2²)
    assertEquals(Math.sqrt(20), length, 1e-9);
  }
}
