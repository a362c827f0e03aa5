package semaine.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.pipeline.Step.step;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.classification.KNeighborsClassifier;
import semaine.clustering.KMeans;
import semaine.data.Datasets;
import semaine.preprocessing.StandardScaler;
import semaine.regression.KNeighborsRegressor;

class PipelineTest {

  private static final double[][] X = Datasets.loadWine().X();
  private static final int[] y = Datasets.loadWine().labels();

  @Test
  void fitsEachStepOnThePreviousOutputAndPredictsThroughThem() {
    var pipe = Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier(5)).fit(X, y);
    double[][] Z = new StandardScaler().fitTransform(X);
    var knn = new KNeighborsClassifier(5).fit(Z, y);
    assertArrayEquals(knn.predict(Z), pipe.predict(X));
    assertArrayEquals(knn.predictProba(Z), pipe.predictProba(X));
    assertArrayEquals(knn.classes(), pipe.classes());
    assertEquals(13, pipe.nFeaturesIn());
    assertEquals(knn.score(Z, y), pipe.score(X, y));
  }

  @Test
  void makePipelineTakesTheLastStepsRoleAndNamesStepsAfterTheirClasses() {
    assertInstanceOf(ClassifierPipeline.class,
        Pipeline.makePipeline(new StandardScaler(), new KNeighborsClassifier()));
    assertInstanceOf(RegressorPipeline.class,
        Pipeline.makePipeline(new StandardScaler(), new KNeighborsRegressor()));
    assertInstanceOf(ClustererPipeline.class,
        Pipeline.makePipeline(new StandardScaler(), new KMeans(3)));
    var pipe = Pipeline.makePipeline(new StandardScaler(), new StandardScaler());
    assertInstanceOf(TransformerPipeline.class, pipe);
    assertEquals(List.of("standardscaler-1", "standardscaler-2"),
        List.copyOf(pipe.namedSteps().keySet()));
  }

  @Test
  void stepParametersAreThePipelinesAsStepDoubleUnderscoreParam() {
    var pipe = Pipeline.classifier(step("scaler", new StandardScaler()),
        step("knn", new KNeighborsClassifier(5)));
    assertEquals(List.of("steps", "verbose"), pipe.paramNames());
    var params = pipe.getParams();
    assertTrue(params.keySet().containsAll(List.of("steps", "verbose", "scaler", "knn",
        "scaler__with_mean", "knn__n_neighbors", "knn__weights")), params.keySet().toString());
    pipe.setParam("knn__n_neighbors", "9").setParam("scaler__with_std", false);
    assertEquals(9, pipe.getParam("knn__n_neighbors"));
    assertEquals(9, ((KNeighborsClassifier) pipe.namedSteps().get("knn")).getParam("n_neighbors"));
    var other = new KNeighborsClassifier(1);
    pipe.setParam("knn", other);
    assertSame(other, pipe.getParam("knn"));
    assertEquals(List.of("scaler", "knn"), List.copyOf(pipe.namedSteps().keySet()));
    var e = assertThrows(IllegalArgumentException.class, () -> pipe.setParam("knn__k", 3));
    assertTrue(e.getMessage().contains("n_neighbors"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> pipe.setParam("pca__n_components", 3));
    assertTrue(e.getMessage().contains("steps, verbose, scaler, knn"), e.getMessage());
  }

  @Test
  void cloneCopiesTheStepsUnfitted() {
    var pipe = Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier(5)).fit(X, y);
    var copy = pipe.clone();
    assertFalse(copy.isFitted());
    assertNotSame(pipe.steps().get(0).estimator(), copy.steps().get(0).estimator());
    assertFalse(copy.steps().get(1).estimator().isFitted());
    copy.setParam("kneighborsclassifier__n_neighbors", 2);
    assertEquals(5, pipe.getParam("kneighborsclassifier__n_neighbors"));
  }

  @Test
  void aModelFileKeepsTheWholeChain(@TempDir Path dir) {
    var pipe = Pipeline.classifier(step("scale", new StandardScaler().withMean(false)),
        step("knn", new KNeighborsClassifier(7).weights("distance"))).fit(X, y);
    Path file = dir.resolve("pipe.semaine");
    Models.save(pipe, file);
    var loaded = Models.load(file, ClassifierPipeline.class);
    assertEquals(List.of("scale", "knn"), List.copyOf(loaded.namedSteps().keySet()));
    assertEquals(false, loaded.getParam("scale__with_mean"));
    assertEquals("distance", loaded.getParam("knn__weights"));
    assertArrayEquals(pipe.predictProba(X), loaded.predictProba(X));
    assertArrayEquals(pipe.predict(X), loaded.predict(X));
    assertTrue(loaded.attributes().containsKey("steps.0.scale_"), loaded.attributes().keySet()
        .toString());
    assertTrue(loaded.attributes().containsKey("steps.1.classes_"));
    assertFalse(loaded.attributes().keySet().stream().anyMatch(n -> n.contains("_class")));
  }

  @Test
  void aNestedPipelineIsSavedToo(@TempDir Path dir) {
    var inner = Pipeline.transformer(new StandardScaler());
    var pipe = Pipeline.classifier(step("prep", inner), step("knn", new KNeighborsClassifier(3)))
        .fit(X, y);
    assertEquals(3, pipe.getParam("knn__n_neighbors"));
    assertEquals(true, pipe.getParam("prep__standardscaler__with_std"));
    Path file = dir.resolve("nested.semaine");
    Models.save(pipe, file);
    var loaded = Models.load(file, ClassifierPipeline.class);
    assertInstanceOf(TransformerPipeline.class, loaded.getParam("prep"));
    assertArrayEquals(pipe.predict(X), loaded.predict(X));
  }

  @Test
  void badStepsAreRefusedNamingTheStep() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> step("my__scaler", new StandardScaler()));
    assertEquals("step name (\"my__scaler\") must not contain \"__\": it separates a part's name"
        + " from its parameters (step__param)", e.getMessage());
    var twice = Pipeline.classifier(step("a", new StandardScaler()),
        step("a", new KNeighborsClassifier()));
    e = assertThrows(IllegalArgumentException.class, () -> twice.fit(X, y));
    assertTrue(e.getMessage().contains("\"a\" names two parts"), e.getMessage());
    var clash = Pipeline.classifier(step("verbose", new StandardScaler()),
        step("knn", new KNeighborsClassifier()));
    e = assertThrows(IllegalArgumentException.class, () -> clash.fit(X, y));
    assertTrue(e.getMessage().contains("conflicts with its parameter"), e.getMessage());
    var middle = Pipeline.classifier(new KNeighborsClassifier(), new KNeighborsClassifier());
    e = assertThrows(IllegalArgumentException.class, () -> middle.fit(X, y));
    assertTrue(e.getMessage().startsWith("step kneighborsclassifier-1 (KNeighborsClassifier) must"
        + " be a transformer"), e.getMessage());
    var wrongLast = new ClassifierPipeline(List.of(step("r", new KNeighborsRegressor())));
    e = assertThrows(IllegalArgumentException.class, () -> wrongLast.fit(X, y));
    assertEquals("the last step r (KNeighborsRegressor) must be a classifier: this is a"
        + " ClassifierPipeline", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ClassifierPipeline().fit(X, y));
    assertTrue(e.getMessage().startsWith("steps ([]) must be a non-empty list"), e.getMessage());
    var pipe = Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier());
    assertThrows(IllegalStateException.class, () -> pipe.predict(X));
    e = assertThrows(IllegalArgumentException.class, () -> pipe.setParam("standardscaler", 3));
    assertTrue(e.getMessage().startsWith("standardscaler (3) must be an estimator"));
  }
}
