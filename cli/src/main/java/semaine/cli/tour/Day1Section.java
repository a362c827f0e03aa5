package semaine.cli.tour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Day 1: what machine learning is. The three families of learning the week covers, which semaine
 * package implements each, and whether that package is in this build.
 *
 * <p>The data of day 1 (the generated and bundled datasets: shapes, class counts, a scatter plot of
 * {@code make_blobs}) belongs here too, as numbers, a table and a figure, once {@code semaine.data}
 * exists.
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
  public SectionResult run(TourContext context) {
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
    return SectionResult.of(numbers)
        .withTable(new Table(
            "The three families of machine learning and where semaine implements them",
            List.of("family", "learns from", "in the book", "in this build", "to come"), rows))
        .withHtml("<p>A model learns a function from data. <em>Supervised</em> learning is given the "
            + "answers, <em>unsupervised</em> learning finds structure without them, and "
            + "<em>reinforcement</em> learning improves a behaviour from rewards.</p>");
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
