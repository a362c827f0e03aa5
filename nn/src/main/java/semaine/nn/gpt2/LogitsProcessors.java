package semaine.nn.gpt2;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The steps between logits and the next token, in transformers' order: repetition penalty, then
 * (when sampling) temperature, top-k, top-p, softmax and a draw; greedy takes the first largest
 * score. A token removed by top-k or top-p gets the score −∞.
 */
final class LogitsProcessors {

  private LogitsProcessors() {}

  /** {@code RepetitionPenaltyLogitsProcessor}: each token in {@code seen} once, s > 0 ? s / p : s · p. */
  static void repetitionPenalty(float[] scores, int[] ids, int length, double penalty) {
    if (penalty == 1.0) {
      return;
    }
    boolean[] done = new boolean[scores.length];
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      if (!done[id]) {
        done[id] = true;
        scores[id] = (float) (scores[id] < 0 ? scores[id] * penalty : scores[id] / penalty);
      }
    }
  }

  /**
   * {@code TemperatureLogitsWarper}: scores / t, shifted by the largest score first,
   * (s − max) / t, which leaves softmax, top-k and top-p unchanged. The shift keeps every scaled
   * score in [−∞, 0] with the largest at exactly 0, so a tiny t (1e-300) gives the limit the
   * warper's documentation states, all the probability on the most likely tokens, where
   * s / t alone would overflow to +∞ and the softmax to NaN. Scores must be finite or −∞.
   */
  static void temperature(float[] scores, double t) {
    if (t != 1.0) {
      float max = max(scores);
      for (int i = 0; i < scores.length; i++) {
        scores[i] = (float) ((scores[i] - (double) max) / t);
      }
    }
  }

  /**
   * Throws {@link NonFiniteLogitsException} when a logit is NaN or infinite: softmax and argmax
   * would turn it into token 0 at every step, a text that looks like an answer.
   */
  static void requireFinite(float[] logits, int step) {
    for (float logit : logits) {
      if (!Float.isFinite(logit)) {
        throw new NonFiniteLogitsException("the model produced non-finite logits ("
            + (Float.isNaN(logit) ? "NaN" : logit > 0 ? "+Infinity" : "-Infinity") + ") at step "
            + step + ": its weights may be corrupt (NaN or infinite values in model.safetensors)");
      }
    }
  }

  /**
   * {@code TopKLogitsWarper}: scores strictly below the k-th largest become −∞, so ties at the
   * threshold are kept.
   */
  static void topK(float[] scores, int k) {
    if (k <= 0 || k >= scores.length) {
      return;
    }
    float[] sorted = scores.clone();
    Arrays.sort(sorted);
    float threshold = sorted[sorted.length - k];
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] < threshold) {
        scores[i] = Float.NEGATIVE_INFINITY;
      }
    }
  }

  /**
   * {@code TopPLogitsWarper}: sorted by ascending score (stable, so lower ids first on ties),
   * tokens whose cumulative probability is ≤ 1 − p are removed; the most likely always stays.
   */
  static void topP(float[] scores, double p) {
    if (p >= 1.0) {
      return;
    }
    // only tokens still in play matter: the removed ones have probability 0
    Integer[] order = java.util.stream.IntStream.range(0, scores.length)
        .filter(i -> scores[i] != Float.NEGATIVE_INFINITY).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
    double[] probs = softmax(scores);
    double cumulative = 0;
    for (int r = 0; r < order.length - 1; r++) {
      cumulative += probs[order[r]];
      if (cumulative <= 1 - p) {
        scores[order[r]] = Float.NEGATIVE_INFINITY;
      }
    }
  }

  /** Softmax in double; −∞ scores get probability 0. */
  static double[] softmax(float[] scores) {
    float max = max(scores);
    double[] p = new double[scores.length];
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      p[i] = scores[i] == Float.NEGATIVE_INFINITY ? 0 : Math.exp(scores[i] - (double) max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /**
   * Draws a token from softmax(scores): one uniform u in [0, 1) from {@code random}, then the
   * first id (in id order) whose cumulative probability exceeds u.
   */
  static int sample(float[] scores, RandomGenerator random) {
    double[] p = softmax(scores);
    double u = random.nextDouble();
    double cumulative = 0;
    int last = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        cumulative += p[i];
        last = i;
        if (u < cumulative) {
          return i;
        }
      }
    }
    return last; // u beyond a cumulative sum that rounding left just below 1
  }

  private static float max(float[] scores) {
    float max = Float.NEGATIVE_INFINITY;
    for (float s : scores) {
      max = Math.max(max, s);
    }
    return max;
  }

  /** The first index of the largest score. */
  static int argmax(float[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }
}
