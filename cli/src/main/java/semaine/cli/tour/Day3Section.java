package semaine.cli.tour;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Blobs;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.selection.TrainTestSplit;

/**
 * Day 3: classification with k nearest neighbours. The book's listing (two blobs, ten unknown
 * points drawn with {@code np.random.uniform}, {@code KNeighborsClassifier(n_neighbors=3)}), then
 * the accuracy on iris's {@code train_test_split(random_state=0)} for a few k.
 */
final class Day3Section implements TourSection {

  private static final int[] KS = {1, 3, 5, 15, 50};

  @Override
  public int day() {
    return 3;
  }

  @Override
  public String title() {
    return "Classification with k nearest neighbours";
  }

  @Override
  public SectionResult run(TourContext context) throws IOException {
    RandomState global = new RandomState(0);
    Blobs blobs = Datasets.makeBlobs().nSamples(50).centers(2).nFeatures(2).randomState(0)
        .clusterStd(1.0).generate();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : blobs.X()) {
      for (double v : row) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    double[][] unknown = global.uniform(min, max, 10, 2);
    var model = new KNeighborsClassifier(3).fit(blobs.X(), blobs.y());
    int[] predictions = model.predict(unknown);
    double[][] proba = model.predictProba(unknown);
    List<List<Object>> points = new ArrayList<>();
    for (int i = 0; i < unknown.length; i++) {
      points.add(List.of(i, unknown[i][0], unknown[i][1], predictions[i], proba[i][predictions[i]]));
    }
    context.log("predicted the book's ten unknown points");

    Dataset iris = Datasets.loadIris();
    var split = TrainTestSplit.of(iris.X(), iris.labels()).randomState(0).split();
    List<List<Object>> accuracies = new ArrayList<>();
    Map<String, Object> irisAccuracy = new LinkedHashMap<>();
    for (int k : KS) {
      double accuracy = new KNeighborsClassifier(k).fit(split.XTrain(), split.yTrain())
          .score(split.XTest(), split.yTest());
      accuracies.add(List.of(k, accuracy));
      irisAccuracy.put("k" + k, accuracy);
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("book_predictions", predictions);
    numbers.put("book_X_new", unknown);
    numbers.put("iris_accuracy", irisAccuracy);
    List<TourFigure> figures = new ArrayList<>(Day3Figures.draw(context, blobs, unknown,
        predictions));
    figures.addAll(Day3BeyondFigures.draw(context, numbers, blobs));
    figures.addAll(Day3SelectionFigures.draw(context, numbers));
    context.log("drew " + figures.size() + " figures");
    return SectionResult.of(numbers)
        .withTable(new Table("The book's listing: ten unknown points and their predicted class "
            + "(k = 3)", List.of("point", "x0", "x1", "class", "share of the 3 votes"), points))
        .withTable(new Table("Accuracy on iris (train_test_split, random_state=0) for several k",
            List.of("k", "accuracy"), accuracies))
        .withFigures(figures)
        .withHtml("<p>A point takes the class most common among its k nearest training points. "
            + "Small k follows every outlier; large k smooths the boundary until it ignores the "
            + "data.</p>"
            + "<p>Beyond k-NN: logistic regression turns a linear score into a probability "
            + "with the sigmoid; a support vector machine keeps the widest margin between the "
            + "classes, set by a few support vectors, and bends it with a kernel; a tree asks "
            + "one question per node and a forest averages many trees.</p>"
            + "<p>Choosing k: cross-validation scores each k on data the model did not see; "
            + "GridSearchCV does it for every combination of settings. And k-NN compares "
            + "distances, so features must share a scale first.</p>");
  }
}
