package semaine.util;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * An output path that semaine refuses to write: not a regular file (a directory, FIFO, device,
 * socket), a folder that is not a model folder, or a parent folder that does not exist. Nothing was
 * written or deleted. The message names the path and the rule, for example
 * {@code out.gif is a directory: the output must be a regular file or a new name}.
 */
public final class OutputPathException extends FileSystemException {

  private static final long serialVersionUID = 1L;

  private final String rule;

  public OutputPathException(Path path, String rule) {
    super(path.toString(), null, rule);
    this.rule = rule;
  }

  /** What is wrong with the path, without the path. */
  public String rule() {
    return rule;
  }

  @Override
  public String getMessage() {
    return getFile() + " " + rule;
  }
}
