package semaine.preprocessing;

import java.util.ArrayList;
import java.util.List;
import semaine.base.Attribute;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;

/**
 * Encodes each categorical column as one 0/1 column per category: the row of category k of a
 * column with K categories gets a 1 in the k-th of that column's K outputs and 0 elsewhere.
 *
 * <p>As scikit-learn 1.9's {@code OneHotEncoder(sparse_output=False)} with {@code
 * categories='auto'}: the categories of a column are its distinct values sorted ({@code
 * categories_}); {@code min_frequency} and {@code max_categories} group the rare ones into one
 * output named {@code infrequent_sklearn}; {@code drop} removes the first category's output
 * ("first") or that of a column with two ("if_binary"); an unknown value at transform is an error
 * ({@code handle_unknown='error'}), all zeros ("ignore"), or the infrequent output when the column
 * has one ("infrequent_if_exist", and "warn", which scikit-learn also warns about). A missing value
 * (null text, NaN) is a category of its own, sorted last.
 *
 * <p>Categories come as text ({@link #fit(String[][])}, a CSV's text columns) or as numbers
 * ({@link #fit(double[][])}, the {@link semaine.base.Transformer} every pipeline step is): the two kinds a
 * scikit-learn user gives it (an object array of strings, a float array), with plain Java arrays and
 * no table type. An encoder fitted on one kind transforms the same kind.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var encoder = new OneHotEncoder().handleUnknown("ignore"); // OneHotEncoder(handle_unknown="ignore")
 * double[][] Z = encoder.fitTransform(new String[][] {{"red"}, {"blue"}, {"red"}});
 * encoder.getFeatureNamesOut();                             // [x0_blue, x0_red]
 * }</pre>
 *
 * <p>Differences from scikit-learn 1.9: the output is always dense (no {@code sparse_output} nor
 * {@code dtype}); {@code categories} is 'auto' only; {@code drop} takes no list of categories;
 * no {@code feature_name_combiner} (names are {@code feature_category}).
 */
public final class OneHotEncoder extends BaseEncoder<OneHotEncoder> {

