package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import semaine.testsupport.ReferenceVectors;

/** Compares a fitted {@link Tree} with scikit-learn's {@code tree_} arrays from a reference. */
public final class TreeAssert {

  private TreeAssert() {}

  /** Asserts every array of scikit-learn's tree_ equals ours, naming the first differing node. */
  public static void assertSameTree(Object expectedTree, Tree tree, String what) {
    @SuppressWarnings("unchecked")
    Map<String, Object> e = (Map<String, Object>) expectedTree;
    int[] feature = ReferenceVectors.ints(e.get("feature"));
    double[] threshold = ReferenceVectors.doubles(e.get("threshold"));
    int n = Math.min(feature.length, tree.nodeCount());
    for (int i = 0; i < n; i++) {
      if (feature[i] != tree.feature()[i] || threshold[i] != tree.threshold()[i]) {
        throw new AssertionError(what + ": node " + i + " splits feature " + tree.feature()[i]
            + " at " + tree.threshold()[i] + ", scikit-learn feature " + feature[i] + " at "
            + threshold[i]);
      }
    }
    assertArrayEquals(feature, tree.feature(), what + " feature");
    assertArrayEquals(threshold, tree.threshold(), what + " threshold");
    assertArrayEquals(ReferenceVectors.ints(e.get("children_left")), tree.childrenLeft(),
        what + " children_left");
    assertArrayEquals(ReferenceVectors.ints(e.get("children_right")), tree.childrenRight(),
        what + " children_right");
    assertArrayEquals(ReferenceVectors.ints(e.get("n_node_samples")), tree.nNodeSamples(),
        what + " n_node_samples");
    assertArrayEquals(ReferenceVectors.doubles(e.get("weighted_n_node_samples")),
        tree.weightedNNodeSamples(), what + " weighted_n_node_samples");
    assertArrayEquals(ReferenceVectors.doubles(e.get("impurity")), tree.impurity(),
        what + " impurity");
    double[][] value = ReferenceVectors.matrix(e.get("value"));
    for (int i = 0; i < value.length; i++) {
      assertArrayEquals(value[i], tree.value()[i], what + " value of node " + i);
    }
    assertEquals(((Long) e.get("max_depth")).intValue(), tree.maxDepth(), what + " max_depth");
  }

  /** Asserts two trees are the same to the last bit, array by array. */
  public static void assertSameTree(Tree expected, Tree actual, String what) {
    assertArrayEquals(expected.feature(), actual.feature(), what + " feature");
    assertArrayEquals(expected.threshold(), actual.threshold(), what + " threshold");
    assertArrayEquals(expected.childrenLeft(), actual.childrenLeft(), what + " children_left");
    assertArrayEquals(expected.childrenRight(), actual.childrenRight(), what + " children_right");
    assertArrayEquals(expected.nNodeSamples(), actual.nNodeSamples(), what + " n_node_samples");
    assertArrayEquals(expected.weightedNNodeSamples(), actual.weightedNNodeSamples(),
        what + " weighted_n_node_samples");
    assertArrayEquals(expected.impurity(), actual.impurity(), what + " impurity");
    for (int i = 0; i < expected.value().length; i++) {
      assertArrayEquals(expected.value()[i], actual.value()[i], what + " value of node " + i);
    }
    assertEquals(expected.maxDepth(), actual.maxDepth(), what + " max_depth");
  }
}
