package semaine.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import semaine.anomaly.IsolationForest;
import semaine.base.Estimator;
import semaine.base.Models;
import semaine.classification.KNeighborsClassifier;
import semaine.clustering.KMeans;
import semaine.data.Blobs;
import semaine.data.Datasets;
import semaine.ensemble.RandomForestClassifier;
import semaine.preprocessing.StandardScaler;
import semaine.regression.KNeighborsRegressor;

/**
 * Scoring on Spark gives the local answers row for row and bit for bit, with one partition and
 * with several (rows then fall into other blocks), for each role.
 */
class ModelScorerTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void aForestClassifierGivesTheLocalClassesAndProbabilities(int partitions) {
    semaine.data.Dataset iris = Datasets.loadIris();
    int[] y = labels(iris.y());
    RandomForestClassifier forest = new RandomForestClassifier().nEstimators(10).randomState(0);
    forest.fit(iris.X(), y);
    List<Row> rows = score(forest, iris.X(), iris.featureNames(), iris.targetNames(), partitions);
    int[] expected = forest.predict(iris.X());
    double[][] proba = forest.predictProba(iris.X());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      assertEquals(iris.targetNames().get(expected[i]), row.getAs("prediction"), "row " + i);
      assertArrayEquals(proba[i], doubles(row.getList(row.fieldIndex("probability"))), "row " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void numericClassNamesBecomeDoublePredictions(int partitions) {
    semaine.data.Dataset wine = Datasets.loadWine();
    KNeighborsClassifier knn = new KNeighborsClassifier(5);
    knn.fit(wine.X(), labels(wine.y()));
    List<Row> rows = score(knn, wine.X(), wine.featureNames(), List.of("1", "2", "3"), partitions);
    int[] expected = knn.predict(wine.X());
    double[][] proba = knn.predictProba(wine.X());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected[i] + 1.0, rows.get(i).<Double>getAs("prediction"), "row " + i);
      assertArrayEquals(proba[i], doubles(rows.get(i).getList(rows.get(i).fieldIndex("probability"))));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void aRegressorGivesTheLocalValues(int partitions) {
    semaine.data.Dataset diabetes = Datasets.load("diabetes");
    KNeighborsRegressor knn = new KNeighborsRegressor(7).weights("distance");
    knn.fit(diabetes.X(), diabetes.y());
    List<Row> rows = score(knn, diabetes.X(), diabetes.featureNames(), List.of(), partitions);
    assertArrayEquals(knn.predict(diabetes.X()), column(rows, "prediction"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void clustersOutliersAndTransformsAreTheLocalOnes(int partitions) {
    Blobs blobs = Datasets.makeBlobs().nSamples(5000).centers(4).nFeatures(3).randomState(1)
        .generate();
    List<String> names = LocalSpark.names(3);
    KMeans kmeans = new KMeans(4).randomState(0);
    kmeans.fit(blobs.X());
    List<Row> clusters = score(kmeans, blobs.X(), names, List.of(), partitions);
    int[] expected = kmeans.predict(blobs.X());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], clusters.get(i).<Integer>getAs("prediction"), "row " + i);
    }

    IsolationForest forest = new IsolationForest().nEstimators(20).randomState(0);
    forest.fit(blobs.X());
    List<Row> outliers = score(forest, blobs.X(), names, List.of(), partitions);
    int[] flags = forest.predict(blobs.X());
    for (int i = 0; i < flags.length; i++) {
      assertEquals(flags[i], outliers.get(i).<Integer>getAs("prediction"), "row " + i);
    }
    assertArrayEquals(forest.scoreSamples(blobs.X()), column(outliers, "score"));

    StandardScaler scaler = new StandardScaler();
    scaler.fit(blobs.X());
    List<Row> scaled = score(scaler, blobs.X(), names, List.of(), partitions);
    double[][] Z = scaler.transform(blobs.X());
    for (int i = 0; i < Z.length; i++) {
      assertArrayEquals(Z[i], doubles(scaled.get(i).getList(scaled.get(i).fieldIndex("transformed"))));
    }
  }

  @Test
  void featuresAreFoundByNameWhateverTheColumnOrder() {
    semaine.data.Dataset iris = Datasets.loadIris();
    RandomForestClassifier forest = new RandomForestClassifier().nEstimators(5).randomState(3);
    forest.fit(iris.X(), labels(iris.y()));
    List<String> names = iris.featureNames();
    Dataset<Row> frame = LocalSpark.frame(iris.X(), names, 2)
        .withColumn("note", functions.lit("extra"));
    List<String> reversed = new ArrayList<>(List.of("note", "id"));
    for (int f = names.size() - 1; f >= 0; f--) {
      reversed.add(names.get(f));
    }
    Dataset<Row> shuffled = frame.select(reversed.stream().map(functions::col)
        .toArray(org.apache.spark.sql.Column[]::new));
    List<Row> rows = scorer(forest, names, iris.targetNames()).transform(shuffled)
        .orderBy("id").collectAsList();
    int[] expected = forest.predict(iris.X());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(iris.targetNames().get(expected[i]), rows.get(i).getAs("prediction"));
      assertEquals("extra", rows.get(i).getAs("note"));
    }
  }