  static final Param<String> CATEGORIES = Param.of("categories", "auto", Rule.options("auto"));
  static final Param<String> DROP = Param.of("drop", null, Rule.none(),
      Rule.options("first", "if_binary"));
  static final Param<String> HANDLE_UNKNOWN = Param.of("handle_unknown", "error",
      Rule.options("error", "ignore", "infrequent_if_exist", "warn"));
  static final Param<Object> MIN_FREQUENCY = Param.of("min_frequency", null, Rule.none(),
      Rule.ints(1, null), Rule.realsNotInt(0.0, false, 1.0, false));
  static final Param<Integer> MAX_CATEGORIES = Param.of("max_categories", null, Rule.none(),
      Rule.ints(1, null));
  private static final EstimatorSpec<OneHotEncoder> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.OneHotEncoder", OneHotEncoder::new, Fitted.class, CATEGORIES, DROP,
      HANDLE_UNKNOWN, MIN_FREQUENCY, MAX_CATEGORIES);

  /**
   * The categories of each column and the dropped one's index after grouping (-1: none).
   */
  private record Fitted(@Attribute("_columns") CategoryColumn[] columns,
      @Attribute("_drop_idx_after_grouping") int[] dropGrouped, int nFeaturesIn) {}

  /** An encoder with scikit-learn's defaults (every category kept, unknown values refused). */
  public OneHotEncoder() {
    super(SPEC);
  }

  /** None, "first" or "if_binary" ({@code drop}, default None). */
  public OneHotEncoder drop(String drop) {
    return set(DROP, drop);
  }

  /** "error", "ignore", "infrequent_if_exist" or "warn" ({@code handle_unknown}). */
  public OneHotEncoder handleUnknown(String handleUnknown) {
    return set(HANDLE_UNKNOWN, handleUnknown);
  }

  /** Categories seen fewer than this many times are infrequent ({@code min_frequency}). */
  public OneHotEncoder minFrequency(int count) {
    return set(MIN_FREQUENCY, count);
  }

  /** Categories seen in fewer than this fraction of the samples are infrequent. */
  public OneHotEncoder minFrequency(double fraction) {
    return set(MIN_FREQUENCY, fraction);
  }

  /** At most this many outputs per column, the infrequent one included ({@code max_categories}). */
  public OneHotEncoder maxCategories(int maxCategories) {
    return set(MAX_CATEGORIES, maxCategories);
  }

  /**
   * The index in {@link #categories()} of each column's dropped category, -1 for none
   * ({@code drop_idx_}; null when {@code drop} is None).
   */
  public int[] dropIdx() {
    Fitted f = fitted();
    if (get(DROP) == null) {
      return null;
    }
    int[] out = new int[f.columns.length];
    for (int j = 0; j < out.length; j++) {
      int d = f.dropGrouped[j];
      int[] mapping = f.columns[j].grouping(false);
      out[j] = d < 0 || mapping == null ? d
          : java.util.stream.IntStream.range(0, mapping.length).filter(k -> mapping[k] == d)
              .findFirst().orElseThrow();
    }
    return out;
  }

  /** The output names for input columns named x0, x1, ... */
  public String[] getFeatureNamesOut() {
    int d = this.<Fitted>fitted().nFeaturesIn;
    return getFeatureNamesOut(java.util.stream.IntStream.range(0, d).mapToObj(j -> "x" + j)
        .toArray(String[]::new));
  }

  /**
   * The output names ({@code get_feature_names_out}): {@code feature_category} for each output,
   * {@code feature_infrequent_sklearn} for a group of infrequent categories.
   */
  public String[] getFeatureNamesOut(String[] inputFeatures) {
    Fitted f = fitted();
    if (inputFeatures.length != f.nFeaturesIn) {
      throw new IllegalArgumentException("input_features has " + inputFeatures.length
          + " names but OneHotEncoder was fitted with " + f.nFeaturesIn + " features");
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < f.columns.length; j++) {
      List<String> grouped = f.columns[j].groupedNames();
      for (int k = 0; k < grouped.size(); k++) {
        if (k != f.dropGrouped[j]) {
          names.add(inputFeatures[j] + "_" + grouped.get(k));
        }
      }
    }
    return names.toArray(String[]::new);
  }

  @Override
  CategoryColumn[] columns() {
    return this.<Fitted>fitted().columns;
  }

  @Override
  OneHotEncoder fit(CategoricalInput X) {
    validateParams();
    CategoryColumn[] columns = new CategoryColumn[X.nColumns()];
    for (int j = 0; j < columns.length; j++) {
      columns[j] = CategoryColumn.fit(X, j, get(MIN_FREQUENCY), get(MAX_CATEGORIES), false);
    }
    int[] drop = new int[columns.length];
    for (int j = 0; j < columns.length; j++) {
      drop[j] = switch (get(DROP)) {
        case "first" -> 0;
        case "if_binary" -> columns[j].groupedNames().size() == 2 ? 0 : -1;
        case null, default -> -1;
      };
    }
    fitted(new Fitted(columns, drop, columns.length));
    return this;
  }

  @Override
  double[][] transform(CategoricalInput X) {
    Fitted f = fitted();
    String handle = get(HANDLE_UNKNOWN);
    int[][] codes = CategoryColumn.encode(f.columns, X, handle.equals("error"),
        handle.equals("infrequent_if_exist") || handle.equals("warn"), false, "OneHotEncoder");
    int[] offset = new int[f.columns.length + 1];
    for (int j = 0; j < f.columns.length; j++) {
      offset[j + 1] = offset[j] + f.columns[j].groupedNames().size() - (f.dropGrouped[j] >= 0 ? 1 : 0);
    }
    double[][] Z = new double[codes.length][offset[f.columns.length]];
    for (int i = 0; i < codes.length; i++) {
      for (int j = 0; j < f.columns.length; j++) {
        int c = codes[i][j];
        int d = f.dropGrouped[j];
        if (c < 0 || c == d) {
          continue;   // unknown and ignored, or the dropped category: all zeros
        }
        Z[i][offset[j] + (d >= 0 && c > d ? c - 1 : c)] = 1.0;
      }
    }
    return Z;
  }
}
