package semaine.util;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import semaine.random.RandomState;

/**
 * What the book's listings print, in Java: the examples under {@code examples/} call
 * {@link #show(String, Object)} where the Python listing calls {@code print}, so that a reader sees
 * {@code coef = [1.4544090131704839]} exactly as NumPy would print the number, and so that
 * {@code semaine example NAME --json} can return the same values as one JSON object.
 *
 * <p>Run directly ({@code java --class-path semaine.jar examples/day2/Regression.java}) a listing
 * prints to standard output with the seed it names. Run by the CLI, the seed may be overridden with
 * {@code --seed} (the system property {@value #SEED_PROPERTY}) and the values are also collected.
 */
public final class Listing {

  /** The system property that overrides the seed a listing passes to {@link #seed(long)}. */
  public static final String SEED_PROPERTY = "semaine.example.seed";

  /** The system property naming the folder {@link #output(String)} writes to. */
  public static final String OUT_PROPERTY = "semaine.example.out";

  private static PrintStream out = System.out;
  private static Map<String, Object> collected;

  private Listing() {}

  /** Prints {@code name = value} (numbers as Python prints them) and records it when collecting. */
  public static synchronized void show(String name, Object value) {
    out.println(name + " = " + format(value));
    if (collected != null) {
      collected.put(name, value);
    }
  }

  /** The listing's seed: {@code defaultSeed}, unless the CLI's {@code --seed} overrides it. */
  public static long seed(long defaultSeed) {
    return seed().orElse(defaultSeed);
  }

  /** The CLI's {@code --seed}, when one was given; empty for a listing the book leaves unseeded. */
  public static OptionalLong seed() {
    String seed = System.getProperty(SEED_PROPERTY);
    return seed == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(seed));
  }

  /**
   * NumPy's global stream for a listing that never calls {@code np.random.seed}: seeded from the
   * system's entropy, so each run differs as the book's does, unless {@code --seed} makes it
   * {@code np.random.seed(seed)} and the run repeatable.
   */
  public static RandomState unseededRandomState() {
    OptionalLong seed = seed();
    return seed.isPresent() ? new RandomState(seed.getAsLong()) : new RandomState();
  }

  /**
   * Where a listing saves a figure or file named {@code fileName}: under the CLI's {@code --out}
   * folder (the system property {@value #OUT_PROPERTY}), by default {@code out/examples}; the folder
   * is created. The path is also shown, as {@code saved = path}.
   */
  public static Path output(String fileName) {
    Path file = path(fileName);
    synchronized (Listing.class) {
      out.println("saved = " + file);
      if (collected != null) {
        @SuppressWarnings("unchecked")
        List<String> saved = (List<String>) collected.computeIfAbsent("saved",
            key -> new ArrayList<String>());
        saved.add(file.toString());
      }
    }
    return file;
  }

  /**
   * Where {@link #output(String)} would put {@code fileName} (the folder is created), without
   * announcing it: for a file that is written only in some runs, which then says so itself.
   */
  public static Path path(String fileName) {
    Path dir = Path.of(System.getProperty(OUT_PROPERTY, "out/examples"));
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new OutputPathException(dir, "is not a directory: --out needs a directory for the"
            + " listing's files (it is created when missing)");
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the output folder " + dir, e);
    }
    return dir.resolve(fileName);
  }

  /**
   * Starts collecting what listings show, printing it to {@code printTo}; returns the map that
   * {@link #show} fills (in the order shown). Used by the example runner around one listing.
   */
  public static synchronized Map<String, Object> collect(PrintStream printTo) {
    out = printTo;
    collected = new LinkedHashMap<>();
    return collected;
  }

  /** Stops collecting; {@link #show} prints to standard output again. */
  public static synchronized void stopCollecting() {
    out = System.out;
    collected = null;
  }

  /** A value as Python prints it: floats by {@link Repr}, arrays and lists as JSON-like lists. */
  static String format(Object value) {
    return switch (value) {
      case Double d -> Repr.of(d);
      case Float f -> Repr.of(f);
      case String s -> s;
      case null -> "None";
      default -> Json.write(value);
    };
  }
}
