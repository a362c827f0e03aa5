package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.column;
import static semaine.cli.tour.TourPlots.save;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.data.LabeledSamples;
import semaine.pipeline.Pipeline;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.preprocessing.StandardScaler;
import semaine.selection.CrossValidation;
import semaine.selection.GridSearchCV;
import semaine.selection.StratifiedKFold;
import semaine.tree.Tree;

/**
 * Day 3, choosing k: the validation curve of k-NN on noisy moons (training and 5-fold
 * cross-validated accuracy against k, computed with {@code crossValScore} as scikit-learn's
 * {@code validation_curve} does), the {@code GridSearchCV} heat map of {@code n_neighbors} x
 * {@code weights}, and wine's lesson that distances need scaling (k-NN with and without
 * {@code StandardScaler}, cross-validated).
 */
final class Day3SelectionFigures {

  /** The k of the validation curve. */
  static final int[] KS = {1, 3, 5, 7, 11, 15, 21, 31, 45, 61, 81, 101, 121};

  /** The grid's n_neighbors values. */
  static final List<Integer> GRID_KS = List.of(1, 3, 5, 9, 15, 25, 50, 100);

  private Day3SelectionFigures() {}

  /** 300 moons with noise 0.3 (random_state=0): enough overlap for k to matter. */
  static LabeledSamples moons() {
    return Datasets.makeMoons().nSamples(300).noise(0.3).randomState(0).generate();
  }

  static List<TourFigure> draw(TourContext context, Map<String, Object> numbers)
      throws IOException {
    LabeledSamples moons = moons();
    List<TourFigure> figures = new ArrayList<>();
    double[][] curve = validationCurve(moons);
    int best = KS[Tree.argmax(curve[1])];
    numbers.put("validation_curve_best_k", best);
    figures.add(save(context, curveFigure(curve), "day3-validation-curve.png",
        String.format(Locale.ROOT, "The validation curve of k on 300 noisy moons: accuracy on "
            + "the training folds (blue) and on the held-out folds (orange, 5-fold stratified "
            + "cross-validation). k = 1 is perfect on the training data and worse on new data "
            + "(overfitting); large k loses both (underfitting). Best held-out accuracy at "
            + "k = %d.", best)));
    GridSearchCV search = new GridSearchCV(new KNeighborsClassifier(),
        Map.of("n_neighbors", GRID_KS, "weights", List.of("uniform", "distance"))).cv(5)
        .fit(moons.X(), moons.y());
    numbers.put("grid_best_params", search.bestParams().toString());
    numbers.put("grid_best_score", search.bestScore());
    figures.add(save(context, heatMap(search), "day3-grid-search.png",
        String.format(Locale.ROOT, "GridSearchCV(KNeighborsClassifier(), {n_neighbors: %s, "
            + "weights: [uniform, distance]}, cv=5) on the same moons: the mean held-out "
            + "accuracy of each of the 16 settings. Best: %s, %.3f.", GRID_KS,
            search.bestParams(), search.bestScore())));
    Dataset wine = Datasets.loadWine();
    double raw = mean(CrossValidation.crossValScore(() -> new KNeighborsClassifier(5), wine.X(),
        wine.labels(), new StratifiedKFold(5)));
    double scaled = mean(CrossValidation.crossValScore(
        () -> Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier(5)), wine.X(),
        wine.labels(), new StratifiedKFold(5)));
    numbers.put("wine_knn_accuracy_unscaled", raw);
    numbers.put("wine_knn_accuracy_scaled", scaled);
    figures.add(save(context, scaling(wine, raw, scaled), "day3-wine-scaling.png",
        String.format(Locale.ROOT, "Distances need scaling. Left: two of wine's 13 features; "
            + "proline runs to 1,680 while alcohol stays between 11 and 15, so proline decides "
            + "every distance. Right: 5-fold accuracy of k-NN (k = 5), %.2f on the raw features "
            + "and %.2f after StandardScaler (in a pipeline, fitted on each training fold).",
            raw, scaled)));
    return figures;
  }

  /**
   * Row 0: mean training accuracy for each k in {@link #KS}; row 1: mean held-out accuracy,
   * over the folds of {@code StratifiedKFold(5)}.
   */
  static double[][] validationCurve(LabeledSamples data) {
    double[][] curve = new double[2][KS.length];
    var folds = new StratifiedKFold(5).split(data.y());
    for (int i = 0; i < KS.length; i++) {
      int k = KS[i];
      double train = 0;
      for (var fold : folds) {
        double[][] X = TourPlots.take(data.X(), fold.train());
        int[] y = Arrays.stream(fold.train()).map(j -> data.y()[j]).toArray();
        train += new KNeighborsClassifier(k).fit(X, y).score(X, y) / folds.size();
      }
      curve[0][i] = train;
      curve[1][i] = mean(CrossValidation.crossValScore(() -> new KNeighborsClassifier(k),
          data.X(), data.y(), new StratifiedKFold(5)));
    }
    return curve;
  }

  private static Figure curveFigure(double[][] curve) {
    double[] ks = Arrays.stream(KS).asDoubleStream().toArray();
    Figure fig = Figure.create(640, 440);
    Axes ax = fig.axes();
    ax.plot(ks, curve[0], "o-").label("training accuracy");
    ax.plot(ks, curve[1], "o-").label("cross-validated accuracy");
    ax.title("Validation curve of k-NN on noisy moons").xlabel("k (n_neighbors)")
        .ylabel("accuracy").legend("upper right");
    return fig;
  }

  private static Figure heatMap(GridSearchCV search) {
    Map<String, Object> results = search.cvResults();
    double[] scores = (double[]) results.get("mean_test_score");
    Object[] ks = (Object[]) results.get("param_n_neighbors");
    Object[] weights = (Object[]) results.get("param_weights");
    double[][] Z = new double[GRID_KS.size()][2];
    for (int c = 0; c < scores.length; c++) {
      Z[GRID_KS.indexOf((Integer) ks[c])]["uniform".equals(weights[c]) ? 0 : 1] = scores[c];
    }
    Figure fig = Figure.create(640, 560);
    Axes ax = fig.axes();
    ax.imshow(Z).cmap("viridis").values(true);
    for (int r = 0; r < GRID_KS.size(); r++) {
      ax.text(-0.45, r - 0.25, "k = " + GRID_KS.get(r)).fontsize(8).color("w");
    }
    ax.title("GridSearchCV: mean accuracy over 5 folds")
        .xlabel("weights (column 0: uniform, 1: distance)").ylabel("n_neighbors (row)");
    return fig;
  }

  private static Figure scaling(Dataset wine, double raw, double scaled) {
    int alcohol = wine.featureNames().indexOf("alcohol");
    int proline = wine.featureNames().indexOf("proline");
    Figure fig = Figure.create(1100, 440);
    Axes[][] grid = fig.subplots(1, 2);
    Axes left = grid[0][0];
    left.scatter(column(wine.X(), proline), column(wine.X(), alcohol)).c(wine.labels())
        .cmap("tab10").clim(0, 9).s(14);
    left.title("Wine: two features on different scales").xlabel("proline")
        .ylabel("alcohol");
    Axes right = grid[0][1];
    right.bar(new String[] {"raw features", "StandardScaler"}, new double[] {raw, scaled})
        .color("tab:green");
    right.ylim(0, 1).title("k-NN (k = 5), 5-fold accuracy on wine").ylabel("accuracy");
    return fig;
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }
}
