package semaine.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import semaine.base.Classifier;
import semaine.base.EstimatorProvider;
import semaine.base.Models;
import semaine.base.Regressor;

/**
 * Any semaine estimator as a Spark ML {@code Estimator}, for a Spark {@code Pipeline} or
 * {@code CrossValidator}: {@code estimator} names it (semaine's class, its simple name or
 * scikit-learn's, as {@code sklearn.ensemble.RandomForestClassifier}), {@code estimatorParams}
 * sets its parameters by scikit-learn's names ({@code "n_estimators=50;random_state=0"}, text read
 * in each parameter's type). {@code fit} gathers the feature columns (and the label column of a
 * classifier or regressor) on the driver and fits there — semaine's estimators learn on one
 * machine — and gives a {@link SemaineModel} that scores on the executors. A classifier's classes
 * are the label column's distinct values, sorted; its predictions are those values. The rows are
 * fitted in the order {@code collect} gives them: sort the DataFrame ({@code orderBy}) for a fit
 * that does not depend on the partitioning (a forest's bootstrap, say, follows row order).
 */
public final class SemaineEstimator extends Estimator<SemaineModel>
    implements DefaultParamsWritable, HasSemaineColumns {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> estimator;
  private final Param<String> estimatorParams;
  private final ColumnParams columnParams;
  private final Param<String> labelCol;

  /** An estimator to configure, with the given uid (Spark's readers call this one). */
  public SemaineEstimator(String uid) {
    this.uid = uid;
    estimator = new Param<>(this, "estimator", "the semaine estimator: its class, simple name or"
        + " scikit-learn name");
    estimatorParams = new Param<>(this, "estimatorParams", "its parameters by scikit-learn's"
        + " names, as name=value pairs separated by ';'");
    columnParams = ColumnParams.of(this);
    labelCol = new Param<>(this, "labelCol", "the label column (classifiers and regressors)");
    setDefault(estimatorParams, "");
    setDefault(labelCol, "label");
  }

  /** An estimator to configure. */
  public SemaineEstimator() {
    this(Identifiable.randomUID("semaine"));
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public ColumnParams columnParams() {
    return columnParams;
  }

  /** The semaine estimator's name. */
  public Param<String> estimator() {
    return estimator;
  }

  /** Its parameters, {@code name=value;name=value}. */
  public Param<String> estimatorParams() {
    return estimatorParams;
  }

  /** The label column ("label"). */
  public Param<String> labelCol() {
    return labelCol;
  }

  /** Sets the estimator by name. */
  public SemaineEstimator setEstimator(String name) {
    set(estimator, name);
    return this;
  }

  /** Sets its parameters, {@code name=value;name=value}. */
  public SemaineEstimator setEstimatorParams(String params) {
    set(estimatorParams, params);
    return this;
  }

  /** Sets the feature columns. */
  public SemaineEstimator setFeaturesCols(String... names) {
    set(featuresCols(), names);
    return this;
  }

  /** Sets the label column. */
  public SemaineEstimator setLabelCol(String name) {
    set(labelCol, name);
    return this;
  }

  /** The semaine estimator these parameters describe, unfitted. */
  public semaine.base.Estimator semaineEstimator() {
    if (!isDefined(estimator)) {
      throw new IllegalArgumentException("estimator is not set: name a semaine estimator"
          + " (its class, simple name or scikit-learn name)");
    }
    semaine.base.Estimator model = lookUp($(estimator));
    for (String pair : $(estimatorParams).split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("estimatorParams: '" + pair + "' is not name=value");
      }
      model.setParam(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    model.validateParams();
    return model;
  }

  @Override
  public SemaineModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    semaine.base.Estimator model = semaineEstimator();
    List<String> features = List.of($(featuresCols()));
    boolean supervised = model instanceof Classifier || model instanceof Regressor;
    List<Column> columns = new ArrayList<>(features.stream().map(functions::col).toList());
    if (supervised) {
      columns.add(functions.col($(labelCol)));
    }
    List<Row> rows = dataset.toDF().select(columns.toArray(Column[]::new)).collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the DataFrame has no rows to fit on");
    }
    double[][] X = new double[rows.size()][features.size()];
    for (int i = 0; i < X.length; i++) {
      for (int f = 0; f < features.size(); f++) {
        X[i][f] = number(rows.get(i), f, features.get(f));
      }
    }
    List<String> classNames = List.of();
    switch (model) {
      case Classifier c -> {
        Labels labels = Labels.of(rows, features.size(), $(labelCol));
        c.fit(X, labels.ids());
        classNames = labels.names();
      }
      case Regressor r -> {
        double[] y = new double[X.length];
        for (int i = 0; i < y.length; i++) {
          y[i] = number(rows.get(i), features.size(), $(labelCol));
        }
        r.fit(X, y);
      }
      case semaine.base.Clusterer c -> c.fit(X);
      case semaine.base.OutlierDetector o -> o.fit(X);
      case semaine.base.Transformer t -> t.fit(X);
      default -> throw new IllegalArgumentException("a " + model.getClass().getSimpleName()
          + " cannot be fitted from a DataFrame");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Models.save(model, out, features, classNames);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    SemaineModel fitted = new SemaineModel(uid, out.toByteArray());
    return copyValues(fitted, extractParamMap()).setParent(this);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (!isDefined(featuresCols()) || $(featuresCols()).length == 0) {
      throw new IllegalArgumentException("featuresCols is not set: name the feature columns");
    }
    FeatureColumns.check(schema, List.of($(featuresCols())), "");
    List<String> present = Arrays.asList(schema.fieldNames());
    semaine.base.Estimator model = semaineEstimator();
    // a classifier's classes (numbers or text) are known after fit: the label column's type says
    boolean textLabels = present.contains($(labelCol))
        && !(schema.apply($(labelCol)).dataType() instanceof NumericType);
    ScoringRole role = ScoringRole.of(model, textLabels ? List.of("text") : List.of());
    StructType out = schema;
    for (var field : role.fields(outputColumns())) {
      out = out.add(field);
    }
    return out;
  }

  @Override
  public SemaineEstimator copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /** Spark ML's reader of saved estimators. */
  public static MLReader<SemaineEstimator> read() {
    return new DefaultParamsReader<>();
  }

  /** {@code read().load(path)}. */
  public static SemaineEstimator load(String path) {
    return read().load(path);
  }

  /** The estimator named {@code name} among those the modules declare. */
  static semaine.base.Estimator lookUp(String name) {
    TreeMap<String, String> known = new TreeMap<>();
    for (EstimatorProvider provider : ServiceLoader.load(EstimatorProvider.class,
        SemaineEstimator.class.getClassLoader())) {
      for (Supplier<? extends semaine.base.Estimator> factory : provider.estimators()) {
        semaine.base.Estimator candidate = factory.get();
        Class<?> type = candidate.getClass();
        if (name.equals(type.getName()) || name.equals(type.getSimpleName())
            || name.equals(candidate.sklearnName())) {
          return candidate;
        }
        known.put(type.getSimpleName(), candidate.sklearnName());
      }
    }
    throw new IllegalArgumentException("estimator '" + name + "' is not a semaine estimator;"
        + " known: " + String.join(", ", known.keySet()));
  }

  private static double number(Row row, int at, String column) {
    if (row.isNullAt(at)) {
      throw new IllegalArgumentException("column '" + column + "' is null in row " + row
          + ": every value is needed to fit");
    }
    if (!(row.get(at) instanceof Number value)) {
      throw new IllegalArgumentException("column '" + column + "' holds " + row.get(at)
          + ": it must be numeric");
    }
    return value.doubleValue();
  }
}
