package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DownloadBarTest {

  @Test
  void bigFilesGetOneBarLineInMegabytesAndSmallFilesNone() {
    var text = new StringWriter();
    var bar = new DownloadBar(new PrintWriter(text), true);
    bar.update("config.json", 0, 665);
    bar.update("config.json", 665, 665);
    bar.update("model.safetensors", 0, 4_000_000);
    bar.update("model.safetensors", 4_000_000, 4_000_000);
    bar.finish();
    assertEquals("\r[..............................] 0/4 MB  model.safetensors"
        + "\r[##############################] 4/4 MB  model.safetensors" + System.lineSeparator(),
        text.toString());
  }

  @Test
  void nothingIsDrawnWithoutATerminal() {
    var text = new StringWriter();
    var bar = new DownloadBar(new PrintWriter(text), false);
    bar.update("model.safetensors", 0, 4_000_000);
    bar.update("model.safetensors", 4_000_000, 4_000_000);
    bar.finish();
    assertEquals("", text.toString());
  }
}
