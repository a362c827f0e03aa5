package semaine.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our PNG files decode (ImageIO) to exactly the pixels written. */
class PngTest {

  @Test
  void randomPixelsOfManySizesDecodeToThemselves() throws IOException {
    Random random = new Random(5);
    int[][] sizes = {{1, 1}, {1, 9}, {9, 1}, {3, 7}, {640, 480}, {257, 300}};
    for (int[] size : sizes) {
      int w = size[0];
      int h = size[1];
      int[] rgb = new int[w * h];
      for (int i = 0; i < rgb.length; i++) {
        // noise (incompressible: the output buffer grows) with runs of one colour between
        rgb[i] = i % 50 < 25 ? random.nextInt() : 0xffffff;
      }
      BufferedImage decoded = decode(encode(rgb, w, h));
      assertEquals(w, decoded.getWidth());
      assertEquals(h, decoded.getHeight());
      int[] back = decoded.getRGB(0, 0, w, h, null, 0, w);
      for (int i = 0; i < rgb.length; i++) {
        assertEquals(rgb[i] & 0xffffff, back[i] & 0xffffff, w + " x " + h + ", pixel " + i);
      }
    }
  }

  @Test
  void chunksAreIhdrIdatIendWithTheirCrcs() throws IOException {
    byte[] file = encode(new int[] {0xff0000, 0x00ff00, 0x0000ff, 0x123456}, 2, 2);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
        java.util.Arrays.copyOf(file, 8));
    ByteBuffer in = ByteBuffer.wrap(file, 8, file.length - 8);
    List<String> types = new ArrayList<>();
    while (in.hasRemaining()) {
      int length = in.getInt();
      byte[] typeAndData = new byte[4 + length];
      in.get(typeAndData);
      CRC32 crc = new CRC32();
      crc.update(typeAndData);
      assertEquals((int) crc.getValue(), in.getInt());
      String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
      types.add(type);
      if (type.equals("IHDR")) {
        // 2 x 2, 8 bits, RGB, deflate, filter method 0, not interlaced
        assertArrayEquals(new byte[] {0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0},
            java.util.Arrays.copyOfRange(typeAndData, 4, typeAndData.length));
      }
    }
    assertEquals(List.of("IHDR", "IDAT", "IEND"), types);
  }

  @Test
  void aSavedFigureHasThePixelsOfItsImage(@TempDir Path dir) throws IOException {
    Figure fig = Figure.create(320, 240);
    double[] x = new double[3000];
    double[] y = new double[3000];
    Random random = new Random(1);
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
      y[i] = random.nextGaussian();
    }
    fig.axes().scatter(x, y).s(4);
    fig.axes().title("saved");
    Path file = fig.savefig(dir.resolve("scatter.png"));
    BufferedImage expected = fig.toImage();
    BufferedImage read = ImageIO.read(file.toFile());
    assertArrayEquals(expected.getRGB(0, 0, 320, 240, null, 0, 320),
        read.getRGB(0, 0, 320, 240, null, 0, 320));
    assertTrue(Files.size(file) < 320 * 240, Files.size(file) + " bytes");
  }

  @Test
  void tooFewPixelsForTheSizeAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> encode(new int[5], 2, 3));
    assertEquals("a 2 x 3 image needs 6 pixels, not 5", e.getMessage());
  }

  private static byte[] encode(int[] rgb, int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Png.write(rgb, w, h, out);
    return out.toByteArray();
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }
}
