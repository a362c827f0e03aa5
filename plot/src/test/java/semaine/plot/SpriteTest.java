package semaine.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sprites stamped into an image's pixels give exactly the pixels Graphics2D.drawImage gives. */
class SpriteTest {

  @Test
  void everyAlphaSourceAndDestinationBlendsAsJava2DDoes() {
    // pixel (x, y) of the sprite has alpha x and channels from y: every (alpha, source) pair,
    // over every destination value d (red d, green 255 - d, blue 3d mod 256)
    BufferedImage spriteImage = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        spriteImage.setRGB(x, y, x << 24 | y << 16 | (255 - y) << 8 | (y * 7 & 0xff));
      }
    }
    Sprite sprite = new Sprite(spriteImage);
    for (int d = 0; d < 256; d++) {
      int background = d << 16 | (255 - d) << 8 | (d * 3 & 0xff);
      BufferedImage expected = filled(256, 256, background);
      Graphics2D g = expected.createGraphics();
      sprite.draw(g, 128, 128);
      g.dispose();
      BufferedImage actual = filled(256, 256, background);
      sprite.stamp(RgbPixels.of(actual), new double[] {128}, new double[] {128}, 0, 1);
      assertArrayEquals(data(expected), data(actual), "destination " + d);
    }
  }

  @Test
  void randomSpritesAtRandomPlacesAndClipsMatchDrawImage() {
    Random random = new Random(17);
    for (int trial = 0; trial < 300; trial++) {
      int w = 1 + random.nextInt(12);
      int h = 1 + random.nextInt(12);
      BufferedImage spriteImage = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int alpha = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 255;
            default -> random.nextInt(256);
          };
          spriteImage.setRGB(x, y, alpha << 24 | random.nextInt(1 << 24));
        }
      }
      Sprite sprite = new Sprite(spriteImage);
      int width = 20 + random.nextInt(30);
      int height = 20 + random.nextInt(30);
      int n = 1 + random.nextInt(40);
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        // centres from well outside the image to well past it, at any fraction (halves too)
        xs[i] = -15 + (width + 30) * random.nextDouble();
        ys[i] = random.nextInt(4) == 0 ? Math.floor(ys[Math.max(0, i - 1)]) + 0.5
            : -15 + (height + 30) * random.nextDouble();
      }
      Rectangle2D clip = random.nextInt(5) == 0 ? null : new Rectangle2D.Double(
          -5 + random.nextInt(4 * width) / 4.0 + (random.nextBoolean() ? 0.5 : 0.1),
          -5 + random.nextInt(4 * height) / 4.0, random.nextInt(4 * width) / 3.0,
          random.nextInt(4 * height) / 3.0);
      BufferedImage expected = noise(width, height, random.nextLong());
      BufferedImage actual = noise(width, height, 0);
      actual.setData(expected.getData());
      Graphics2D g = expected.createGraphics();
      g.setClip(clip);
      for (int i = 0; i < n; i++) {
        sprite.draw(g, xs[i], ys[i]);
      }
      g.dispose();
      RgbPixels pixels = RgbPixels.of(actual);
      pixels.clip(clip);
      sprite.stamp(pixels, xs, ys, 0, n);
      assertArrayEquals(data(expected), data(actual), "trial " + trial + ", clip " + clip);
    }
  }

  @Test
  void aScatterOfManyPointsIsDrawnAsJava2DDrawsIt() {
    // more than 2,000 points of one size: stamped; three colours with alpha, many points outside
    // the axes (clipped at its box, whose top is at a fraction of a pixel)
    Random random = new Random(3);
    int n = 6000;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
      y[i] = random.nextGaussian();
      c[i] = i % 3;
    }
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes().xlim(-1.5, 2).ylim(-2, 1.2);
    ax.scatter(x, y).c(c).cmap("viridis").alpha(0.6).s(9);
    ax.title("clipped");
    BufferedImage stamped = fig.toImage();
    BufferedImage drawn = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = drawn.createGraphics();
    fig.render(new GraphicsCanvas(g));
    g.dispose();
    assertArrayEquals(data(drawn), data(stamped));
    int changed = 0;
    for (int p : data(stamped)) {
      changed += (p & 0xffffff) == 0xffffff ? 0 : 1;
    }
    assertTrue(changed > 10_000, changed + " pixels drawn");
  }

  @Test
  void onlyRgbImagesBackedByOneArrayAreDrawnOnDirectly() {
    assertNotNull(RgbPixels.of(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB)));
    assertNull(RgbPixels.of(new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB)));
    assertNull(RgbPixels.of(new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR)));
    BufferedImage whole = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    assertNull(RgbPixels.of(whole.getSubimage(2, 2, 3, 3)));
  }

  @Test
  void mul8IsTheRoundedProductOver255() {
    for (int u = 0; u < 256; u++) {
      for (int v = 0; v < 256; v++) {
        assertEquals(Math.round(u * v / 255.0), Sprite.mul8(u, v), u + " * " + v);
      }
    }
  }

  private static BufferedImage filled(int w, int h, int rgb) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    java.util.Arrays.fill(data(image), rgb);
    return image;
  }

  private static BufferedImage noise(int w, int h, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] data = data(image);
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextInt(1 << 24);
    }
    return image;
  }

  private static int[] data(BufferedImage image) {
    return ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }
}
