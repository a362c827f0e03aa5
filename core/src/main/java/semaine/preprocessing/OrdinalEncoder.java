package semaine.preprocessing;

import java.util.List;
import semaine.base.Attribute;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;

/**
 * Encodes each categorical column as one column of integer codes: category k of a column (its
 * distinct values sorted) becomes k.
 *
 * <p>As scikit-learn 1.9's {@code OrdinalEncoder} with {@code categories='auto'}: a missing number
 * (NaN) becomes {@code encoded_missing_value} (NaN by default), while missing text (null, Python's
 * None) is a category of its own, sorted last, as scikit-learn treats None; an unknown value at
 * transform is an error ({@code handle_unknown='error'}) or becomes {@code unknown_value}
 * ("use_encoded_value", an int outside the codes or NaN); with {@code min_frequency} or {@code
 * max_categories} the infrequent categories share the last code. Like {@link OneHotEncoder}, it
 * reads text ({@code String[][]}) or numbers ({@code double[][]}), with no table type.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var encoder = new OrdinalEncoder();                  // OrdinalEncoder()
 * double[][] codes = encoder.fitTransform(new String[][] {{"b"}, {"a"}, {"b"}});  // [[1], [0], [1]]
 * }</pre>
 *
 * <p>Differences from scikit-learn 1.9: {@code categories} is 'auto' only and no {@code dtype}
 * (codes are doubles); no {@code inverse_transform}.
 */
public final class OrdinalEncoder extends BaseEncoder<OrdinalEncoder> {

