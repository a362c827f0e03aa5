package semaine.cli.tour;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import semaine.classification.MLPClassifier;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.nn.Losses;
import semaine.nn.MultiLayerPerceptron;
import semaine.nn.Tensor;
import semaine.preprocessing.StandardScaler;
import semaine.random.RandomState;
import semaine.regression.MLPRegressor;
import semaine.selection.TrainTestSplit;

/**
 * Day 7: neural networks. The book's house-price network (surface, rooms, age, distance to the
 * centre → price; {@code MLPRegressor(16, 8)} on data drawn from {@code RandomState(0)}), how a
 * network learns (activations, back-propagation), {@code MLPClassifier(64)} on digits with its
 * loss curve and mistakes, an autoencoder whose reconstruction error flags anomalies, and text
 * generation with a small GPT-2 ({@link Day7Generation}).
 */
final class Day7Section implements TourSection {

  /** Houses in the toy price data. */
  private static final int HOUSES = 400;

  @Override
  public int day() {
    return 7;
  }

  @Override
  public String title() {
    return "Neural networks and text generation";
  }

  @Override
  public SectionResult run(TourContext context) throws IOException {
    Map<String, Object> numbers = new LinkedHashMap<>();
    List<TourFigure> figures = new ArrayList<>();

    double[][] houses = houses(new RandomState(0));
    double[][] X = Arrays.stream(houses).map(r -> Arrays.copyOf(r, 4)).toArray(double[][]::new);
    double[] price = Arrays.stream(houses).mapToDouble(r -> r[4]).toArray();
    var split = TrainTestSplit.of(X, price).randomState(0).split();
    var scaler = new StandardScaler().fit(split.XTrain());
    var regressor = new MLPRegressor(16, 8).learningRateInit(0.01).maxIter(300).randomState(0)
        .fit(scaler.transform(split.XTrain()), split.yTrain());
    double r2 = regressor.score(scaler.transform(split.XTest()), split.yTest());
    numbers.put("houses_test_r2", r2);
    context.log("house prices: test R² " + String.format(Locale.ROOT, "%.4f", r2));
    figures.add(Day7Diagrams.save(context, Day7Diagrams.network(900, 600,
        new String[] {"surface (m²)", "rooms", "age (years)", "distance (km)"}, new int[] {16, 8},
        "price", weights(regressor.network())), "day7-network.png",
        "The house-price network after training: 4 inputs (surface, rooms, age, distance to the "
            + "centre), two hidden layers of 16 and 8 neurons, one output, the price. Each line "
            + "is a weight, blue when positive and red when negative, thicker when larger. "
            + "Its test R² is " + String.format(Locale.ROOT, "%.3f", r2) + "."));

    figures.add(TourPlots.save(context, Day7Figures.activations(), "day7-activations.png",
        "Activation functions, applied by each neuron to its weighted sum z. Without them a "
            + "stack of layers would still be one linear function. ReLU passes positive z and "
            + "stops the rest; sigmoid squeezes z into (0, 1), tanh into (-1, 1); GELU, used in "
            + "transformers, is a smooth ReLU."));

    figures.add(Day7Diagrams.save(context, Day7Diagrams.chain(1200, 320,
        "forward (black), with w = 0.8 and b = 0.4: each box computes its output from its input",
        new Day7Diagrams.Step[] {
        new Day7Diagrams.Step("z = w·x + b", "∂z/∂w = x = 2"),
        new Day7Diagrams.Step("a = ReLU(z)", "∂a/∂z = 1 (z > 0)"),
        new Day7Diagrams.Step("L = (a − 3)²", "∂L/∂a = 2(a − 3)")},
        new String[] {"x = 2", "z = 2", "a = 2", "L = 1"},
        new String[] {"∂L/∂w = −2 × 2 = −4", "∂L/∂z = −2 × 1 = −2", "∂L/∂a = −2", "∂L/∂L = 1"}),
        "day7-backprop.png",
        "Back-propagation on one neuron: the forward pass (black) computes z, a and the loss L; "
            + "the backward pass (red) sends the gradient from L back to w, each box multiplying "
            + "it by its local derivative (the chain rule). Think of each box as a valve: ReLU is "
            + "open (×1) when z > 0 and closed (×0) otherwise, so no gradient, and no learning, "
            + "flows through a neuron that is off. Here ∂L/∂w = −4: raising w lowers the loss."));

    Dataset digits = Datasets.loadDigits();
    var digitSplit = TrainTestSplit.of(digits.X(), digits.labels()).randomState(0).split();
    var digitScaler = new StandardScaler().fit(digitSplit.XTrain());
    var classifier = new MLPClassifier(64).batchSize(32).maxIter(30).randomState(0)
        .fit(digitScaler.transform(digitSplit.XTrain()), digitSplit.yTrain());
    double[][] testX = digitScaler.transform(digitSplit.XTest());
    int[] predicted = classifier.predict(testX);
    double accuracy = classifier.score(testX, digitSplit.yTest());
    numbers.put("digits_test_accuracy", accuracy);
    numbers.put("digits_loss_curve", classifier.lossCurve());
    context.log("digits: test accuracy " + String.format(Locale.ROOT, "%.4f", accuracy));
    figures.add(TourPlots.save(context, Day7Figures.lossCurve(classifier.lossCurve(),
        "MLPClassifier(64) on digits: the loss per epoch"), "day7-loss-curve.png",
        "The training loss of MLPClassifier(64) on the 1347 training digits (Adam, batches of "
            + "32): it falls fast in the first epochs, then slowly as the network fits the last "
            + "hard examples. Test accuracy: " + String.format(Locale.ROOT, "%.1f %%",
            100 * accuracy) + "."));
    List<double[]> wrong = new ArrayList<>();
    List<String> wrongLabels = new ArrayList<>();
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] != digitSplit.yTest()[i]) {
        wrong.add(scaled(digitSplit.XTest()[i]));
        wrongLabels.add("true " + digitSplit.yTest()[i] + ", said " + predicted[i]);
      }
    }
    numbers.put("digits_misclassified", wrong.size());
    int shown = Math.min(12, wrong.size());
    figures.add(Day7Diagrams.save(context, Day7Diagrams.digits(
        wrong.subList(0, shown).toArray(double[][]::new),
        wrongLabels.subList(0, shown).toArray(String[]::new), 6, "Misclassified test digits"),
        "day7-misclassified.png",
        (wrong.size() > 12 ? "The first 12 of the " : "The ") + wrong.size() + " test digits (of "
            + predicted.length + ") the network got wrong, with the true digit and the "
            + "network's answer. At 8×8 pixels several are "
            + "hard to read for a person too."));

    Autoencoder.Report anomalies = Autoencoder.run(digitSplit.XTrain(), digitSplit.XTest());
    numbers.put("autoencoder_threshold", anomalies.threshold());
    numbers.put("autoencoder_flagged_normal", anomalies.flaggedNormal());
    numbers.put("autoencoder_flagged_anomalies", anomalies.flaggedAnomalies());
    figures.add(TourPlots.save(context, Day7Figures.errorHistogram(anomalies.normalErrors(),
        anomalies.anomalyErrors(), anomalies.threshold()), "day7-autoencoder-errors.png",
        "An autoencoder (64 → 32 → 8 → 32 → 64) learns to copy training digits through an "
            + "8-number bottleneck. Digits like those it saw come back close to the original "
            + "(small error, blue); the same digits rotated by 90° do not (orange). The "
            + "threshold, the 99th percentile of the training errors, flags "
            + anomalies.flaggedAnomalies() + " of " + anomalies.anomalyErrors().length
            + " rotated digits and " + anomalies.flaggedNormal() + " of "
            + anomalies.normalErrors().length + " normal test digits."));
    figures.add(Day7Diagrams.save(context, Day7Diagrams.digits(anomalies.topImages(),
        anomalies.topLabels(), 6, "The normal test digits the autoencoder reconstructs worst"),
        "day7-autoencoder-top.png",
        "Among the 450 ordinary test digits, the 12 with the largest reconstruction error, "
            + "marked 'flagged' above the threshold: thick, thin, slanted or cut-off strokes, "
            + "the digits that look least like the training set. (Every rotated digit scores "
            + "higher than all of them.)"));
    Day7Generation.Part generation = Day7Generation.run(context, numbers);
    figures.addAll(generation.figures());
    context.log("drew " + figures.size() + " figures");
    return SectionResult.of(numbers)
        .withTable(new Table("Neural networks in this section", List.of("model", "data",
            "test score"), List.of(
            List.of("MLPRegressor(16, 8)", "house prices (R²)", r2),
            List.of("MLPClassifier(64)", "digits (accuracy)", accuracy))))
        .withTable(generation.continuations())
        .withFigures(figures)
        .withHtml("<p>A neuron computes a weighted sum of its inputs and passes it through an "
            + "activation; layers of neurons, trained by gradient descent with gradients from "
            + "back-propagation, fit curved relations that a linear model cannot. A transformer "
            + "such as GPT-2 is such a network over tokens: it reads the text so far and gives "
            + "the probability of every possible next token; generating text is drawing one, "
            + "appending it, and starting again.</p>");
  }

  /**
   * Toy house data, one row per house: surface (m², uniform 30–200), rooms (surface / 25,
   * rounded), age (years, 0–60), distance to the centre (km, 0–20), price (100 k€) with noise.
   */
  static double[][] houses(RandomState random) {
    double[] surface = random.uniform(30, 200, HOUSES);
    double[] age = random.uniform(0, 60, HOUSES);
    double[] distance = random.uniform(0, 20, HOUSES);
    double[] noise = random.randn(HOUSES);
    double[][] rows = new double[HOUSES][];
    for (int i = 0; i < HOUSES; i++) {
      double rooms = Math.max(1, Math.round(surface[i] / 25));
      double price = 0.03 * surface[i] + 0.1 * rooms - 0.01 * age[i] - 0.1 * distance[i]
          + 1.5 * Math.exp(-distance[i] / 3) + 0.2 * noise[i];
      rows[i] = new double[] {surface[i], rooms, age[i], distance[i], price};
    }
    return rows;
  }

  /** The weight matrices (out, in) of the network's linear layers, in order. */
  private static double[][][] weights(MultiLayerPerceptron network) {
    List<double[][]> out = new ArrayList<>();
    network.network().namedParameters().forEach((name, tensor) -> {
      if (name.endsWith("weight")) {
        out.add(tensor.toDoubleMatrix());
      }
    });
    return out.toArray(double[][][]::new);
  }

  /** A digit's pixels 0..16 as 0..1. */
  static double[] scaled(double[] pixels) {
    return Arrays.stream(pixels).map(v -> v / 16).toArray();
  }

  /** The autoencoder of the section: training, errors, threshold and the worst images. */
  static final class Autoencoder {

    record Report(double[] normalErrors, double[] anomalyErrors, double threshold,
        int flaggedNormal, int flaggedAnomalies, double[][] topImages, String[] topLabels) {}

    private Autoencoder() {}

    /**
     * Trains on {@code train} (pixels 0..16) and scores {@code test} and the rotations of its first
     * 60 digits; the top images are the 12 test digits with the largest errors.
     */
    static Report run(double[][] train, double[][] test) {
      double[][] trainX = Arrays.stream(train).map(Day7Section::scaled).toArray(double[][]::new);
      double[][] normal = Arrays.stream(test).map(Day7Section::scaled).toArray(double[][]::new);
      double[][] rotated = new double[60][];
      for (int i = 0; i < rotated.length; i++) {
        rotated[i] = rotate(normal[i]);
      }
      var options = new MLPRegressor(32, 8, 32).alpha(0).batchSize(32).learningRateInit(3e-3)
          .maxIter(40).tol(0);
      RandomState random = new RandomState(0);
      var model = new MultiLayerPerceptron(64, 64, options, random);
      float[] flat = MultiLayerPerceptron.flatten(trainX);
      model.fit(flat, trainX.length, 64, options, random, (out, rows) -> {
        float[] target = new float[rows.length * 64];
        for (int i = 0; i < rows.length; i++) {
          System.arraycopy(flat, rows[i] * 64, target, i * 64, 64);
        }
        return Losses.mse(out, Tensor.of(target, rows.length, 64));
      }, null, null);
      double[] trainErrors = errors(model, trainX);
      double[] sorted = trainErrors.clone();
      Arrays.sort(sorted);
      double threshold = sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
      double[] normalErrors = errors(model, normal);
      double[] anomalyErrors = errors(model, rotated);
      double[] all = normalErrors;
      Integer[] order = new Integer[all.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(all[b], all[a]));
      double[][] top = new double[12][];
      String[] labels = new String[12];
      for (int k = 0; k < 12; k++) {
        top[k] = normal[order[k]];
        labels[k] = String.format(Locale.ROOT, "%.3f", all[order[k]])
            + (all[order[k]] > threshold ? " flagged" : "");
      }
      return new Report(normalErrors, anomalyErrors, threshold, above(normalErrors, threshold),
          above(anomalyErrors, threshold), top, labels);
    }

    private static double[] errors(MultiLayerPerceptron model, double[][] X) {
      float[] out = model.predict(MultiLayerPerceptron.flatten(X), X.length, 64);
      double[] errors = new double[X.length];
      for (int i = 0; i < X.length; i++) {
        double s = 0;
        for (int j = 0; j < 64; j++) {
          double d = out[i * 64 + j] - X[i][j];
          s += d * d;
        }
        errors[i] = s / 64;
      }
      return errors;
    }

    private static int above(double[] errors, double threshold) {
      return (int) Arrays.stream(errors).filter(e -> e > threshold).count();
    }

    /** The 8×8 image turned a quarter to the right. */
    static double[] rotate(double[] image) {
      double[] out = new double[64];
      for (int r = 0; r < 8; r++) {
        for (int c = 0; c < 8; c++) {
          out[c * 8 + (7 - r)] = image[r * 8 + c];
        }
      }
      return out;
    }
  }
}
