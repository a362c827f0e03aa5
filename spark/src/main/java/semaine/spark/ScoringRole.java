package semaine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import semaine.base.Classifier;
import semaine.base.Clusterer;
import semaine.base.Estimator;
import semaine.base.OutlierDetector;
import semaine.base.Regressor;
import semaine.base.Transformer;
import semaine.data.Dataset;

/**
 * What a saved model answers on Spark, by its role, as {@code semaine predict} does:
 * <ul>
 *   <li>a classifier: {@code prediction}, the class as the training data wrote it (double when the
 *       classes are numbers or unnamed, as Spark ML's labels; string otherwise) and, when the model
 *       has {@code predict_proba}, {@code probability} (array of doubles, classes in order);
 *   <li>a regressor: {@code prediction} (double);
 *   <li>a clusterer with {@code predict}: {@code prediction}, the cluster (int);
 *   <li>an outlier detector: {@code prediction}, +1 inlier or −1 outlier (int), and {@code score},
 *       its {@code score_samples} (double);
 *   <li>a transformer: {@code transformed}, the transformed row (array of doubles).
 * </ul>
 */
public final class ScoringRole implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The model's kind, which decides its answer columns. */
  public enum Kind {
    /** Class labels, and probabilities when it has them. */
    CLASSIFIER,
    /** A real value per row. */
    REGRESSOR,
    /** A cluster per row. */
    CLUSTERER,
    /** An inlier/outlier label and a score per row. */
    OUTLIER_DETECTOR,
    /** A new row per row. */
    TRANSFORMER
  }

  /**
   * The names of the answer columns; a null name leaves that answer out (probabilities, scores).
   *
   * @param prediction labels, values, clusters
   * @param probability a classifier's class probabilities
   * @param score an outlier detector's scores
   * @param transformed a transformer's rows
   */
  public record Columns(String prediction, String probability, String score, String transformed)
      implements Serializable {
    /** {@code prediction}, {@code probability}, {@code score}, {@code transformed}. */
    public static final Columns DEFAULT =
        new Columns("prediction", "probability", "score", "transformed");
  }

  private final Kind kind;
  private final ArrayList<Object> classValues; // null: class ids
  private final boolean probabilities;

  private ScoringRole(Kind kind, List<Object> classValues, boolean probabilities) {
    this.kind = kind;
    this.classValues = classValues == null ? null : new ArrayList<>(classValues);
    this.probabilities = probabilities;
  }

  /**
   * The role of {@code model}, whose file recorded {@code classNames} (empty: class ids).
   *
   * @throws IllegalArgumentException for a model that answers nothing for new rows (a clustering
   *     without predict, as DBSCAN)
   */
  public static ScoringRole of(Estimator model, List<String> classNames) {
    return switch (model) {
      case Classifier c -> new ScoringRole(Kind.CLASSIFIER,
          classNames.isEmpty() ? null : Dataset.classValues(classNames),
          overrides(c, Classifier.class, "predictProba"));
      case Regressor r -> new ScoringRole(Kind.REGRESSOR, null, false);
      case Clusterer c when overrides(c, Clusterer.class, "predict") ->
          new ScoringRole(Kind.CLUSTERER, null, false);
      case Clusterer c -> throw new IllegalArgumentException("a " + c.getClass().getSimpleName()
          + " labels only the data it was fitted on (no predict): it cannot score new rows");
      case OutlierDetector o -> new ScoringRole(Kind.OUTLIER_DETECTOR, null, false);
      case Transformer t -> new ScoringRole(Kind.TRANSFORMER, null, false);
      default -> throw new IllegalArgumentException("a " + model.getClass().getSimpleName()
          + " predicts nothing: it cannot score rows");
    };
  }

  /** The model's kind. */
  public Kind kind() {
    return kind;
  }

  /** True for a classifier with {@code predict_proba}. */
  public boolean hasProbabilities() {
    return probabilities;
  }

  /** The answer columns this role appends, named by {@code names}. */
  public List<StructField> fields(Columns names) {
    List<StructField> out = new ArrayList<>();
    switch (kind) {
      case CLASSIFIER -> {
        add(out, names.prediction(), numericClasses() ? DataTypes.DoubleType : DataTypes.StringType);
        if (probabilities) {
          add(out, names.probability(), DataTypes.createArrayType(DataTypes.DoubleType, false));
        }
      }
      case REGRESSOR -> add(out, names.prediction(), DataTypes.DoubleType);
      case CLUSTERER -> add(out, names.prediction(), DataTypes.IntegerType);
      case OUTLIER_DETECTOR -> {
        add(out, names.prediction(), DataTypes.IntegerType);
        add(out, names.score(), DataTypes.DoubleType);
      }
      case TRANSFORMER -> add(out, names.transformed(),
          DataTypes.createArrayType(DataTypes.DoubleType, false));
    }
    return out;
  }

  /** This role bound to a loaded model, answering blocks of rows into {@code names}' columns. */
  Bound bind(Estimator model, Columns names) {
    return new Bound(model, names);
  }

  /** A loaded model answering blocks of rows as this role says. */
  final class Bound {
    private final Estimator model;
    private final Columns names;

    private Bound(Estimator model, Columns names) {
      this.model = model;
      this.names = names;
    }

    /** The answer columns' values for each row of X, in {@link #fields} order. */
    Object[][] answer(double[][] X) {
      int n = X.length;
      List<Object[]> columns = new ArrayList<>();
      switch (kind) {
        case CLASSIFIER -> {
          Classifier c = (Classifier) model;
          if (names.prediction() != null) {
            int[] ids = c.predict(X);
            Object[] labels = new Object[n];
            for (int i = 0; i < n; i++) {
              labels[i] = label(ids[i]);
            }
            columns.add(labels);
          }
          if (probabilities && names.probability() != null) {
            columns.add(c.predictProba(X));
          }
        }
        case REGRESSOR -> {
          if (names.prediction() != null) {
            columns.add(boxed(((Regressor) model).predict(X)));
          }
        }
        case CLUSTERER -> {
          if (names.prediction() != null) {
            columns.add(boxed(((Clusterer) model).predict(X)));
          }
        }
        case OUTLIER_DETECTOR -> {
          OutlierDetector o = (OutlierDetector) model;
          if (names.prediction() != null) {
            columns.add(boxed(o.predict(X)));
          }
          if (names.score() != null) {
            columns.add(boxed(o.scoreSamples(X)));
          }
        }
        case TRANSFORMER -> {
          if (names.transformed() != null) {
            columns.add(((Transformer) model).transform(X));
          }
        }
      }
      Object[][] rows = new Object[n][columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        Object[] column = columns.get(c);
        for (int i = 0; i < n; i++) {
          rows[i][c] = column[i];
        }
      }
      return rows;
    }
  }

  /** A class id as the prediction column holds it. */
  Object label(int id) {
    if (classValues == null) {
      return (double) id;
    }
    Object value = classValues.get(id);
    return value instanceof Number number ? (Object) number.doubleValue() : value;
  }

  private boolean numericClasses() {
    return classValues == null || classValues.stream().allMatch(Number.class::isInstance);
  }

  private static void add(List<StructField> out, String name, DataType type) {
    if (name != null) {
      out.add(DataTypes.createStructField(name, type, false));
    }
  }

  private static Object[] boxed(int[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static Object[] boxed(double[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /** True when {@code model}'s class implements {@code method(double[][])} itself. */
  private static boolean overrides(Estimator model, Class<?> role, String method) {
    try {
      return model.getClass().getMethod(method, double[][].class).getDeclaringClass() != role;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
