package semaine.cli.tour;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import semaine.data.Blobs;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.random.RandomState;

/**
 * Day 1: what machine learning is. The three families of learning the week covers, which semaine
 * package implements each, and whether that package is in this build.
 *
 * <p>Then the data the week works on: the book's first random numbers ({@code np.random.seed(0);
 * np.random.randn(3)}), the two blobs of {@code make_blobs(50, centers=2, random_state=0)} used on
 * days 3 and 4, and the five bundled datasets with their shapes and classes.
 */
final class Day1Section implements TourSection {

  /** One family of learning and the packages that implement it, probed by one class each. */
  private record Family(
      String name, String learnsFrom, String bookExamples, Map<String, String> packages) {}

  private static final List<Family> FAMILIES = List.of(
      new Family("supervised", "labelled examples (X, y)", "linear regression, k nearest neighbours",
          Map.of("semaine.regression", "semaine.regression.LinearRegression",
              "semaine.classification", "semaine.classification.KNeighborsClassifier")),
      new Family("unsupervised", "unlabelled samples X", "k-means, local outlier factor",
          Map.of("semaine.clustering", "semaine.clustering.KMeans",
              "semaine.anomaly", "semaine.anomaly.LocalOutlierFactor")),
      new Family("reinforcement", "rewards from an environment", "maze, lunar lander",
          Map.of("semaine.rl", "semaine.rl.Env")));

  @Override
  public int day() {
    return 1;
  }

  @Override
  public String title() {
    return "Machine learning and its three families";
  }

  @Override
  public SectionResult run(TourContext context) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    int packages = 0;
    int available = 0;
    for (Family family : FAMILIES) {
      List<String> present = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (Map.Entry<String, String> p : new TreeMap<>(family.packages()).entrySet()) {
        (isPresent(p.getValue()) ? present : missing).add(p.getKey());
      }
      packages += family.packages().size();
      available += present.size();
      rows.add(List.of(family.name(), family.learnsFrom(), family.bookExamples(),
          String.join(", ", present), String.join(", ", missing)));
    }
    context.log(available + " of " + packages + " model packages are in this build");

    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("families", FAMILIES.size());
    numbers.put("model_packages", packages);
    numbers.put("model_packages_available", available);
    numbers.put("java", Runtime.version().toString());
    numbers.put("cores", Runtime.getRuntime().availableProcessors());
    RandomState rng = new RandomState(0);
    numbers.put("randn3_seed0", rng.randn(3));
    Blobs blobs = Datasets.makeBlobs().nSamples(50).centers(2).nFeatures(2).clusterStd(1.0)
        .randomState(0).generate();
    numbers.put("blobs_centers", blobs.centers());
    numbers.put("blobs_class_counts", classCounts(blobs.y(), 2));
    numbers.put("blobs_first_row", blobs.X()[0]);

    List<List<Object>> datasets = new ArrayList<>();
    for (String name : Datasets.NAMES) {
      Dataset data = Datasets.load(name);
      boolean classification = !data.targetNames().isEmpty();
      datasets.add(List.of(name, data.nSamples(), data.nFeatures(),
          classification ? String.valueOf(data.targetNames().size()) : "regression",
          classification ? countsText(classCounts(data.labels(), data.targetNames().size()))
              : "y in [" + min(data.y()) + ", " + max(data.y()) + "]"));
    }
    context.log("loaded " + datasets.size() + " bundled datasets");
    List<TourFigure> figures = new ArrayList<>(Day1Figures.draw(context, numbers, blobs));
    figures.addAll(Day1PcaFigures.draw(context, numbers));
    context.log("drew " + figures.size() + " figures");
    return SectionResult.of(numbers)
        .withTable(new Table("The bundled datasets (scikit-learn's load_*): shape and classes",
            List.of("name", "samples", "features", "classes", "samples per class"), datasets))
        .withTable(new Table(
            "The three families of machine learning and where semaine implements them",
            List.of("family", "learns from", "in the book", "in this build", "to come"), rows))
        .withFigures(figures)
        .withHtml("<p>A model learns a function from data. <em>Supervised</em> learning is given the "
            + "answers, <em>unsupervised</em> learning finds structure without them, and "
            + "<em>reinforcement</em> learning improves a behaviour from rewards.</p>");
  }

  private static int[] classCounts(int[] y, int k) {
    int[] counts = new int[k];
    for (int label : y) {
      counts[label]++;
    }
    return counts;
  }

  private static String countsText(int[] counts) {
    StringBuilder text = new StringBuilder();
    for (int count : counts) {
      text.append(text.isEmpty() ? "" : " / ").append(count);
    }
    return text.toString();
  }

  private static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** True when {@code className} is on the class path, without initialising it. */
  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, Day1Section.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
