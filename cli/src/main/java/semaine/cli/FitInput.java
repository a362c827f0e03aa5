package semaine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.base.Estimator;
import semaine.data.Csv;
import semaine.data.CsvFormatException;
import semaine.data.CsvReader;
import semaine.data.CsvTable;
import semaine.data.Dataset;
import semaine.data.Float32Dataset;

/**
 * What every fitting command ({@code regress}, {@code classify}, {@code cluster}, {@code outliers},
 * {@code nn train}) reads, mixed in with {@code @Mixin FitInput input}: the CSV file, the target
 * and dropped columns, the seed and the {@code --param NAME=VALUE} settings of the model.
 *
 * <p>The data come from {@link CsvTable#toDataset} and its siblings, one path for every command;
 * a column named in {@code --target} or {@code --drop} that the file lacks, or a field that is
 * not a number, is a usage error naming the option or the line. A model is set up by
 * {@link #configure}: {@code --seed} as its {@code random_state}, then the command's shorthand
 * options, then each {@code --param}, and every parameter checked at once with the library's
 * rules, before any data is read.
 */
public final class FitInput {

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header row.")
  Path file;

  @Option(names = "--target", paramLabel = "COLUMN",
      description = "The column to predict (cluster, outliers: a label column to leave out).")
  String target;

  @Option(names = "--drop", split = ",", paramLabel = "A,B",
      description = "Columns to leave out of the features.")
  List<String> drop = new ArrayList<>();

