package semaine.preprocessing;

import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;

/**
 * Encodes target labels as 0 to n_classes − 1: the distinct labels sorted ({@code classes_}) and
 * each label replaced by its index, as scikit-learn 1.9's {@code LabelEncoder}.
 *
 * <p>It encodes a target y, not samples X, so it is no {@link semaine.base.Transformer}; labels come
 * as text ({@code String[]}) or numbers ({@code double[]}), the two kinds a CSV's target column
 * has. A label not seen at fit is an error, as in scikit-learn.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var encoder = new LabelEncoder();                          // le = LabelEncoder()
 * int[] y = encoder.fitTransform(new String[] {"paris", "tokyo", "paris"});   // [0, 1, 0]
 * encoder.inverseTransform(new int[] {1});                   // ["tokyo"]
 * }</pre>
 */
public final class LabelEncoder extends BaseEstimator<LabelEncoder> {

  private static final EstimatorSpec<LabelEncoder> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.LabelEncoder", LabelEncoder::new, Fitted.class);

  /** The labels, sorted. */
  private record Fitted(@Attribute("_classes") CategoryColumn classes) {}

  /** A label encoder (it has no parameters). */
  public LabelEncoder() {
    super(SPEC);
  }

  /** Learns the distinct labels of text y. */
  public LabelEncoder fit(String[] y) {
    return fit(CategoricalInput.of(column(y)));
  }

  /** Learns the distinct labels of numeric y. */
  public LabelEncoder fit(double[] y) {
    return fit(CategoricalInput.of(column(y)));
  }

  /** Each label's index in {@link #classes()}. */
  public int[] transform(String[] y) {
    return transform(CategoricalInput.of(column(y)));
  }

  /** Each label's index in {@link #classes()}. */
  public int[] transform(double[] y) {
    return transform(CategoricalInput.of(column(y)));
  }

  /** {@code fit(y)}, then {@code transform(y)}. */
  public int[] fitTransform(String[] y) {
    return fit(y).transform(y);
  }

  /** {@code fit(y)}, then {@code transform(y)}. */
  public int[] fitTransform(double[] y) {
    return fit(y).transform(y);
  }

  /** The labels of the indices ({@code inverse_transform}), numbers as Python's {@code str}. */
  public String[] inverseTransform(int[] codes) {
    CategoryColumn c = this.<Fitted>fitted().classes;
    String[] out = new String[codes.length];
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0 || codes[i] >= c.size()) {
        throw new IllegalArgumentException("y contains previously unseen labels: code "
            + codes[i] + " at " + i + " must be in [0, " + (c.size() - 1) + "]");
      }
      out[i] = c.name(codes[i]);
    }
    return out;
  }

  /** The distinct labels, sorted ({@code classes_}). */
  public java.util.List<String> classes() {
    CategoryColumn c = this.<Fitted>fitted().classes;
    return java.util.stream.IntStream.range(0, c.size()).mapToObj(c::name).toList();
  }

  private LabelEncoder fit(CategoricalInput y) {
    validateParams();
    fitted(new Fitted(CategoryColumn.fit(y, 0, null, null, false)));
    return this;
  }

  private int[] transform(CategoricalInput y) {
    CategoryColumn c = this.<Fitted>fitted().classes;
    int[] out = new int[y.nRows()];
    java.util.Set<String> unseen = new java.util.LinkedHashSet<>();
    for (int i = 0; i < out.length; i++) {
      out[i] = c.indexOf(y, i, 0);
      if (out[i] < 0) {
        unseen.add(y.name(i, 0));
      }
    }
    if (!unseen.isEmpty()) {
      throw new IllegalArgumentException("y contains previously unseen labels: " + unseen
          + " (the labels seen at fit are " + classes() + ")");
    }
    return out;
  }

  private static String[][] column(String[] y) {
    if (y == null) {
      throw new IllegalArgumentException("y must not be null");
    }
    String[][] out = new String[y.length][];
    for (int i = 0; i < y.length; i++) {
      out[i] = new String[] {y[i]};
    }
    return out;
  }

  private static double[][] column(double[] y) {
    if (y == null) {
      throw new IllegalArgumentException("y must not be null");
    }
    double[][] out = new double[y.length][];
    for (int i = 0; i < y.length; i++) {
      out[i] = new double[] {y[i]};
    }
    return out;
  }
}
