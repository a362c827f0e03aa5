package semaine.cli.tour;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import semaine.util.AtomicFiles;

/**
 * What a section may use while it runs: the output directory and the log.
 *
 * @param outDir where {@code index.html} goes; figures go to {@code outDir/figures}
 * @param log stderr, for progress lines (never stdout, which carries the command's result)
 */
public record TourContext(Path outDir, PrintWriter log) {

  public TourContext {
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(log, "log");
  }

  /**
   * The path where a section saves the figure {@code fileName} (e.g. {@code day1-blobs.png}); the
   * directory exists on return. List the path in {@link SectionResult#figures()} to show it.
   */
  public Path figure(String fileName) throws IOException {
    Path dir = Files.createDirectories(outDir.resolve("figures"));
    Path file = dir.resolve(fileName).normalize();
    if (!file.getParent().equals(dir.normalize())) {
      throw new IllegalArgumentException("figure name (" + fileName + ") must be a plain file name");
    }
    return file;
  }

  /** Writes {@code image} as the PNG figure {@code fileName}, atomically; returns its path. */
  public Path savePng(BufferedImage image, String fileName) throws IOException {
    return AtomicFiles.write(figure(fileName), out -> ImageIO.write(image, "png", out));
  }

  /** Writes one progress line on the log. */
  public void log(String line) {
    log.println("      " + line);
    log.flush();
  }
}
