package semaine.cli.tour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.anomaly.IsolationForest;
import semaine.anomaly.LocalOutlierFactor;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.metrics.ClassificationMetrics;
import semaine.random.RandomState;

/**
 * Day 5: anomaly detection. The book's listing ({@code np.random.seed(0); X = randn(30, 2) * 0.2}
 * plus the point [2, 0.5], {@code LocalOutlierFactor(n_neighbors=20, contamination=0.5)}), its
 * scores, the same with contamination 'auto', then how well LOF and the Isolation Forest rank the
 * malignant tumours of breast cancer as anomalies (ROC AUC), and the day's figures.
 */
final class Day5Section implements TourSection {

  @Override
  public int day() {
    return 5;
  }

  @Override
  public String title() {
    return "Anomaly detection with the Local Outlier Factor";
  }

  /** The book's 31 points. */
  static double[][] bookData() {
    double[][] cloud = new RandomState(0).randn(30, 2);
    double[][] X = new double[31][];
    for (int i = 0; i < 30; i++) {
      X[i] = new double[] {cloud[i][0] * 0.2, cloud[i][1] * 0.2};
    }
    X[30] = new double[] {2, 0.5};
    return X;
  }

  @Override
  public SectionResult run(TourContext context) throws Exception {
    double[][] X = bookData();
    var model = new LocalOutlierFactor(20).contamination(0.5);
    int[] predictions = model.fitPredict(X);
    double[] scores = model.negativeOutlierFactor();
    int[] auto = new LocalOutlierFactor(20).fitPredict(X);
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < X.length; i++) {
      rows.add(List.of(i, X[i][0], X[i][1], scores[i], predictions[i], auto[i]));
    }
    context.log("ran the book's LOF listing");

    Dataset cancer = Datasets.loadBreastCancer();
    int[] malignant = Arrays.stream(cancer.labels()).map(v -> v == 0 ? 1 : 0).toArray();
    List<List<Object>> aucs = new ArrayList<>();
    Map<String, Object> aucNumbers = new LinkedHashMap<>();
    for (int k : new int[] {5, 20, 35}) {
      double[] lof = new LocalOutlierFactor(k).fit(cancer.X()).negativeOutlierFactor();
      double auc = ClassificationMetrics.rocAucScore(malignant, negate(lof));
      aucs.add(List.of("LocalOutlierFactor(n_neighbors=" + k + ")", auc));
      aucNumbers.put("lof_k" + k, auc);
    }
    double[] forest = new IsolationForest().randomState(0).fit(cancer.X()).scoreSamples(cancer.X());
    double forestAuc = ClassificationMetrics.rocAucScore(malignant, negate(forest));
    aucs.add(List.of("IsolationForest(random_state=0)", forestAuc));
    aucNumbers.put("iforest_seed0", forestAuc);
    context.log("scored breast cancer");

    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("book_predictions", predictions);
    numbers.put("book_negative_outlier_factor", scores);
    numbers.put("book_offset", model.offset());
    numbers.put("book_outliers_contamination_0_5", count(predictions));
    numbers.put("book_outliers_auto", count(auto));
    numbers.put("breast_cancer_roc_auc", aucNumbers);
    List<TourFigure> figures = new ArrayList<>(Day5Figures.draw(context, numbers, X, predictions,
        scores));
    figures.add(Day5SvmFigures.draw(context, numbers, X));
    SectionResult result = SectionResult.of(numbers)
        .withTable(new Table("The book's listing: LocalOutlierFactor(n_neighbors=20) on 31 points",
            List.of("point", "x0", "x1", "negative_outlier_factor_", "contamination=0.5",
                "contamination='auto'"), rows))
        .withTable(new Table("Breast cancer: how well the scores rank the 212 malignant tumours "
            + "as anomalies (ROC AUC, 0.5 is chance)", List.of("model", "ROC AUC"), aucs))
        .withHtml("<p>LOF compares the density around a point with the density around its k "
            + "neighbours: about 1 inside a cluster, well above 1 for an isolated point. "
            + "negative_outlier_factor_ is −LOF, and a point is an outlier when it is below "
            + "offset_: −1.5 with contamination='auto', else the contamination percentile of the "
            + "scores (here the median, −0.996, so half the points are outliers).</p>");
    for (TourFigure figure : figures) {
      result = result.withFigure(figure.path(), figure.caption());
    }
    return result;
  }

  private static double[] negate(double[] v) {
    return Arrays.stream(v).map(x -> -x).toArray();
  }

  private static int count(int[] labels) {
    return (int) Arrays.stream(labels).filter(v -> v == -1).count();
  }
}