  @Test
  void badFramesAreRefusedNamingTheColumn() {
    semaine.data.Dataset iris = Datasets.loadIris();
    RandomForestClassifier forest = new RandomForestClassifier().nEstimators(3).randomState(0);
    forest.fit(iris.X(), labels(iris.y()));
    ModelScorer scorer = scorer(forest, iris.featureNames(), iris.targetNames());
    Dataset<Row> frame = LocalSpark.frame(iris.X(), iris.featureNames(), 1);
    String missing = iris.featureNames().get(2);
    var e = assertThrows(IllegalArgumentException.class,
        () -> scorer.transform(frame.drop(missing)));
    assertTrue(e.getMessage().contains("no column '" + missing + "'"), e.getMessage());
    var text = assertThrows(IllegalArgumentException.class, () -> scorer.transform(
        frame.withColumn(missing, functions.lit("a"))));
    assertTrue(text.getMessage().contains("must be numeric"), text.getMessage());
    var taken = assertThrows(IllegalArgumentException.class, () -> scorer.transform(
        frame.withColumn("prediction", functions.lit(1))));
    assertTrue(taken.getMessage().contains("already has a column 'prediction'"), taken.getMessage());
  }

  @Test
  void aModelSavedWithoutNamesNeedsItsColumns() {
    Blobs blobs = Datasets.makeBlobs().nSamples(200).centers(2).randomState(0).generate();
    KMeans kmeans = new KMeans(2).randomState(0);
    kmeans.fit(blobs.X());
    ModelScorer scorer = ModelScorer.of(bytes(kmeans, List.of(), List.of()), "kmeans");
    Dataset<Row> frame = LocalSpark.frame(blobs.X(), List.of("a", "b"), 2);
    var e = assertThrows(IllegalArgumentException.class, () -> scorer.transform(frame));
    assertTrue(e.getMessage().contains("featureColumns"), e.getMessage());
    List<Row> rows = scorer.featureColumns(List.of("a", "b")).transform(frame).orderBy("id")
        .collectAsList();
    int[] expected = kmeans.predict(blobs.X());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], rows.get(i).<Integer>getAs("prediction"));
    }
  }

  /** The rows of X scored by {@code model} on Spark, back in X's order. */
  private static List<Row> score(Estimator model, double[][] X, List<String> names,
      List<String> classNames, int partitions) {
    Dataset<Row> frame = LocalSpark.frame(X, names, partitions);
    assertEquals(partitions, frame.rdd().getNumPartitions());
    List<Row> rows = scorer(model, names, classNames).transform(frame).orderBy("id")
        .collectAsList();
    assertEquals(X.length, rows.size());
    return rows;
  }

  private static ModelScorer scorer(Estimator model, List<String> names, List<String> classNames) {
    return ModelScorer.of(bytes(model, names, classNames), model.sklearnName());
  }

  static byte[] bytes(Estimator model, List<String> names, List<String> classNames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Models.save(model, out, names, classNames);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  static int[] labels(double[] y) {
    int[] out = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = (int) y[i];
    }
    return out;
  }

  private static double[] column(List<Row> rows, String name) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i).<Double>getAs(name);
    }
    return out;
  }

  private static double[] doubles(List<Object> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Double) values.get(i);
    }
    return out;
  }
}
