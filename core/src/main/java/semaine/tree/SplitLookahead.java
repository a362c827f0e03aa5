package semaine.tree;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The best squared-error splits of waiting nodes, found ahead on another core while the
 * depth-first builder grows the subtrees before them: the same tree, the smaller nodes' work on
 * two cores.
 *
 * <p>scikit-learn grows one node at a time, and a node's split depends on what came before it:
 * the order its features are drawn in (the splitter's random stream and feature array run through
 * every earlier node) breaks exact ties between features, and each sort starts from the order the
 * previous one left, which decides where tied values end up, hence the order of later sums. Once a
 * node waits on the builder's stack, though, its samples and their order are fixed (the subtrees
 * grown before it work on other positions), and when no two of its samples share a value on any
 * feature every sort of it has one outcome whatever order it starts from. For such a node each
 * feature's best position and proxy are then fixed too, and the split scikit-learn picks is, in
 * the draw order known only when the node is popped, the first feature whose best proxy beats the
 * best so far: {@link Splitter#split} finds it from these per-feature results as it finds it from
 * the scans, and sorts only the last drawn feature, whose order the children inherit.
 *
 * <p>A helper thread evaluates the waiting right children, most recent first (the builder pops
 * them in that order); a node the builder reaches before the helper started on it is taken back
 * and split as usual, as is a node where some feature has tied values.
 */
final class SplitLookahead implements AutoCloseable {

  /** The smallest node worth handing over (below it the hand-over costs more than the work). */
  static final int MIN_SAMPLES = 32;
  /**
   * The largest: float32 values of a continuous feature repeat among some 10^4 samples, larger
   * nodes would mostly be given back.
   */
  static final int MAX_SAMPLES = 8192;

  private static final int WAITING = 0;
  private static final int RUNNING = 1;
  private static final int DONE = 2;
  private static final int TAKEN_BACK = 3;

  /** A waiting node and, once {@link #DONE}, each feature's best split. */
  static final class Node {
    final int start;
    final int end;
    /** The features known constant in the node (not evaluated: the splitter skips them). */
    final boolean[] knownConstant;
    final AtomicInteger state = new AtomicInteger(WAITING);
    /** False when some feature had tied values: the node must be split as usual. */
    boolean valid;
    /** Per feature: found constant here (range at most 1e-7). */
    boolean[] constant;
    /** Per feature: the first position of the best proxy, or −1 for no candidate. */
    int[] pos;
    double[] proxy;
    double[] threshold;

    private Node(int start, int end, boolean[] knownConstant) {
      this.start = start;
      this.end = end;
      this.knownConstant = knownConstant;
    }
  }

  private static final Node STOP = new Node(0, 0, null);

  private final float[][] columns;
  private final int[] samples;
  private final int minSamplesLeaf;
  private final double minWeightLeaf;
  private final LinkedBlockingDeque<Node> waiting = new LinkedBlockingDeque<>();
  private final Thread helper;
  // the helper's own buffers and criterion
  private final SquaredError criterion;
  private final int[] nodeSamples = new int[MAX_SAMPLES];
  private final long[] keys = new long[MAX_SAMPLES];
  private final float[] values = new float[MAX_SAMPLES];
  private final double[] weightedY = new double[MAX_SAMPLES];
  private final double[] weights;

  SplitLookahead(float[][] columns, int[] samples, SquaredError shared, int minSamplesLeaf,
      double minWeightLeaf) {
    this.columns = columns;
    this.samples = samples;
    this.minSamplesLeaf = minSamplesLeaf;
    this.minWeightLeaf = minWeightLeaf;
    this.criterion = new SquaredError(shared.y, shared.sampleWeight);
    this.criterion.samples = nodeSamples;
    this.weights = shared.sampleWeight == null ? null : new double[MAX_SAMPLES];
    this.helper = Thread.ofPlatform().daemon().name("semaine-tree-lookahead").start(this::run);
  }

  /** True when a node of n samples is worth handing over. */
  static boolean worthIt(int n) {
    return n >= MIN_SAMPLES && n <= MAX_SAMPLES;
  }

  /**
   * Hands over the node {@code samples[start:end]}, whose samples must not move until it is
   * {@link #take taken}.
   *
   * @param constantFeatures the features known constant in it are its first {@code nKnown}
   */
  Node submit(int start, int end, int[] constantFeatures, int nKnown) {
    boolean[] known = new boolean[columns.length];
    for (int k = 0; k < nKnown; k++) {
      known[constantFeatures[k]] = true;
    }
    Node node = new Node(start, end, known);
    waiting.addLast(node);
    return node;
  }

  /**
   * The node's per-feature splits when the helper found them, waiting for it to finish if it is
   * on it; null when the node must be split as usual (not started: taken back; or tied values).
   */
  Node take(Node node) {
    if (node.state.compareAndSet(WAITING, TAKEN_BACK)) {
      waiting.remove(node);
      return null;
    }
    for (int spins = 0; node.state.get() != DONE; spins++) {
      if (spins < 1000) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    return node.valid ? node : null;
  }

  /** Forgets a node that became a leaf (its split is not needed). */
  void drop(Node node) {
    if (node.state.compareAndSet(WAITING, TAKEN_BACK)) {
      waiting.remove(node);
    }
  }

  /** Stops the helper. */
  @Override
  public void close() {
    waiting.addLast(STOP);
  }

  private void run() {
    try {
      while (true) {
        Node node = waiting.takeLast();
        if (node == STOP) {
          return;
        }
        if (node.state.compareAndSet(WAITING, RUNNING)) {
          try {
            evaluate(node);
          } finally {
            node.state.set(DONE);   // on a failure not valid: the builder splits it as usual
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every feature's best split of the node, on copies: the shared samples are only read. */
  private void evaluate(Node node) {
    int n = node.end - node.start;
    System.arraycopy(samples, node.start, nodeSamples, 0, n);
    criterion.init(0, n);
    int d = columns.length;
    node.constant = new boolean[d];
    node.pos = new int[d];
    node.proxy = new double[d];
    node.threshold = new double[d];
    for (int f = 0; f < d; f++) {
      if (node.knownConstant[f]) {
        continue;
      }
      float[] column = columns[f];
      for (int p = 0; p < n; p++) {
        int i = nodeSamples[p];
        keys[p] = SimultaneousSort.key(column[i], i);
      }
      SimultaneousSort.sortAnyTieOrder(keys, 0, n);
      double[] sw = criterion.sampleWeight;
      double[] y = criterion.y;
      long previous = keys[0] - (1L << 32);
      for (int p = 0; p < n; p++) {
        long key = keys[p];
        if (key >> 32 == previous >> 32) {
          node.valid = false;   // tied values: the sorts' order would matter
          return;
        }
        previous = key;
        int i = SimultaneousSort.payload(key);
        values[p] = SimultaneousSort.value(key);
        double w = sw == null ? 1.0 : sw[i];
        weightedY[p] = w * y[i];
        if (sw != null) {
          weights[p] = w;
        }
      }
      if (values[n - 1] <= values[0] + FeatureThreshold.VALUE) {
        node.constant[f] = true;
        continue;
      }
      criterion.reset();
      int p = criterion.scanBest(values, weightedY, weights, minSamplesLeaf, minWeightLeaf,
          Double.NEGATIVE_INFINITY);
      node.pos[f] = p < 0 ? -1 : node.start + p;
      node.proxy[f] = criterion.scanProxy;
      node.threshold[f] = p < 0 ? 0.0 : values[p - 1] / 2.0 + values[p] / 2.0;
    }
    node.valid = true;
  }
}
