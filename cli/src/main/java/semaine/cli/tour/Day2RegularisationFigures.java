package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.linspace;
import static semaine.cli.tour.TourPlots.save;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import semaine.base.Regressor;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.preprocessing.PolynomialFeatures;
import semaine.random.RandomState;
import semaine.regression.Lasso;
import semaine.regression.LinearRegression;
import semaine.regression.Ridge;

/**
 * Day 2, regularisation: the coefficients of ridge and lasso on diabetes as alpha grows (the
 * regularisation paths: ridge shrinks every coefficient smoothly, lasso sets them to zero one by
 * one), and polynomials of degree 1, 3 and 9 fitted to 15 noisy points of a sine, by least
 * squares and by ridge (alpha = 1e-3): degree 9 alone passes through the noise, ridge tames it.
 */
final class Day2RegularisationFigures {

  /** log10 of the alphas of the paths: ridge from 1e-4 to 1e3, lasso from 1e-3 to 10. */
  static final double[] RIDGE_LOG_ALPHAS = linspace(-4, 3, 36);
  static final double[] LASSO_LOG_ALPHAS = linspace(-3, 1, 36);

  /** The degrees of the polynomial fits and ridge's alpha in the second row. */
  static final int[] DEGREES = {1, 3, 9};
  static final double POLY_RIDGE_ALPHA = 1e-3;

  private Day2RegularisationFigures() {}

  static List<TourFigure> draw(TourContext context, Map<String, Object> numbers)
      throws IOException {
    Dataset diabetes = Datasets.loadDiabetes();
    double[][] ridge = path(RIDGE_LOG_ALPHAS, a -> new Ridge(a), diabetes);
    double[][] lasso = path(LASSO_LOG_ALPHAS, a -> new Lasso(a), diabetes);
    int[] nonzero = Arrays.stream(lasso).mapToInt(Day2RegularisationFigures::nonzero).toArray();
    numbers.put("lasso_path_nonzero_coefs", nonzero);
    List<TourFigure> figures = new ArrayList<>();
    figures.add(save(context, paths(diabetes, ridge, lasso), "day2-regularisation-paths.png",
        String.format(Locale.ROOT, "The ten coefficients of ridge (left) and lasso (right) on "
            + "diabetes as the penalty alpha grows (log scale). Ridge shrinks them all smoothly "
            + "towards 0; lasso drops them one by one, from %d non-zero at alpha = 1e-3 to %d "
            + "at alpha = 10: it selects features.", nonzero[0], nonzero[nonzero.length - 1])));
    Sine sine = Sine.draw(new RandomState(0));
    figures.add(save(context, polynomials(sine, numbers), "day2-polynomial-fits.png",
        "Polynomials of degree 1, 3 and 9 fitted to 15 noisy points of sin(2πx) (dashed). Top, "
            + "least squares: degree 1 underfits, degree 9 bends to follow the noise and "
            + "swings far off where there are no points (overfitting). Bottom, the same with ridge (alpha = 1e-3): "
            + "the penalty on large coefficients keeps degree 9 close to the sine."));
    return figures;
  }

  /** Fifteen points x ~ U(0, 1), y = sin(2πx) + N(0, 0.2), from {@code rng}. */
  record Sine(double[] x, double[] y) {
    static Sine draw(RandomState rng) {
      double[] x = rng.uniform(0, 1, 15);
      double[] noise = rng.normal(0, 0.2, 15);
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = Math.sin(2 * Math.PI * x[i]) + noise[i];
      }
      return new Sine(x, y);
    }
  }

  /** Row i: the coefficients fitted at alpha = 10^logAlphas[i]. */
  static double[][] path(double[] logAlphas, DoubleFunction<Regressor> model, Dataset data) {
    double[][] coefs = new double[logAlphas.length][];
    for (int i = 0; i < logAlphas.length; i++) {
      Regressor fitted = model.apply(Math.pow(10, logAlphas[i])).fit(data.X(), data.y());
      coefs[i] = fitted instanceof Ridge r ? r.coef() : ((Lasso) fitted).coef();
    }
    return coefs;
  }

  private static Figure paths(Dataset diabetes, double[][] ridge, double[][] lasso) {
    Figure fig = Figure.create(1200, 480);
    Axes[][] grid = fig.subplots(1, 2);
    pathPanel(grid[0][0], diabetes, RIDGE_LOG_ALPHAS, ridge);
    grid[0][0].title("Ridge: coefficients against alpha").ylabel("coefficient");
    pathPanel(grid[0][1], diabetes, LASSO_LOG_ALPHAS, lasso);
    grid[0][1].title("Lasso: coefficients against alpha").legend("upper right");
    return fig;
  }

  private static void pathPanel(Axes ax, Dataset data, double[] logAlphas, double[][] coefs) {
    for (int j = 0; j < coefs[0].length; j++) {
      ax.plot(logAlphas, TourPlots.column(coefs, j)).label(data.featureNames().get(j));
    }
    ax.axhline(0).color("k").linewidth(0.8);
    ax.xlabel("log10(alpha)");
  }

  /** Degree d by least squares (row 0) and by ridge (row 1). */
  private static Figure polynomials(Sine sine, Map<String, Object> numbers) {
    double[] xs = linspace(0, 1, 200);
    double[] truth = Arrays.stream(xs).map(v -> Math.sin(2 * Math.PI * v)).toArray();
    Figure fig = Figure.create(1200, 720);
    Axes[][] grid = fig.subplots(2, DEGREES.length);
    double[][] norms = new double[2][DEGREES.length];
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < DEGREES.length; c++) {
        Fit fit = fitPolynomial(sine, DEGREES[c], r == 1, xs);
        norms[r][c] = fit.coefNorm();
        Axes ax = grid[r][c];
        ax.plot(xs, truth, "k--").label("sin(2πx)");
        ax.plot(xs, fit.curve()).color("tab:red").linewidth(2).label("fit");
        ax.scatter(sine.x(), sine.y()).color("tab:blue").edgecolor("k").s(25);
        ax.ylim(-2, 2).xlim(0, 1);
        ax.title("degree " + DEGREES[c] + (r == 0 ? ", least squares"
            : ", ridge alpha = 1e-3"));
      }
    }
    grid[0][0].ylabel("y").legend("lower left");
    grid[1][0].ylabel("y");
    numbers.put("poly_coef_norm_least_squares", norms[0]);
    numbers.put("poly_coef_norm_ridge", norms[1]);
    return fig;
  }

  /** A fitted polynomial evaluated at the plotted xs, and its coefficients' Euclidean norm. */
  record Fit(double[] curve, double coefNorm) {}

  /** The degree-{@code degree} polynomial fitted to the points, evaluated at {@code xs}. */
  static Fit fitPolynomial(Sine sine, int degree, boolean ridge, double[] xs) {
    var features = new PolynomialFeatures(degree).includeBias(false);
    double[][] X = features.fitTransform(column(sine.x()));
    double[][] grid = features.transform(column(xs));
    double[] coef;
    double[] fit;
    if (ridge) {
      Ridge model = new Ridge(POLY_RIDGE_ALPHA).fit(X, sine.y());
      coef = model.coef();
      fit = model.predict(grid);
    } else {
      LinearRegression model = new LinearRegression().fit(X, sine.y());
      coef = model.coef();
      fit = model.predict(grid);
    }
    return new Fit(fit, Math.sqrt(Arrays.stream(coef).map(v -> v * v).sum()));
  }

  private static double[][] column(double[] x) {
    return Arrays.stream(x).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
  }

  private static int nonzero(double[] coef) {
    return (int) Arrays.stream(coef).filter(v -> v != 0).count();
  }
}
