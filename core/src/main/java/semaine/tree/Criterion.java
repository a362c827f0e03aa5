package semaine.tree;

/**
 * The impurity measure a splitter minimises, with scikit-learn's running sums
 * ({@code sklearn/tree/_criterion.pyx}): for the node {@code samples[start:end]} it keeps the
 * weighted statistics of the whole node, of the left part {@code [start, pos)} and of the right
 * part {@code [pos, end)}. Moving {@code pos} forward adds samples to the left sums, or, when the
 * new position is nearer the end, restarts from "all on the left" and takes the tail away; the
 * right sums are then the total minus the left. The order of these additions is scikit-learn's,
 * so the sums, and the splits they decide between, are the same to the last bit.
 */
abstract class Criterion {

  /** (n_samples,) the sample weights, or null for weight 1 each. */
  final double[] sampleWeight;
  /** The sample indices, partitioned node by node by the splitter (shared with it). */
  int[] samples;
  /** Σ of all the weights of the training samples, zero weights included. */
  double weightedNSamples;

  int start;
  int pos;
  int end;
  double weightedNNodeSamples;
  double weightedNLeft;
  double weightedNRight;

  Criterion(double[] sampleWeight) {
    this.sampleWeight = sampleWeight;
  }

  /** The weight of sample i. */
  final double weight(int i) {
    return sampleWeight == null ? 1.0 : sampleWeight[i];
  }

  /** {@code init}: the node's totals over {@code samples[start:end]}, then {@link #reset}. */
  abstract void init(int start, int end);

  /** Everything on the right: {@code pos = start}. */
  abstract void reset();

  /** Everything on the left: {@code pos = end}. */
  abstract void reverseReset();

  /** Moves {@code pos} to {@code newPos}, updating the left and right sums. */
  abstract void update(int newPos);

  /** The impurity of the whole node. */
  abstract double nodeImpurity();

  /** The impurities of the left and right parts, as {@code {left, right}}. */
  abstract double[] childrenImpurity();

  /**
   * True when every sum this criterion keeps is exact whatever the order of the samples, so that
   * the order a sort leaves tied samples in cannot change a split, a value or an impurity. False
   * unless a criterion knows better.
   */
  boolean orderFree() {
    return false;
  }

  /** The node's value: class fractions, or the weighted mean target. */
  abstract void nodeValue(double[] dest);

  /**
   * A quantity that orders the splits of one node as the impurity decrease does, cheaper to
   * compute: {@code −W_right·impurity_right − W_left·impurity_left} unless a criterion knows
   * better.
   */
  double proxyImpurityImprovement() {
    double[] impurity = childrenImpurity();
    return -weightedNRight * impurity[1] - weightedNLeft * impurity[0];
  }

  /**
   * The weighted impurity decrease of the split at {@code pos}:
   * {@code W_node/W · (impurity − W_right/W_node·impurity_right − W_left/W_node·impurity_left)}.
   */
  final double impurityImprovement(double parent, double left, double right) {
    return weightedNNodeSamples / weightedNSamples
        * (parent - weightedNRight / weightedNNodeSamples * right
            - weightedNLeft / weightedNNodeSamples * left);
  }

  /**
   * The left part's value for the monotonic constraints: its mean target (regression), its
   * weighted median (absolute error) or its fraction of class 0 (binary classification).
   */
  abstract double leftValue();

  /** The right part's value, as {@link #leftValue}. */
  abstract double rightValue();

  /** {@code middle_value}: the bound the two children of a constrained split share. */
  abstract double middleValue();

  /**
   * {@code check_monotonicity}: both parts' values within the node's bounds and ordered as the
   * constraint asks, {@code (left − right)·cst <= 0}.
   */
  final boolean checkMonotonicity(int cst, double lowerBound, double upperBound) {
    double left = leftValue();
    double right = rightValue();
    return left >= lowerBound && right >= lowerBound && left <= upperBound
        && right <= upperBound && (left - right) * cst <= 0;
  }

  /** {@code clip_node_value}: the node's value clipped into its monotonic bounds. */
  void clipNodeValue(double[] dest, double lowerBound, double upperBound) {
    if (dest[0] < lowerBound) {
      dest[0] = lowerBound;
    } else if (dest[0] > upperBound) {
      dest[0] = upperBound;
    }
  }
}