  static final Param<String> CATEGORIES = Param.of("categories", "auto", Rule.options("auto"));
  static final Param<String> HANDLE_UNKNOWN = Param.of("handle_unknown", "error",
      Rule.options("error", "use_encoded_value"));
  static final Param<Object> UNKNOWN_VALUE = Param.of("unknown_value", null, Rule.none(),
      Rule.ints(Integer.MIN_VALUE, null), Rule.reals(null, false, null, false),
      Rule.instanceOf(Double.class, "nan"));
  static final Param<Object> ENCODED_MISSING_VALUE = Param.of("encoded_missing_value",
      Double.NaN, Rule.ints(Integer.MIN_VALUE, null), Rule.reals(null, false, null, false),
      Rule.instanceOf(Double.class, "nan"));
  static final Param<Object> MIN_FREQUENCY = Param.of("min_frequency", null, Rule.none(),
      Rule.ints(1, null), Rule.realsNotInt(0.0, false, 1.0, false));
  static final Param<Integer> MAX_CATEGORIES = Param.of("max_categories", null, Rule.none(),
      Rule.ints(1, null));
  private static final EstimatorSpec<OrdinalEncoder> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.OrdinalEncoder", OrdinalEncoder::new, Fitted.class, CATEGORIES,
      HANDLE_UNKNOWN, UNKNOWN_VALUE, ENCODED_MISSING_VALUE, MIN_FREQUENCY, MAX_CATEGORIES);

  /** The categories of each column. */
  private record Fitted(@Attribute("_columns") CategoryColumn[] columns, int nFeaturesIn) {}

  /** An encoder with scikit-learn's defaults (unknown values refused). */
  public OrdinalEncoder() {
    super(SPEC);
  }

  /** "error" or "use_encoded_value" ({@code handle_unknown}, default "error"). */
  public OrdinalEncoder handleUnknown(String handleUnknown) {
    return set(HANDLE_UNKNOWN, handleUnknown);
  }

  /** The code of unknown values with "use_encoded_value" ({@code unknown_value}): an int or NaN. */
  public OrdinalEncoder unknownValue(double value) {
    return set(UNKNOWN_VALUE, Double.isNaN(value) ? (Object) Double.NaN : (Object) (int) value);
  }

  /** The code of missing values ({@code encoded_missing_value}, default NaN): an int or NaN. */
  public OrdinalEncoder encodedMissingValue(double value) {
    return set(ENCODED_MISSING_VALUE,
        Double.isNaN(value) ? (Object) Double.NaN : (Object) (int) value);
  }

  /** Categories seen fewer than this many times share one code ({@code min_frequency}). */
  public OrdinalEncoder minFrequency(int count) {
    return set(MIN_FREQUENCY, count);
  }

  /** At most this many codes per column, the infrequent one included ({@code max_categories}). */
  public OrdinalEncoder maxCategories(int maxCategories) {
    return set(MAX_CATEGORIES, maxCategories);
  }

  @Override
  CategoryColumn[] columns() {
    return this.<Fitted>fitted().columns;
  }

  @Override
  OrdinalEncoder fit(CategoricalInput X) {
    validateParams();
    Object unknown = get(UNKNOWN_VALUE);
    boolean useEncoded = get(HANDLE_UNKNOWN).equals("use_encoded_value");
    if (useEncoded && !(unknown instanceof Integer || isNaN(unknown))) {
      throw new IllegalArgumentException("unknown_value (" + unknown + ") must be an int or NaN"
          + " when handle_unknown is 'use_encoded_value'");
    }
    if (!useEncoded && unknown != null) {
      throw new IllegalArgumentException("unknown_value (" + unknown + ") must be None unless"
          + " handle_unknown is 'use_encoded_value' (it is '" + get(HANDLE_UNKNOWN) + "')");
    }
    Object missingCode = get(ENCODED_MISSING_VALUE);
    if (!(missingCode instanceof Integer || isNaN(missingCode))) {
      throw new IllegalArgumentException("encoded_missing_value (" + missingCode + ") must be an"
          + " int or NaN");
    }
    CategoryColumn[] columns = new CategoryColumn[X.nColumns()];
    for (int j = 0; j < columns.length; j++) {
      columns[j] = CategoryColumn.fit(X, j, get(MIN_FREQUENCY), get(MAX_CATEGORIES),
          !X.isText());
      boolean nan = !X.isText() && columns[j].missing();
      int cardinality = columns[j].size() - (nan ? 1 : 0)
          - (columns[j].infrequent() == null ? 0 : columns[j].infrequent().length);
      if (useEncoded && unknown instanceof Integer u && 0 <= u && u < cardinality) {
        throw new IllegalArgumentException("unknown_value (" + u + ") is one of the values"
            + " already used for encoding the seen categories (0 to " + (cardinality - 1)
            + " in column " + j + ")");
      }
      if (nan && missingCode instanceof Integer m && 0 <= m && m < cardinality) {
        throw new IllegalArgumentException("encoded_missing_value (" + m + ") is already used to"
            + " encode a known category in column " + j + " (codes 0 to " + (cardinality - 1)
            + ")");
      }
    }
    fitted(new Fitted(columns, columns.length));
    return this;
  }

  @Override
  double[][] transform(CategoricalInput X) {
    Fitted f = fitted();
    boolean error = get(HANDLE_UNKNOWN).equals("error");
    boolean numeric = f.columns[0].values() != null;
    int[][] codes = CategoryColumn.encode(f.columns, X, error, false, numeric, "OrdinalEncoder");
    double unknown = toDouble(get(UNKNOWN_VALUE));
    double missing = toDouble(get(ENCODED_MISSING_VALUE));
    double[][] Z = new double[codes.length][f.columns.length];
    for (int i = 0; i < codes.length; i++) {
      for (int j = 0; j < f.columns.length; j++) {
        int c = codes[i][j];
        Z[i][j] = c < 0 ? unknown : numeric && c == f.columns[j].missingIndex() ? missing : c;
      }
    }
    return Z;
  }

  private static boolean isNaN(Object value) {
    return value instanceof Double d && Double.isNaN(d);
  }

  private static double toDouble(Object value) {
    return value == null ? Double.NaN : ((Number) value).doubleValue();
  }
}
