package semaine.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.data.Csv;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.data.LabeledSamples;
import semaine.data.MakeBlobs;
import semaine.data.MakeMoons;
import semaine.random.RandomState;
import semaine.util.AtomicFiles;

/**
 * {@code semaine datasets}: the book's datasets, generated ({@code blobs}, {@code moons}) or loaded
 * ({@code load NAME}).
 *
 * <p>Each dataset command is a nested class here, listed in {@code subcommands}. It prints the data
 * as CSV on stdout (columns {@code x0, x1, ..., y} for generated data, the feature names and
 * {@code target} for bundled data), or writes it to {@code --out FILE} and prints a one-line summary;
 * with {@code --json} it prints {@code X}, {@code y} and, for bundled data, {@code feature_names} and
 * {@code target_names}. Without a subcommand, {@code datasets} lists what exists.
 */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Generate or load the book's datasets (list them when no subcommand is given).",
    subcommands = {DatasetsCommand.Blobs.class, DatasetsCommand.Moons.class,
        DatasetsCommand.Load.class})
public final class DatasetsCommand extends ResultCommand {

  /** Generators, as in {@code sklearn.datasets.make_*}. */
  static final List<String> GENERATORS = List.of("blobs", "moons");

  /** Bundled datasets, as in {@code sklearn.datasets.load_*}. */
  static final List<String> LOADERS = Datasets.NAMES;

