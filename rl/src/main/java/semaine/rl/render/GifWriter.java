package semaine.rl.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import semaine.util.AtomicFiles;
import semaine.util.Checks;

/**
 * Writes frames as an animated GIF that loops forever, with the JDK's own GIF encoder (no
 * dependency). Each frame is shown {@code delay} hundredths of a second; 2 is Gymnasium's 50 fps.
 *
 * <p>Frames are mapped to one fixed 256-colour palette before encoding (the 6 x 6 x 6 colour cube,
 * 24 greys and the environments' own colours, exactly), through a table indexed by 5 bits per
 * channel: the JDK encoder would otherwise build a palette per frame, which takes about 0.2 s for
 * a 600 x 400 frame.
 */
public final class GifWriter {

  /** Exact colours of the renderers (lander, its edge, flags, maze exit, path, robot). */
  private static final int[] EXTRA = {0x8066E6, 0x4D4D80, 0xCCCC00, 0x98DF8A, 0xD62728, 0x7F7F7F,
      0x404040, 0x1F77B4, 0x2CA02C, 0xFFFFFF, 0x000000};
  private static final IndexColorModel PALETTE = palette();
  private static final byte[] NEAREST = nearestTable(PALETTE);

  private GifWriter() {}

  /** Frames handed one at a time to a GIF being written, so that only one is in memory. */
  @FunctionalInterface
  public interface FrameSource {
    /** Calls {@code frame} with each frame in order (all the same size, at least one). */
    void play(Consumer<BufferedImage> frame) throws IOException;
  }

  /**
   * Writes {@code frames} (all the same size) to {@code file}, one every {@code delayCentis}/100 s,
   * atomically ({@link AtomicFiles}: a file already there is replaced whole or not at all; a
   * directory, FIFO or device is refused; the folder must exist).
   *
   * @return the file written
   */
  public static Path write(List<BufferedImage> frames, Path file, int delayCentis)
      throws IOException {
    Checks.checkArgument(frames != null && !frames.isEmpty(), "frames must not be empty");
    return write(file, delayCentis, sink -> frames.forEach(sink));
  }