  @Option(names = "--seed", converter = Options.Seed.class, paramLabel = "S",
      description = "The model's random_state, in [0, 4294967295] (default: the model's own; "
          + "ignored by models that draw no random numbers).")
  Long seed;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "Set a parameter of the model by its scikit-learn name, after the other "
          + "options (repeatable): --param n_neighbors=3.")
  List<String> params = new ArrayList<>();

  @Option(names = "--save", paramLabel = "FILE.semaine",
      description = "Save the fitted model to this file (semaine predict and inspect read it).")
  Path save;

  private CsvTable table;
  private List<String> columns; // the file's header, kept when the table is let go
  private MemoryEstimate estimate;
  private boolean float32; // --dtype float32: feature columns read as float32

  /** A shorthand option, the parameter it sets and its value (null when it was not given). */
  public record Shorthand(String option, String param, Object value) {}

  /**
   * Reads the feature columns as float32 from now on (--dtype float32, see {@link Dtype}): the
   * target stays float64.
   */
  public void float32(boolean float32) {
    this.float32 = float32;
  }

  /** The CSV file. */
  public Path file() {
    return file;
  }

  /**
   * The target column.
   *
   * @throws UsageException when {@code --target} was not given
   */
  public String target() {
    if (target == null) {
      throw new UsageException("--target COLUMN is required: the column to predict");
    }
    return target;
  }

  /** True when {@code --target} was given. */
  public boolean hasTarget() {
    return target != null;
  }

  /** True when a {@code --param} sets the parameter {@code name}. */
  public boolean setsParam(String name) {
    return params.stream().anyMatch(p -> p.strip().startsWith(name + "="));
  }

  /** The {@code --drop} columns. */
  public Set<String> dropped() {
    return new LinkedHashSet<>(drop);
  }

  /** The file, read once; {@code --target} and {@code --drop} name columns of it. */
  public CsvTable table() {
    return table(false);
  }

  /**
   * The file, read once, keeping the target's text when {@code classes} (class names as written,
   * even when they are numbers).
   */
  private CsvTable table(boolean classes) {
    if (table == null) {
      streams(false, false, "this command keeps every row in memory");
      table = usage(() -> read(file, classes && target != null ? Set.of(target) : Set.of()));
      requireColumns(table.header());
      columns = table.header();
    }
    return table;
  }

  /** The header of the file, read without the rows. */
  public List<String> header() {
    return usage(() -> CsvReader.header(file));
  }

  /** How much memory reading the file would take, against what this JVM may use (estimated once). */
  private MemoryEstimate memoryEstimate() {
    if (estimate == null) {
      estimate = usage(() -> MemoryEstimate.of(file));
    }
    return estimate;
  }

  /**
   * Whether the model is fitted block by block: when {@code --stream} asked for it
   * ({@code asked}) or the file's rows would not fit in memory, and the model can
   * ({@code canStream}).
   *
   * @throws UsageException when it should but the model cannot: for {@code --stream}, naming the
   *     option; otherwise with the file's size, the memory it would take and the JVM's limit.
   *     {@code keeps} says why ("knn keeps every row in memory (ols fits block by block)")
   */
  public boolean streams(boolean asked, boolean canStream, String keeps) {
    if (!asked && memoryEstimate().fits()) {
      return false;
    }
    if (canStream) {
      return true;
    }
    throw new UsageException(asked ? "--stream: " + keeps : memoryEstimate().refusal(file, keeps,
        "fit on a sample of the rows, give the JVM more memory (SEMAINE_JAVA_OPTS=-Xmx...), or"
            + " run it on a Spark cluster with the spark module (README: Beyond one machine)"));
  }

  /**
   * Features and a numeric or class-name target, as {@link CsvTable#toDataset(String, Set)}: the
   * arrays themselves ({@link CsvTable#toSamples}), which the fit may read without a copy.
   */
  public CsvTable.Samples dataset() {
    CsvTable.Samples data = usage(() -> table().toSamples(target(), dropped()));
    table = null; // its columns are copied into the samples: let them go (read again if asked)
    return data;
  }

  /** Features and class ids, as {@link CsvTable#toClassDataset}: numbers are class names too. */
  public CsvTable.Samples classDataset() {
    return usage(() -> table(true).toClassSamples(target(), dropped()));
  }

  /**
   * The feature columns that hold text (category names), as {@link CsvTable#textColumns}; the
   * file is read keeping the target's text when {@code classes} (as {@link #classDataset}).
   */
  public List<String> textFeatures(boolean classes) {
    return usage(() -> table(classes).textColumns(target(), dropped()));
  }

  /** The features as fields, text for the encoders, as {@link CsvTable#toFields(String, Set)}. */
  public CsvTable.Fields fields() {
    return usage(() -> table(true).toFields(target(), dropped()));
  }

  /** The target as class ids and names, as {@link CsvTable#toClasses}. */
  public CsvTable.Classes classes() {
    return usage(() -> table(true).toClasses(target()));
  }

  /**
   * The rows of another file as fields, for a model fitted on {@code featureNames} as
   * {@link #fields()} gives them (see {@link CsvTable#toFields(List, String, Set)}).
   */
  public String[][] fields(CsvTable queries, List<String> featureNames) {
    return usage(() -> queries.toFields(featureNames, target, dropped()));
  }

  /** Every column but {@code --drop} and {@code --target} as a feature (unsupervised commands). */
  public double[][] features() {
    Set<String> excluded = dropped();
    if (target != null) {
      excluded.add(target);
    }
    return usage(() -> table().toMatrix(excluded));
  }

  /**
   * The rows of another file to give the model fitted on {@code featureNames}, as
   * {@link CsvTable#toSamples}: the target and {@code --drop} columns may be there or not.
   */
  public double[][] samples(CsvTable queries, List<String> featureNames) {
    return usage(() -> queries.toSamples(featureNames, target, dropped()));
  }

  /**
   * Another file of the same columns (queries with or without the target), keeping the target's
   * text for {@link #targetFields}.
   */
  public CsvTable queries(Path path) {
    return usage(() -> read(path, target != null ? Set.of(target) : Set.of()));
  }

  /**
   * A file read as float64, its features (the columns but --target and --drop) straight into the
   * rows given to the model, or with {@code --dtype float32} its columns but the target as float32.
   */
  private CsvTable read(Path path, Set<String> keepText) {
    Set<String> notFeatures = dropped();
    if (target != null) {
      notFeatures.add(target);
    }
    return float32 ? Csv.readFloat32(path, keepText, target != null ? Set.of(target) : Set.of())
        : Csv.readFeatures(path, keepText, notFeatures);
  }

  /**
   * Float32 features and the target ({@code --dtype float32}), as {@link #dataset()} or, when
   * {@code classes}, {@link #classDataset()}: no float64 matrix is built.
   */
  public Float32Dataset float32Dataset(boolean classes) {
    Float32Dataset data = usage(() -> table(classes).toFloat32Dataset(target(), dropped(),
        classes));
    if (!classes) {
      table = null; // as dataset(): let the columns go (read again if asked)
    }
    return data;
  }

  /**
   * {@link #features()} as float32 ({@code --dtype float32}); the table is let go as the rows are
   * made (read again if asked), so that the fit holds the float32 rows alone.
   */
  public float[][] float32Features() {
    Set<String> excluded = dropped();
    if (target != null) {
      excluded.add(target);
    }
    CsvTable read = table();
    table = null;
    return usage(() -> read.takeFloat32Matrix(excluded));
  }

  /** {@link #samples} as float32 ({@code --dtype float32}). */
  public float[][] float32Samples(CsvTable queries, List<String> featureNames) {
    return usage(() -> queries.toFloat32Samples(featureNames, target, dropped()));
  }

  /** The target column of another file as written, or null when it has none. */
  public List<String> targetFields(CsvTable queries) {
    return queries.header().contains(target()) ? queries.column(target) : null;
  }

  /** The target column of another file as numbers, or null when it has none. */
  public double[] targetValues(CsvTable queries) {
    return queries.header().contains(target()) ? usage(() -> queries.toVector(target)) : null;
  }

  /**
   * Checks that an integer parameter (n_neighbors, n_clusters) is at most the number of samples,
   * naming the shorthand option if it was the one used.
   *
   * @throws UsageException "--k (51) must be <= the number of samples (50) in data.csv"
   */
  public void requireAtMostSamples(Estimator model, Shorthand shorthand, int samples) {
    if (model.paramNames().contains(shorthand.param())
        && model.getParam(shorthand.param()) instanceof Integer value && value > samples) {
      String name = shorthand.value() != null ? shorthand.option() : shorthand.param();
      throw new UsageException(name + " (" + value + ") must be <= the number of samples ("
          + samples + ") in " + file);
    }
  }

  /**
   * The names of the feature columns: every column but {@code --drop} and {@code --target}, in
   * file order (the unsupervised commands' features).
   */
  public List<String> featureNames() {
    Set<String> excluded = dropped();
    if (target != null) {
      excluded.add(target);
    }
    List<String> names = columns != null ? columns : table().header();
    return names.stream().filter(c -> !excluded.contains(c)).toList();
  }

  /**
   * With {@code --save FILE}, writes the fitted model there, with the names of its feature columns
   * and classes as the file has them (see {@link semaine.base.Models}); nothing without it.
   */
  public void save(Estimator model, List<String> featureNames, List<String> classNames) {
    if (save != null) {
      usage(() -> {
        semaine.base.Models.save(model, save, featureNames, classNames);
        return null;
      });
    }
  }

  /**
   * Refuses {@code --save} for a fit whose model alone would not reproduce the command's answers
   * (the command transformed the data first).
   */
  public void refuseSave(String why) {
    if (save != null) {
      throw new UsageException("--save is not available " + why);
    }
  }

  /** A CSV file; a format error ({@link CsvFormatException}) is a usage error. */
  public static CsvTable read(Path path) {
    return usage(() -> Csv.read(path));
  }

  /**
   * Sets the model's parameters: {@code --seed} as {@code random_state} (if it has one), then the
   * shorthands that were given, then each {@code --param}; then checks them all, as {@code fit}
   * would, so that a bad value fails before the data is read.
   *
   * @return the model
   * @throws UsageException naming the parameter, the value and the rule; for an unknown name,
   *     listing the model's parameters
   */
  public <E extends Estimator> E configure(E model, Shorthand... shorthands) {
    if (seed != null && model.paramNames().contains("random_state")) {
      set(model, "random_state", seed);
    }
    for (Shorthand s : shorthands) {
      if (s.value() == null) {
        continue;
      }
      if (!model.paramNames().contains(s.param())) {
        throw new UsageException(s.option() + " sets " + s.param() + ", which "
            + model.getClass().getSimpleName() + " does not have");
      }
      set(model, s.param(), s.value());
    }
    for (String setting : params) {
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--param (" + setting + ") must be NAME=VALUE, as n_neighbors=3");
      }
      set(model, setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
    }
    usage(() -> {
      model.validateParams();
      return null;
    });
    return model;
  }

  /**
   * Runs a fit (or anything else that takes the user's data and parameters): a rule they break is
   * reported as a usage error with the library's message.
   */
  public static <T> T fit(Supplier<T> fit) {
    return usage(fit);
  }

  private static void set(Estimator model, String name, Object value) {
    usage(() -> model.setParam(name, value));
  }

  /** Checks that the file's {@code header} has the {@code --target} and {@code --drop} columns. */
  public void requireColumns(List<String> header) {
    if (target != null) {
      requireColumn(header, "--target", target);
    }
    drop.forEach(column -> requireColumn(header, "--drop", column));
  }

  private void requireColumn(List<String> header, String option, String column) {
    if (!header.contains(column)) {
      throw new UsageException(option + " '" + column + "': no column named '" + column + "' in "
          + file + "; columns are " + String.join(", ", header));
    }
  }

  private static <T> T usage(Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() != null ? e.getMessage() : e.toString());
    }
  }
}
