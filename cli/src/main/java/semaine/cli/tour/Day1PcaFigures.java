package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.column;
import static semaine.cli.tour.TourPlots.save;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.decomposition.PCA;
import semaine.plot.Axes;
import semaine.plot.Figure;

/**
 * Day 1, unsupervised learning at a glance: the 1,797 handwritten digits (64 pixels each) projected
 * on their first two principal components and coloured by the digit they show, which PCA never
 * saw; and the scree plot, the share of the variance each component explains and its running
 * total.
 */
final class Day1PcaFigures {

  /** Components shown in the scree plot. */
  static final int SCREE = 20;

  private Day1PcaFigures() {}

  static List<TourFigure> draw(TourContext context, Map<String, Object> numbers)
      throws IOException {
    Dataset digits = Datasets.loadDigits();
    PCA pca = new PCA().fit(digits.X());
    double[][] projected = pca.transform(digits.X());
    double[] ratio = pca.explainedVarianceRatio();
    double firstTwo = ratio[0] + ratio[1];
    int for90 = componentsFor(ratio, 0.9);
    numbers.put("digits_pca_first_two_variance", firstTwo);
    numbers.put("digits_pca_components_for_90_percent", for90);
    TourFigure map = save(context, digitsMap(projected, digits.labels()), "day1-digits-pca.png",
        String.format(Locale.ROOT, "Unsupervised: the 1,797 digits of load_digits (8 x 8 "
            + "pixels, 64 numbers each) seen along their first two principal components, "
            + "which keep %.0f %% of the variance. PCA never saw the labels, yet most digits "
            + "gather by colour (the digit shown).", 100 * firstTwo));
    TourFigure scree = save(context, scree(ratio), "day1-digits-scree.png",
        String.format(Locale.ROOT, "The scree plot of the same PCA: each component's share of "
            + "the variance (bars) and the running total (line). %d of the 64 components keep "
            + "90 %% of it.", for90));
    return List.of(map, scree);
  }

  /** The fewest leading components whose shares add up to at least {@code share}. */
  static int componentsFor(double[] ratio, double share) {
    double total = 0;
    for (int k = 0; k < ratio.length; k++) {
      total += ratio[k];
      if (total >= share) {
        return k + 1;
      }
    }
    return ratio.length;
  }

  static Figure digitsMap(double[][] projected, int[] labels) {
    Figure fig = Figure.create(640, 560);
    Axes ax = fig.axes();
    for (int digit = 0; digit < 10; digit++) {
      double[][] rows = TourPlots.rows(projected, labels, digit);
      ax.scatter(column(rows, 0), column(rows, 1)).color("C" + digit).s(8).alpha(0.7)
          .label(String.valueOf(digit));
    }
    ax.title("The digits on their first two principal components").xlabel("component 1")
        .ylabel("component 2").legend("upper right");
    return fig;
  }

  private static Figure scree(double[] ratio) {
    double[] x = new double[SCREE];
    double[] share = new double[SCREE];
    double[] cumulative = new double[SCREE];
    double total = 0;
    for (int k = 0; k < SCREE; k++) {
      x[k] = k + 1;
      share[k] = ratio[k];
      total += ratio[k];
      cumulative[k] = total;
    }
    Figure fig = Figure.create(640, 420);
    Axes ax = fig.axes();
    ax.bar(x, share).color("tab:blue").label("explained_variance_ratio_");
    ax.plot(x, cumulative, "o-").color("tab:orange").label("running total");
    ax.axhline(0.9).color("grey").linestyle("--").label("90 %");
    ax.ylim(0, 1.02).title("Scree plot: variance explained by each component")
        .xlabel("component").ylabel("share of the variance").legend("center right");
    return fig;
  }
}