  @Override
  protected Result compute() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("generators", GENERATORS);
    json.put("loaders", LOADERS);
    return new Result(json, out -> {
      out.println("Generated:  " + String.join(", ", GENERATORS)
          + "   (semaine datasets blobs|moons --samples N --seed S)");
      out.println("Bundled:    " + String.join(", ", LOADERS)
          + "   (semaine datasets load NAME)");
    });
  }

  /** {@code semaine datasets blobs}: scikit-learn's {@code make_blobs}, the same numbers. */
  @Command(name = "blobs", mixinStandardHelpOptions = true,
      description = "Isotropic Gaussian blobs: make_blobs(n_samples, centers, n_features, "
          + "cluster_std, random_state), the same numbers as scikit-learn.")
  static final class Blobs extends ResultCommand {
    @Option(names = "--samples", converter = Options.PositiveInt.class, defaultValue = "100",
        description = "n_samples: total number of points (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--centers", converter = Options.PositiveInt.class, defaultValue = "3",
        description = "centers: number of blobs (default: ${DEFAULT-VALUE}).")
    int centers;

    @Option(names = "--features", converter = Options.PositiveInt.class, defaultValue = "2",
        description = "n_features (default: ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--std", converter = Options.NonNegativeDouble.class, defaultValue = "1.0",
        description = "cluster_std (default: ${DEFAULT-VALUE}).")
    double std;

    @Mixin
    GeneratorOptions generator;

    @Override
    protected Result compute() throws IOException {
      checkFits(samples, features, json());
      MakeBlobs blobs = Datasets.makeBlobs().nSamples(samples).centers(centers).nFeatures(features)
          .clusterStd(std).randomState(generator.randomState());
      semaine.data.Blobs data = blobs.generate();
      return generated(data.X(), data.y(), generator.out);
    }
  }

  /** {@code semaine datasets moons}: scikit-learn's {@code make_moons}. */
  @Command(name = "moons", mixinStandardHelpOptions = true,
      description = "Two interleaving half circles: make_moons(n_samples, noise, random_state).")
  static final class Moons extends ResultCommand {
    @Option(names = "--samples", converter = Options.PositiveInt.class, defaultValue = "100",
        description = "n_samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--noise", converter = Options.NonNegativeDouble.class, defaultValue = "0.0",
        description = "noise: standard deviation of the Gaussian noise (default: ${DEFAULT-VALUE}).")
    double noise;

    @Mixin
    GeneratorOptions generator;

    @Override
    protected Result compute() throws IOException {
      checkFits(samples, 2, json());
      MakeMoons moons = Datasets.makeMoons().nSamples(samples).noise(noise)
          .randomState(generator.randomState());
      LabeledSamples data = moons.generate();
      return generated(data.X(), data.y(), generator.out);
    }
  }

  /**
   * {@code semaine datasets load NAME}: a bundled dataset, as scikit-learn's {@code load_NAME}, or a
   * CSV file of the reader's own (a NAME ending in {@code .csv}), read as the model commands read it.
   */
  @Command(name = "load", mixinStandardHelpOptions = true,
      description = "A bundled dataset, as scikit-learn's load_NAME(): iris, wine, breast_cancer, "
          + "digits, diabetes; or a CSV file (NAME ending in .csv, with --target).")
  static final class Load extends ResultCommand {
    @Parameters(index = "0", paramLabel = "NAME",
        description = "iris, wine, breast_cancer, digits, diabetes, or FILE.csv.")
    String name;

    @Option(names = "--target", paramLabel = "COLUMN",
        description = "For a CSV file: the target column (numbers or class names).")
    String target;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV to FILE.")
    Path out;

    @Override
    protected Result compute() throws IOException {
      Dataset data;
      if (name.endsWith(".csv")) {
        if (target == null) {
          throw new UsageException("--target is required to load a CSV file: name its label column");
        }
        data = Csv.read(Path.of(name)).toDataset(target);
      } else if (Datasets.NAMES.contains(name)) {
        data = Datasets.load(name);
      } else {
        throw new UsageException("unknown dataset '" + name + "': expected one of "
            + String.join(", ", Datasets.NAMES) + ", or a file ending in .csv");
      }
      String csv = Csv.format(data, "target");
      if (out != null) {
        write(out, csv);
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", name);
      json.put("n_samples", data.nSamples());
      json.put("n_features", data.nFeatures());
      json.put("feature_names", data.featureNames());
      json.put("target_names", data.targetNames());
      json.put("X", data.X());
      json.put("y", data.targetNames().isEmpty() ? data.y() : data.labels());
      if (out != null) {
        json.put("out", out.toString());
      }
      return new Result(json, text -> text.print(out == null ? csv
          : "wrote " + name + " (" + data.nSamples() + " samples, " + data.nFeatures()
              + " features) to " + out + System.lineSeparator()));
    }
  }

  /** The options every generator takes: {@code --seed} and {@code --out}. */
  static final class GeneratorOptions {
    @Option(names = "--seed", converter = Options.Seed.class,
        description = "random_state, in [0, 4294967295] (default: random).")
    Long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV to FILE.")
    Path out;

    /** A stream seeded as asked, or from system entropy when no seed is given (as NumPy does). */
    RandomState randomState() {
      return seed == null ? new RandomState() : new RandomState(seed);
    }
  }

  /**
   * Refuses, before generating, more samples than the output can hold: the samples must fit in
   * the heap; as JSON, their text too, and it is one Java string (at most 2^31 - 1 characters, up
   * to 25 per number), which more heap cannot lift (CSV text is written row by row instead). The
   * message says which limit it is.
   */
  static void checkFits(int samples, int features, boolean json) {
    long charsPerSample = 25L * (features + 1);
    long byText = json ? Integer.MAX_VALUE / charsPerSample : Long.MAX_VALUE;
    long bytesPerSample = 16 + 8L * features + 8 + 4 + (json ? 3 * charsPerSample : 0);
    long heap = Runtime.getRuntime().maxMemory();
    long byHeap = heap / bytesPerSample;
    if (samples <= Math.min(byText, byHeap)) {
      return;
    }
    String prefix = "--samples (" + samples + ") is too large: ";
    if (samples > byText) {
      throw new UsageException(prefix + "the maximum is " + byText + " for " + features
          + " features with --json (the JSON text is one Java string of at most 2^31 - 1"
          + " characters); without --json the CSV is written row by row");
    }
    throw new UsageException(prefix + "the maximum is " + byHeap + " for " + features
        + " features in this Java heap of " + (heap >> 20) + " MB; more fit with more heap"
        + " (SEMAINE_JAVA_OPTS=-Xmx" + (((long) samples * bytesPerSample >> 30) + 1) + "g)");
  }

  /**
   * The result of a generator: columns x0..x(d-1) and y, as CSV text or a file (both written row
   * by row) or JSON.
   */
  private static Result generated(double[][] X, int[] y, Path out) throws IOException {
    String[] header = new String[X[0].length];
    for (int j = 0; j < header.length; j++) {
      header[j] = "x" + j;
    }
    if (out != null) {
      AtomicFiles.write(out, true, stream -> {
        Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8),
            1 << 16);
        Csv.print(writer, header, X, "y", y);
        writer.flush();
      });
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("X", X);
    json.put("y", y);
    if (out != null) {
      json.put("out", out.toString());
    }
    return new Result(json, text -> {
      if (out != null) {
        text.println("wrote " + X.length + " samples (" + X[0].length + " features) to " + out);
        return;
      }
      try {
        Csv.print(text, header, X, "y", y);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void write(Path out, String csv) throws IOException {
    AtomicFiles.write(out, true, stream -> stream.write(csv.getBytes(StandardCharsets.UTF_8)));
  }
}
