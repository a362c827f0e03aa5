package semaine.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book's {@code gym.make("LunarLander-v2", render_mode="human")}, on a machine without display. */
class HumanRenderingTest {

  @Test
  void lunarLanderV2IsV3AndSaysSoInOneLine() {
    PrintStream err = System.err;
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    Env<double[], Integer> v2;
    try {
      System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
      v2 = Envs.make("LunarLander-v2");
    } finally {
      System.setErr(err);
    }
    String line = said.toString(StandardCharsets.UTF_8);
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.contains("LunarLander-v2 is LunarLander-v3") && line.contains("renamed"), line);
    Env<double[], Integer> v3 = Envs.make("LunarLander-v3");
    assertArrayEquals(v3.reset(42).observation(), v2.reset(42).observation());
  }

  @Test
  void humanModeWithoutDisplayWritesTheFramesToAGifWhenClosed(@TempDir Path dir)
      throws IOException {
    Path gif = dir.resolve("lander.gif");
    Env<double[], Integer> env = Envs.make("LunarLander-v3", "human", gif);
    var human = (HumanRendering<?, ?>) env;
    assertFalse(human.hasWindow(), "tests run headless");
    assertTrue(human.where().contains(gif.toString()), human.where());
    env.reset(42);
    for (int i = 0; i < 4; i++) {
      env.step(0);
    }
    assertFalse(Files.exists(gif), "the GIF appears whole, when finished");
    env.close();
    assertEquals(5, frames(gif), "the reset and four steps");
  }

  @Test
  void humanModeKeepsTheFirstFramesOnly(@TempDir Path dir) throws IOException {
    Path gif = dir.resolve("short.gif");
    Env<double[], Integer> env = new HumanRendering<>(Envs.make("LunarLander-v3"), gif, 3);
    env.reset(1);
    for (int i = 0; i < 6; i++) {
      env.step(2);
    }
    assertEquals(3, frames(gif), "finished at the limit, before close");
    env.close();
    assertEquals(3, frames(gif));
  }

  @Test
  void unknownRenderModeIsRefusedByName(@TempDir Path dir) {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Envs.make("LunarLander-v3", "humn", dir.resolve("x.gif")));
    assertTrue(e.getMessage().contains("renderMode (humn)") && e.getMessage().contains("human"),
        e.getMessage());
  }

  private static int frames(Path gif) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      return reader.getNumImages(true);
    }
  }
}
