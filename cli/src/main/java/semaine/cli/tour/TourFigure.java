package semaine.cli.tour;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A figure a section shows: the image file (under {@link TourContext#figure(String)}) and the
 * caption printed under it.
 *
 * @param path the image file
 * @param caption one or two sentences saying what the picture shows ("" for the file name)
 */
public record TourFigure(Path path, String caption) {

  public TourFigure {
    Objects.requireNonNull(path, "path");
    caption = caption == null || caption.isBlank() ? path.getFileName().toString() : caption;
  }
}
