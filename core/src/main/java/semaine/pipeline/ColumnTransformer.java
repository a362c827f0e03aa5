package semaine.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.Estimator;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.preprocessing.OneHotEncoder;
import semaine.preprocessing.OrdinalEncoder;
import semaine.util.Checks;

/**
 * Applies a transformer to each group of columns and puts the outputs side by side, as
 * scikit-learn 1.9's {@code ColumnTransformer}: entry k's transformer is fitted on its columns
 * only, the outputs follow in entry order, and the columns no entry names are dropped or appended
 * as they are ({@code remainder}). Each transformer's parameters are the column transformer's, as
 * {@code name__param}.
 *
 * <p>Columns are named by index, or by name when the data comes with its column names
 * ({@link #fit(double[][], List)}, {@link #fit(String[][], List)}). Text samples
 * ({@code String[][]}, a CSV's fields as written) give each {@link OneHotEncoder} and
 * {@link OrdinalEncoder} its columns as text and every other transformer its columns read as
 * numbers, which is how a CSV with category columns reaches the models; numeric samples
 * ({@code double[][]}) make it a {@link Transformer} like any other pipeline step.
 *
 * <p>{@link #getFeatureNamesOut()} gives scikit-learn's names: {@code name__feature} (with
 * {@code verbose_feature_names_out}), the encoders' {@code feature_category}, the remainder's
 * {@code remainder__column}.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var prep = ColumnTransformer.of(ColumnGroup.of("num", new StandardScaler(), "age", "income"),
 *     ColumnGroup.of("cat", new OneHotEncoder(), "city")).remainder("passthrough");
 * double[][] Z = prep.fitTransform(fields, header);
 * }</pre>
 *
 * <p>Differences from scikit-learn 1.9: no "drop" or "passthrough" entries (leave the columns out,
 * or use {@code FunctionTransformer()}), no callable or boolean-mask column selectors, no
 * {@code sparse_threshold}, {@code n_jobs} or {@code transformer_weights}; output names other than
 * the encoders' and one-to-one transformers' are {@code classname0, classname1...}.
 */
