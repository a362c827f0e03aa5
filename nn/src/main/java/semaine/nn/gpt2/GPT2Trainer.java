package semaine.nn.gpt2;

import java.util.ArrayList;
import java.util.List;
import semaine.nn.Tensor;
import semaine.nn.optim.Adam;
import semaine.nn.optim.CosineSchedule;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * Trains a {@link TrainableGPT2LMHeadModel} to predict the next token of a token stream, as nanoGPT's
 * {@code train.py}: random windows of {@code nPositions} tokens from the training part, AdamW
 * (betas 0.9/0.95, weight decay on matrices only), learning rate warm-up then cosine decay,
 * gradients clipped to norm 1. The last {@code validationFraction} of the stream is held out and
 * its loss measured on every whole window.
 */
public final class GPT2Trainer {

  /**
   * @param steps optimisation steps
   * @param batchSize windows per step
   * @param learningRate the peak rate, reached after {@code warmupSteps}
   * @param minLearningRate the rate at the end of the cosine decay
   * @param weightDecay AdamW's decay of the weight matrices
   * @param validationFraction the share of the stream held out, from its end
   * @param evalInterval steps between two validation losses in the history
   * @param seed draws the initial weights' successors: the windows of every step
   */
  public record Settings(int steps, int batchSize, double learningRate, double minLearningRate,
      int warmupSteps, double weightDecay, double validationFraction, int evalInterval, long seed) {

    public Settings {
      Checks.checkPositive("steps", steps);
      Checks.checkPositive("batchSize", batchSize);
      Checks.checkPositive("learningRate", learningRate);
      Checks.checkPositive("evalInterval", evalInterval);
      if (!(validationFraction > 0 && validationFraction < 1)) {
        throw new IllegalArgumentException("validationFraction (" + validationFraction
            + ") must be in (0, 1)");
      }
    }
  }

  /** One point of the learning curve: the step, the mean training loss since the last point, the validation loss. */
  public record Point(int step, double trainLoss, double validationLoss) {}

  /** What training reached: the final losses (nats per token), the curve and the tokens seen. */
  public record Report(double trainLoss, double validationLoss, List<Point> history,
      long trainTokens, long validationTokens, long tokensSeen, double seconds) {}

  /** Told after every step: step (1-based), the step's loss and the learning rate. */
  public interface Listener {
    void step(int step, double loss, double learningRate);
  }

  private GPT2Trainer() {}

  /** Trains {@code model} on {@code tokens} with {@code settings}, drawing windows from {@code random}. */
  public static Report train(TrainableGPT2LMHeadModel model, int[] tokens, Settings settings,
      RandomState random, Listener listener) {
    int context = model.config().nPositions();
    int split = (int) Math.round(tokens.length * (1 - settings.validationFraction()));
    if (split <= context + 1 || tokens.length - split <= context + 1) {
      throw new IllegalArgumentException("tokens (" + tokens.length + ") are too few: the training"
          + " and validation parts need more than n_positions + 1 (" + (context + 1) + ") each");
    }
    int[] train = java.util.Arrays.copyOfRange(tokens, 0, split);
    int[] validation = java.util.Arrays.copyOfRange(tokens, split, tokens.length);
    List<Tensor> decayed = new ArrayList<>();
    List<Tensor> plain = new ArrayList<>();
    model.parameters().forEach(p -> (p.dim() >= 2 ? decayed : plain).add(p));
    Adam matrices = new Adam(decayed, settings.learningRate(), 0.9, 0.95, 1e-8,
        settings.weightDecay(), true);
    Adam vectors = new Adam(plain, settings.learningRate(), 0.9, 0.95, 1e-8, 0, true);
    CosineSchedule schedule = new CosineSchedule(settings.learningRate(),
        settings.minLearningRate(), settings.warmupSteps(), settings.steps());
    long start = System.nanoTime();
    List<Point> history = new ArrayList<>();
    double sinceLast = 0;
    int count = 0;
    model.train(true);
    for (int step = 0; step < settings.steps(); step++) {
      double lr = schedule.apply(matrices, step);
      vectors.lr(lr);
      int[][] x = new int[settings.batchSize()][];
      int[][] y = new int[settings.batchSize()][];
      for (int i = 0; i < x.length; i++) {
        int at = (int) random.randint(0, train.length - context - 1);
        x[i] = java.util.Arrays.copyOfRange(train, at, at + context);
        y[i] = java.util.Arrays.copyOfRange(train, at + 1, at + context + 1);
      }
      matrices.zeroGrad();
      vectors.zeroGrad();
      Tensor loss = model.loss(x, y);
      loss.backward();
      clipGradients(model.parameters(), 1.0);
      matrices.step();
      vectors.step();
      sinceLast += loss.item();
      count++;
      listener.step(step + 1, loss.item(), lr);
      if ((step + 1) % settings.evalInterval() == 0 || step + 1 == settings.steps()) {
        history.add(new Point(step + 1, sinceLast / count, evaluate(model, validation)));
        sinceLast = 0;
        count = 0;
      }
    }
    Point last = history.getLast();
    return new Report(last.trainLoss(), last.validationLoss(), history, train.length,
        validation.length, (long) settings.steps() * settings.batchSize() * context,
        (System.nanoTime() - start) / 1e9);
  }

  /** Mean next-token loss over every whole window of {@code tokens}, without gradients. */
  public static double evaluate(TrainableGPT2LMHeadModel model, int[] tokens) {
    int context = model.config().nPositions();
    int windows = (tokens.length - 1) / context;
    double total = 0;
    model.eval();
    try (var scope = Tensor.noGrad()) {
      int batch = 8;
      for (int w = 0; w < windows; w += batch) {
        int n = Math.min(batch, windows - w);
        int[][] x = new int[n][];
        int[][] y = new int[n][];
        for (int i = 0; i < n; i++) {
          int at = (w + i) * context;
          x[i] = java.util.Arrays.copyOfRange(tokens, at, at + context);
          y[i] = java.util.Arrays.copyOfRange(tokens, at + 1, at + context + 1);
        }
        total += model.loss(x, y).item() * n;
      }
    } finally {
      model.train(true);
    }
    return total / windows;
  }

  /** Scales all gradients down so their global L2 norm is at most {@code maxNorm}. */
  static double clipGradients(List<Tensor> parameters, double maxNorm) {
    double sum = 0;
    for (Tensor p : parameters) {
      if (p.grad() != null) {
        for (float g : p.grad().storage()) {
          sum += (double) g * g;
        }
      }
    }
    double norm = Math.sqrt(sum);
    if (norm > maxNorm) {
      float scale = (float) (maxNorm / (norm + 1e-6));
      for (Tensor p : parameters) {
        if (p.grad() != null) {
          float[] g = p.grad().storage();
          for (int i = 0; i < g.length; i++) {
            g[i] *= scale;
          }
        }
      }
    }
    return norm;
  }
}
