package semaine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The font of PNG figures. */
class GraphicsCanvasTest {

  @Test
  void theFamilyIsDejaVuSansExactlyWhenItIsInstalled() {
    boolean installed = Arrays.asList(
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
        .contains("DejaVu Sans");
    assertEquals(installed ? "DejaVu Sans" : Font.SANS_SERIF, GraphicsCanvas.FAMILY);
  }
}