public final class ColumnTransformer extends BaseEstimator<ColumnTransformer>
    implements Transformer {

  static final Param<List<?>> TRANSFORMERS = Param.of("transformers", List.of(),
      Rule.instanceOf(List.class, "a list of (name, transformer, columns)"));
  static final Param<String> REMAINDER = Param.of("remainder", "drop",
      Rule.options("drop", "passthrough"));
  static final Param<Boolean> VERBOSE_FEATURE_NAMES_OUT = Param.of("verbose_feature_names_out",
      true, Rule.bool());
  private static final EstimatorSpec<ColumnTransformer> SPEC = EstimatorSpec.of(
      "sklearn.compose.ColumnTransformer", ColumnTransformer::new, Fitted.class, TRANSFORMERS,
      REMAINDER, VERBOSE_FEATURE_NAMES_OUT);

  /**
   * The fitted transformers, their names, their columns (indices, entry k's ending at
   * {@code groupEnd[k]}), the remainder's columns, and the data's column names when given.
   */
  private record Fitted(@Attribute("transformers_") Estimator[] transformers,
      @Attribute("_names") List<String> names, @Attribute("_columns") int[] columns,
      @Attribute("_group_end") int[] groupEnd, @Nullable @Attribute("_remainder") int[] remainder,
      @Nullable List<String> featureNamesIn, int nFeaturesIn, @Attribute("_text") boolean text,
      @Nullable @Attribute("_widths") int[] widths) {}

  /** A column transformer without entries (for model files; use {@link #of}). */
  public ColumnTransformer() {
    super(SPEC);
  }

  /** The column transformer of these entries, in order. */
  public static ColumnTransformer of(ColumnGroup... transformers) {
    return new ColumnTransformer().set(TRANSFORMERS, List.of(transformers));
  }

  /** "drop" or "passthrough": what happens to the columns no entry names ({@code remainder}). */
  public ColumnTransformer remainder(String remainder) {
    return set(REMAINDER, remainder);
  }

  /** Whether output names carry their entry's name ({@code verbose_feature_names_out}). */
  public ColumnTransformer verboseFeatureNamesOut(boolean verbose) {
    return set(VERBOSE_FEATURE_NAMES_OUT, verbose);
  }

  /** The entries ({@code transformers}). */
  public List<ColumnGroup> transformers() {
    List<?> raw = get(TRANSFORMERS);
    List<ColumnGroup> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      if (!(raw.get(i) instanceof ColumnGroup group)) {
        throw new IllegalArgumentException("transformers[" + i + "] (" + raw.get(i) + ") must be"
            + " a ColumnGroup (name, transformer, columns)");
      }
      out.add(group);
    }
    return List.copyOf(out);
  }

  /** Fits on numeric samples whose columns are selected by index. */
  @Override
  public ColumnTransformer fit(double[][] X) {
    fitTransform(X);
    return this;
  }

  /** Fits on numeric samples with their column names (columns selected by name or index). */
  public ColumnTransformer fit(double[][] X, List<String> columns) {
    fitTransform(X, columns);
    return this;
  }

  /** Fits on text samples (a CSV's fields) with their column names. */
  public ColumnTransformer fit(String[][] X, List<String> columns) {
    fitTransform(X, columns);
    return this;
  }

  @Override
  public double[][] fitTransform(double[][] X) {
    return run(Checks.checkMatrix("X", X), null, true);
  }

  /** {@code fit(X, columns)}, then the transform of X. */
  public double[][] fitTransform(double[][] X, List<String> columns) {
    return run(Checks.checkMatrix("X", X), columns, true);
  }

  /** {@code fit(X, columns)} on text samples, then the transform of X. */
  public double[][] fitTransform(String[][] X, List<String> columns) {
    return run(checkText(X), columns, true);
  }

  /** The outputs side by side, shape (n_samples, Σ output widths [+ remainder]). */
  @Override
  public double[][] transform(double[][] X) {
    return run(Checks.checkMatrix("X", X), this.<Fitted>fitted().featureNamesIn, false);
  }

  /** The transform of text samples (the same columns as at fit, in the same order). */
  public double[][] transform(String[][] X) {
    return run(checkText(X), this.<Fitted>fitted().featureNamesIn, false);
  }

  /** Whether it was fitted on text samples, and so transforms text samples only. */
  public boolean readsText() {
    return this.<Fitted>fitted().text;
  }

  /** The column names seen at fit ({@code feature_names_in_}), or null when none were given. */
  public List<String> featureNamesIn() {
    return this.<Fitted>fitted().featureNamesIn;
  }

  /** The output column names ({@code get_feature_names_out}). */
  public String[] getFeatureNamesOut() {
    Fitted f = fitted();
    List<String> in = f.featureNamesIn != null ? f.featureNamesIn
        : java.util.stream.IntStream.range(0, f.nFeaturesIn).mapToObj(j -> "x" + j).toList();
    boolean verbose = get(VERBOSE_FEATURE_NAMES_OUT);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < f.transformers.length; k++) {
      String[] names = Arrays.stream(group(f, k)).mapToObj(in::get).toArray(String[]::new);
      for (String name : Columns.namesOut((Transformer) f.transformers[k], names, f.widths[k])) {
        out.add(verbose ? f.names.get(k) + "__" + name : name);
      }
    }
    if (f.remainder != null) {
      for (int j : f.remainder) {
        out.add(verbose ? "remainder__" + in.get(j) : in.get(j));
      }
    }
    if (!verbose && out.stream().distinct().count() < out.size()) {
      throw new IllegalStateException("output names are not unique with"
          + " verbose_feature_names_out=false: " + out);
    }
    return out.toArray(String[]::new);
  }

  /** A state read back: the entries become the fitted transformers on their column indices. */
  @Override
  protected Fitted restored(Record state) {
    Fitted f = (Fitted) state;
    Checks.checkArgument(f.names.size() == f.transformers.length
        && f.groupEnd.length == f.transformers.length, "the fitted state names "
        + f.names.size() + " transformers but holds " + f.transformers.length);
    List<ColumnGroup> groups = new ArrayList<>();
    for (int k = 0; k < f.transformers.length; k++) {
      List<Object> columns = new ArrayList<>();
      for (int j : group(f, k)) {
        columns.add(f.featureNamesIn != null ? f.featureNamesIn.get(j) : (Object) j);
      }
      groups.add(new ColumnGroup(f.names.get(k), f.transformers[k], columns));
    }
    set(TRANSFORMERS, List.copyOf(groups));
    return f;
  }

  /** Fits (when {@code fit}) and transforms each entry on its columns; the remainder last. */
  private double[][] run(Object X, List<String> names, boolean fit) {
    int n = X instanceof String[][] t ? t.length : ((double[][]) X).length;
    int d = X instanceof String[][] t ? t[0].length : ((double[][]) X)[0].length;
    Fitted f;
    if (fit) {
      validateParams();
      f = select(names, d, X instanceof String[][]);
    } else {
      f = fitted();
      if (d != f.nFeaturesIn) {
        throw new IllegalArgumentException("X has " + d + " features but ColumnTransformer was"
            + " fitted with " + f.nFeaturesIn);
      }
      if ((X instanceof String[][]) != f.text) {
        throw new IllegalArgumentException("X is " + (f.text ? "numbers" : "text") + " but this"
            + " ColumnTransformer was fitted on " + (f.text ? "text" : "numbers"));
      }
    }
    List<double[][]> parts = new ArrayList<>();
    for (int k = 0; k < f.transformers.length; k++) {
      parts.add(Columns.apply((Transformer) f.transformers[k], X, group(f, k), f.featureNamesIn,
          fit));
    }
    if (f.remainder != null) {
      parts.add(Columns.numbers(X, f.remainder, f.featureNamesIn));
    }
    if (fit) {
      int[] widths = parts.stream().limit(f.transformers.length).mapToInt(p -> p[0].length)
          .toArray();
      fitted(new Fitted(f.transformers, f.names, f.columns, f.groupEnd, f.remainder,
          f.featureNamesIn, f.nFeaturesIn, f.text, widths));
    }
    return Columns.hstack(parts, n);
  }

  /** Resolves every entry's columns against the data's names and width. */
  private Fitted select(List<String> names, int d, boolean text) {
    if (names != null && names.size() != d) {
      throw new IllegalArgumentException("columns has " + names.size() + " names but X has " + d
          + " columns");
    }
    List<ColumnGroup> groups = transformers();
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("transformers ([]) must hold at least one entry");
    }
    List<Integer> all = new ArrayList<>();
    int[] ends = new int[groups.size()];
    boolean[] used = new boolean[d];
    for (int k = 0; k < groups.size(); k++) {
      for (Object column : groups.get(k).columns()) {
        int j = Columns.index(column, names, d, groups.get(k).name());
        all.add(j);
        used[j] = true;
      }
      ends[k] = all.size();
    }
    int[] remainder = get(REMAINDER).equals("passthrough")
        ? java.util.stream.IntStream.range(0, d).filter(j -> !used[j]).toArray() : new int[0];
    return new Fitted(groups.stream().map(ColumnGroup::estimator).toArray(Estimator[]::new),
        groups.stream().map(ColumnGroup::name).toList(),
        all.stream().mapToInt(Integer::intValue).toArray(), ends,
        remainder.length == 0 ? null : remainder, names == null ? null : List.copyOf(names), d,
        text, null);
  }

  private static int[] group(Fitted f, int k) {
    return Arrays.copyOfRange(f.columns, k == 0 ? 0 : f.groupEnd[k - 1], f.groupEnd[k]);
  }

  private static String[][] checkText(String[][] X) {
    Checks.checkArgument(X != null && X.length > 0 && X[0] != null && X[0].length > 0,
        "X must have at least one row and one column");
    for (int i = 0; i < X.length; i++) {
      Checks.checkArgument(X[i] != null && X[i].length == X[0].length, "X is ragged: row " + i
          + " has " + (X[i] == null ? "no" : X[i].length) + " values but row 0 has "
          + X[0].length);
    }
    return X;
  }
}
