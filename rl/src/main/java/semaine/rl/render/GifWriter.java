package semaine.rl.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import semaine.util.Checks;

/**
 * Writes frames as an animated GIF that loops forever, with the JDK's own GIF encoder (no
 * dependency). Each frame is shown {@code delay} hundredths of a second; 2 is Gymnasium's 50 fps.
 */
public final class GifWriter {

  private GifWriter() {}

  /** Writes {@code frames} (all the same size) to {@code file}, one every {@code delayCentis}/100 s. */
  public static Path write(List<BufferedImage> frames, Path file, int delayCentis)
      throws IOException {
    Checks.checkArgument(frames != null && !frames.isEmpty(), "frames must not be empty");
    Checks.checkPositive("delayCentis", delayCentis);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.deleteIfExists(file);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      boolean first = true;
      for (BufferedImage frame : frames) {
        BufferedImage rgb = toRgb(frame);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(
            ImageTypeSpecifier.createFromRenderedImage(rgb), param);
        configure(metadata, delayCentis, first);
        writer.writeToSequence(new IIOImage(rgb, null, metadata), param);
        first = false;
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return file;
  }

  private static BufferedImage toRgb(BufferedImage frame) {
    if (frame.getType() == BufferedImage.TYPE_INT_RGB) {
      return frame;
    }
    BufferedImage rgb = new BufferedImage(frame.getWidth(), frame.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(frame, 0, 0, null);
    return rgb;
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
