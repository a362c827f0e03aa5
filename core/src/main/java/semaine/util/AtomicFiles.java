package semaine.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes every file and folder semaine produces: into a temporary sibling in the same directory,
 * then renamed into place with one atomic {@code rename}, so that a reader (or a crash, or a kill)
 * sees either the old content or the new one, never a mix or a truncated file.
 *
 * <p>The rules, the same for every output of the project:
 * <ul>
 *   <li>A target that exists must be a regular file (a symbolic link to one is followed, the link is
 *       kept); a directory, FIFO, device or socket, or a path on {@code /proc} or {@code /sys}, is
 *       refused with an {@link OutputPathException} naming the path and the rule.
 *   <li>Nothing is deleted first: the old file stays whole until the new one replaces it.
 *   <li>Missing parent folders are created only when the caller says so ({@code createParents}),
 *       which the CLI does only where its README promises a folder ({@code tour --out DIR}).
 *   <li>On any failure the temporary file is removed; a JVM stopped by SIGTERM or Ctrl-C removes it
 *       in a shutdown hook. After SIGKILL a hidden {@code .NAME.*.tmp} may remain beside the target,
 *       which is untouched.
 * </ul>
 * A model folder is written the same way, whole, into a temporary sibling folder that is then
 * swapped in ({@link #writeFolder}); the old folder is removed only once the new one is in place.
 */
public final class AtomicFiles {

  /** Writes a file's content to {@code out} (buffered; closed by {@link AtomicFiles}). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Fills a new, empty {@code folder} with files. */
  @FunctionalInterface
  public interface FolderContent {
    void writeTo(Path folder) throws IOException;
  }

  /** File systems that hold kernel state, not user files: writing there is never an output. */
  private static final Set<String> SYSTEM_FILE_SYSTEMS =
      Set.of("proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "debugfs", "tracefs",
          "securityfs", "configfs");

  /** Temporary files and folders being written, removed by the shutdown hook if the JVM stops. */
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(AtomicFiles::delete),
        "semaine-temporary-files"));
  }

  private AtomicFiles() {}

  /** {@link #write(Path, boolean, Content)} without creating parent folders. */
  public static Path write(Path target, Content content) throws IOException {
    return write(target, false, content);
  }

  /** Writes {@code text} as UTF-8 to {@code target}, atomically; parent folders must exist. */
  public static Path writeString(Path target, String text) throws IOException {
    return write(target, false, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Writes {@code target} atomically: {@code content} goes to a temporary sibling, which is flushed
   * to disk and renamed over {@code target}. An existing regular file keeps its permissions.
   *
   * @return the file written ({@code target}, or the file its symbolic link points to)
   * @throws OutputPathException if {@code target} is not a regular file or its folder is missing
   */
  public static Path write(Path target, boolean createParents, Content content)
      throws IOException {
    Path file = checkFile(target, createParents);
    Path temp = temporarySibling(file, ".tmp");
    return inTemporary(temp, () -> {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      keepPermissions(file, temp);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      return file;
    });
  }

  /**
   * Checks that {@code target} may be written as a file, without writing it: commands call this
   * before long work so that a bad path fails at once.
   *
   * @return the absolute file to write (a symbolic link to a regular file is resolved)
   * @throws OutputPathException naming the path and the rule it breaks
   */
  public static Path checkFile(Path target, boolean createParents) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isSymbolicLink(file)) {
        if (!Files.exists(file)) {
          throw new OutputPathException(target, "is a symbolic link to nothing: the output must be"
              + " a regular file or a new name");
        }
        file = file.toRealPath();
      }
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        throw new OutputPathException(target, "is a directory: the output must be a regular file"
            + " or a new name");
      }
      if (!attributes.isRegularFile()) {
        throw new OutputPathException(target, "is not a regular file (a FIFO, device or socket):"
            + " the output must be a regular file or a new name");
      }
    }
    checkParent(target, file.getParent(), createParents);
    return file;
  }

  /**
   * Checks that {@code target} may be written as a folder by {@link #writeFolder}: it is absent, or
   * a folder, and its parent exists.
   *
   * @return the absolute folder to write
   */
  public static Path checkFolder(Path target) throws IOException {
    Path folder = target.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(folder) && Files.isDirectory(folder)) {
      folder = folder.toRealPath();
    }
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
      throw new OutputPathException(target, "is not a directory: the output must be a folder or a"
          + " new name");
    }
    checkParent(target, folder.getParent(), false);
    return folder;
  }

  /** True when {@code folder} is absent or an empty directory. */
  public static boolean isAbsentOrEmpty(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return !Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /**
   * Writes the folder {@code target} whole: {@code content} fills a temporary sibling folder, which
   * then takes the place of {@code target}. An existing {@code target} is moved aside, replaced, and
   * removed only after the new folder is in place; if {@code content} fails, {@code target} is
   * untouched. Whether an existing folder may be replaced is the caller's rule (see the CLI's
   * {@code --force}).
   *
   * @return the folder written
   */
  public static Path writeFolder(Path target, FolderContent content) throws IOException {
    Path folder = checkFolder(target);
    Path temp = temporarySibling(folder, ".tmp");
    return inTemporary(temp, () -> {
      Files.createDirectory(temp);
      content.writeTo(temp);
      if (isAbsentOrEmpty(folder)) {
        Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
      } else {
        swap(folder, temp);
      }
      return folder;
    });
  }

  /** Work that fills and renames a temporary file or folder. */
  @FunctionalInterface
  private interface Work {
    Path run() throws IOException;
  }

  /**
   * Runs {@code work} with {@code temp} registered for the shutdown hook; on any failure the
   * temporary file or folder is removed before the failure propagates.
   */
  private static Path inTemporary(Path temp, Work work) throws IOException {
    PENDING.add(temp);
    try {
      return work.run();
    } catch (IOException | RuntimeException | Error e) {
      delete(temp);
      throw e;
    } finally {
      PENDING.remove(temp);
    }
  }

  /** Moves {@code folder} aside, {@code replacement} into its place, then removes the old one. */
  private static void swap(Path folder, Path replacement) throws IOException {
    Path old = temporarySibling(folder, ".old");
    Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
    PENDING.add(old);
    try {
      Files.move(replacement, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.move(old, folder, StandardCopyOption.ATOMIC_MOVE);
      PENDING.remove(old);
      throw e;
    }
    delete(old);
    PENDING.remove(old);
  }

  private static void checkParent(Path target, Path parent, boolean createParents)
      throws IOException {
    if (parent == null) {
      throw new OutputPathException(target, "has no parent folder: the output must be a file"
          + " inside a folder");
    }
    if (!Files.isDirectory(parent)) {
      if (Files.exists(parent)) {
        throw new OutputPathException(target, "cannot be written: " + parent
            + " is not a directory");
      }
      if (!createParents) {
        throw new OutputPathException(target, "cannot be written: the folder " + parent
            + " does not exist (semaine creates no folder for this output; create it first)");
      }
      Files.createDirectories(parent);
    }
    String type = Files.getFileStore(parent).type();
    if (SYSTEM_FILE_SYSTEMS.contains(type)) {
      throw new OutputPathException(target, "is on a " + type + " file system, which holds system"
          + " state, not files: the output must be a regular file");
    }
  }

  /** A new hidden name beside {@code path}: {@code .NAME.<random>SUFFIX}. */
  private static Path temporarySibling(Path path, String suffix) {
    String name = path.getFileName().toString();
    if (name.length() > 200) {
      name = name.substring(0, 200); // leaves room within the usual 255-byte name limit
    }
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    return path.resolveSibling("." + name + "." + HexFormat.of().formatHex(random) + suffix);
  }

  /** The old file's owner-group-others permissions on the new file, when the file system has them. */
  private static void keepPermissions(Path file, Path temp) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    PosixFileAttributeView from = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
    if (from != null && to != null) {
      to.setPermissions(from.readAttributes().permissions());
    }
  }

  /** Removes a temporary file or folder (and what it holds); failures are ignored. */
  private static void delete(Path path) {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException ignored) {
      // Best effort: a temporary name left behind never hides or damages the target.
    }
  }
}
