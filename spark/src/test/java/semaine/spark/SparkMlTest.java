package semaine.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.classification.LogisticRegression;
import semaine.data.Datasets;
import semaine.ensemble.RandomForestClassifier;

/** The Spark ML wrappers inside a Spark Pipeline, saved and loaded, and in a CrossValidator. */
class SparkMlTest {

  private static final semaine.data.Dataset IRIS = Datasets.loadIris();
  private static final List<String> NAMES = List.of("a", "b", "c", "d");

  @Test
  void aPipelineFitsAndScoresAsTheLocalModel(@TempDir Path dir) throws Exception {
    Dataset<Row> frame = irisFrame();
    // a Spark stage before semaine's: the fourth feature rescaled, as the local model sees it
    SQLTransformer rescale = new SQLTransformer()
        .setStatement("SELECT id, a, b, c, d * 10 AS d, label FROM __THIS__");
    SemaineEstimator forest = new SemaineEstimator()
        .setEstimator("sklearn.ensemble.RandomForestClassifier")
        .setEstimatorParams("n_estimators=8; random_state=0; max_depth=4")
        .setFeaturesCols(NAMES.toArray(String[]::new));
    // fitted on the rows in id order, as the local model (a forest's bootstrap follows row order)
    PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {rescale, forest})
        .fit(frame.orderBy("id"));
    List<Row> rows = fitted.transform(frame).orderBy("id").collectAsList();

    double[][] X = rescaled(IRIS.X());
    RandomForestClassifier local = new RandomForestClassifier().nEstimators(8).randomState(0)
        .maxDepth(4);
    local.fit(X, ModelScorerTest.labels(IRIS.y()));
    int[] expected = local.predict(X);
    double[][] proba = local.predictProba(X);
    for (int i = 0; i < expected.length; i++) {
      // labels 0.0, 1.0, 2.0 come back as the same doubles
      assertEquals((double) expected[i], rows.get(i).<Double>getAs("prediction"), "row " + i);
      List<Object> p = rows.get(i).getList(rows.get(i).fieldIndex("probability"));
      assertArrayEquals(proba[i], p.stream().mapToDouble(o -> (Double) o).toArray());
    }
    double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
        .evaluate(fitted.transform(frame));
    assertEquals(local.score(X, ModelScorerTest.labels(IRIS.y())), accuracy, 1e-15);

    // saved with Spark ML, loaded back: the same answers; the model file is semaine's own
    String path = dir.resolve("pipeline").toString();
    fitted.write().overwrite().save(path);
    PipelineModel again = PipelineModel.load(path);
    List<Row> reloaded = again.transform(frame).orderBy("id").collectAsList();
    assertEquals(rows, reloaded);
    try (var files = Files.walk(dir)) {
      Path file = files.filter(f -> f.getFileName().toString().equals("model.semaine"))
          .findFirst().orElseThrow();
      assertInstanceOf(RandomForestClassifier.class, Models.load(file));
      assertEquals(NAMES, Models.inspect(file).featureNames());
    }
  }

  @Test
  void aCrossValidatorChoosesAmongSemaineParameters() {
    Dataset<Row> frame = irisFrame();
    SemaineEstimator logistic = new SemaineEstimator().setEstimator("LogisticRegression")
        .setFeaturesCols(NAMES.toArray(String[]::new));
    ParamMap[] grid = new ParamGridBuilder()
        .addGrid(logistic.estimatorParams(),
            scala.jdk.javaapi.CollectionConverters.asScala(List.of("C=0.0001", "C=1.0")))
        .build();
    CrossValidatorModel cv = new CrossValidator().setEstimator(logistic)
        .setEstimatorParamMaps(grid).setNumFolds(2).setSeed(0)
        .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy"))
        .fit(frame);
    double[] metrics = cv.avgMetrics();
    assertEquals(2, metrics.length);
    // a tiny C underfits iris: the cross-validator keeps C=1.0, whose model is semaine's
    assertTrue(metrics[1] > metrics[0], java.util.Arrays.toString(metrics));
    SemaineModel best = assertInstanceOf(SemaineModel.class, cv.bestModel());
    LogisticRegression chosen = assertInstanceOf(LogisticRegression.class,
        ModelScorer.load(best.modelFile(), "best"));
    assertEquals(1.0, ((Number) chosen.getParam("C")).doubleValue());
  }

  @Test
  void misconfigurationIsReportedNamingIt() {
    Dataset<Row> frame = irisFrame();
    var unknown = assertThrows(IllegalArgumentException.class, () -> new SemaineEstimator()
        .setEstimator("NoSuchModel").setFeaturesCols("a").fit(frame));
    assertTrue(unknown.getMessage().contains("'NoSuchModel' is not a semaine estimator"),
        unknown.getMessage());
    var param = assertThrows(IllegalArgumentException.class, () -> new SemaineEstimator()
        .setEstimator("KMeans").setEstimatorParams("n_clusters=0").setFeaturesCols("a")
        .fit(frame));
    assertTrue(param.getMessage().contains("n_clusters"), param.getMessage());
    var column = assertThrows(IllegalArgumentException.class, () -> new SemaineEstimator()
        .setEstimator("KMeans").setFeaturesCols("a", "zz").fit(frame));
    assertTrue(column.getMessage().contains("no column 'zz'"), column.getMessage());
  }

  /** Iris as id, a, b, c, d (doubles) and label (0.0, 1.0, 2.0), in two partitions. */
  private static Dataset<Row> irisFrame() {
    StructType schema = new StructType().add("id", DataTypes.LongType, false);
    for (String name : NAMES) {
      schema = schema.add(name, DataTypes.DoubleType, false);
    }
    schema = schema.add("label", DataTypes.DoubleType, false);
    List<Row> rows = new ArrayList<>();
    double[][] X = IRIS.X();
    for (int i = 0; i < X.length; i++) {
      rows.add(RowFactory.create((long) i, X[i][0], X[i][1], X[i][2], X[i][3], IRIS.y()[i]));
    }
    return LocalSpark.session().createDataFrame(rows, schema).repartition(2);
  }

  private static double[][] rescaled(double[][] X) {
    double[][] out = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      out[i] = X[i].clone();
      out[i][3] = X[i][3] * 10;
    }
    return out;
  }
}