  /**
   * As {@link #write(List, Path, int)}, with frames encoded as {@code source} produces them: a long
   * episode costs one frame of memory, not one per step.
   */
  public static Path write(Path file, int delayCentis, FrameSource source) throws IOException {
    Checks.checkPositive("delayCentis", delayCentis);
    return AtomicFiles.write(file, stream -> {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
      try (ImageOutputStream out = new MemoryCacheImageOutputStream(stream)) {
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        int[] count = {0};
        try {
          source.play(frame -> {
            try {
              writeFrame(writer, frame, delayCentis, count[0]++ == 0);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        Checks.checkArgument(count[0] > 0, "frames must not be empty");
        writer.endWriteSequence();
      } finally {
        writer.dispose();
      }
    });
  }

  private static void writeFrame(ImageWriter writer, BufferedImage frame, int delayCentis,
      boolean first) throws IOException {
    BufferedImage rgb = toRgb(frame);
    ImageWriteParam param = writer.getDefaultWriteParam();
    IIOMetadata metadata = writer.getDefaultImageMetadata(
        ImageTypeSpecifier.createFromRenderedImage(rgb), param);
    configure(metadata, delayCentis, first);
    writer.writeToSequence(new IIOImage(rgb, null, metadata), param);
  }

  /**
   * Starts a GIF written frame by frame, so that a long run needs no list of frames in memory. The
   * frames go to a temporary file beside {@code file}, which replaces {@code file} only when the
   * sequence is closed with at least one frame: a reader never sees half a GIF.
   */
  public static Sequence open(Path file, int delayCentis) throws IOException {
    Checks.checkPositive("delayCentis", delayCentis);
    Path target = AtomicFiles.checkFile(file, false);
    Path partial = target.resolveSibling("." + target.getFileName() + "."
        + java.util.UUID.randomUUID() + ".part");
    return new Sequence(target, partial, delayCentis);
  }

  /** An animated GIF being written; see {@link #open(Path, int)}. */
  public static final class Sequence implements AutoCloseable {
    private final Path file;
    private final Path partial;
    private final int delayCentis;
    private final ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    private final ImageOutputStream out;
    private int frames;

    private Sequence(Path file, Path partial, int delayCentis) throws IOException {
      this.file = file;
      this.partial = partial;
      this.delayCentis = delayCentis;
      java.nio.file.Files.createFile(partial);   // new: never an existing file
      this.out = ImageIO.createImageOutputStream(partial.toFile());
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
    }

    /** Adds one frame (the size of the first). */
    public void append(BufferedImage frame) throws IOException {
      writeFrame(writer, frame, delayCentis, frames == 0);
      frames++;
    }

    /** The number of frames appended so far. */
    public int frames() {
      return frames;
    }

    /** The file the GIF becomes when closed. */
    public Path file() {
      return file;
    }

    /** Ends the GIF and moves it into place; with no frame, leaves no file. */
    @Override
    public void close() throws IOException {
      try {
        if (frames > 0) {
          writer.endWriteSequence();
        }
      } finally {
        writer.dispose();
        out.close();
      }
      if (frames == 0) {
        java.nio.file.Files.deleteIfExists(partial);
        throw new IllegalArgumentException("frames must not be empty: no frame was appended to "
            + file);
      }
      java.nio.file.Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** The frame in the fixed palette. */
  private static BufferedImage toRgb(BufferedImage frame) {
    int w = frame.getWidth();
    int h = frame.getHeight();
    BufferedImage indexed = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
    byte[] out = ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      frame.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int rgb = row[x];
        out[y * w + x] = NEAREST[((rgb >> 9) & 0x7C00) | ((rgb >> 6) & 0x3E0) | ((rgb >> 3) & 0x1F)];
      }
    }
    return indexed;
  }

  private static IndexColorModel palette() {
    int[] colors = new int[256];
    int n = 0;
    for (int r = 0; r < 6; r++) {
      for (int g = 0; g < 6; g++) {
        for (int b = 0; b < 6; b++) {
          colors[n++] = (r * 51 << 16) | (g * 51 << 8) | b * 51;
        }
      }
    }
    for (int i = 0; i < 24; i++) {
      int v = 8 + i * 10;
      colors[n++] = (v << 16) | (v << 8) | v;
    }
    for (int extra : EXTRA) {
      if (n < 256) {
        colors[n++] = extra;
      }
    }
    byte[] r = new byte[256];
    byte[] g = new byte[256];
    byte[] b = new byte[256];
    for (int i = 0; i < 256; i++) {
      r[i] = (byte) (colors[i] >> 16);
      g[i] = (byte) (colors[i] >> 8);
      b[i] = (byte) colors[i];
    }
    return new IndexColorModel(8, 256, r, g, b);
  }

  /** For each colour with 5 bits per channel, the nearest palette entry (squared RGB distance). */
  private static byte[] nearestTable(IndexColorModel palette) {
    byte[] table = new byte[1 << 15];
    for (int key = 0; key < table.length; key++) {
      int r = ((key >> 10) & 31) * 255 / 31;
      int g = ((key >> 5) & 31) * 255 / 31;
      int b = (key & 31) * 255 / 31;
      int best = 0;
      int bestDistance = Integer.MAX_VALUE;
      for (int i = 0; i < 256; i++) {
        int dr = palette.getRed(i) - r;
        int dg = palette.getGreen(i) - g;
        int db = palette.getBlue(i) - b;
        int d = dr * dr + dg * dg + db * db;
        if (d < bestDistance) {
          bestDistance = d;
          best = i;
        }
      }
      table[key] = (byte) best;
    }
    return table;
  }

  /** The frame delay, and on the first frame the NETSCAPE2.0 extension that makes it loop. */
  private static void configure(IIOMetadata metadata, int delayCentis, boolean first)
      throws IOException {
    String format = metadata.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(delayCentis));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode extensions = child(root, "ApplicationExtensions");
      IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
      loop.setAttribute("applicationID", "NETSCAPE");
      loop.setAttribute("authenticationCode", "2.0");
      loop.setUserObject(new byte[] {1, 0, 0}); // loop forever
      extensions.appendChild(loop);
    }
    metadata.setFromTree(format, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
