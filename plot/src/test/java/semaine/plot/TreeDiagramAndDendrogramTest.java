package semaine.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.tree.DecisionTreeClassifier;

/** plotTree writes plot_tree's boxes and colours; dendrogram follows SciPy's leaf order. */
class TreeDiagramAndDendrogramTest {

  /**
   * scikit-learn 1.9.1's {@code plot_tree(DecisionTreeClassifier(max_depth=3, random_state=0)
   * .fit(iris), feature_names, class_names, filled=True)}: each box's text and face colour, in
   * node order (printed by the venv's matplotlib from the returned annotations).
   */
  private static final String[] SKLEARN_TEXT = {
      "petal width (cm) <= 0.8\ngini = 0.667\nsamples = 150\nvalue = [50, 50, 50]\nclass = setosa",
      "gini = 0.0\nsamples = 50\nvalue = [50, 0, 0]\nclass = setosa",
      "petal width (cm) <= 1.75\ngini = 0.5\nsamples = 100\nvalue = [0, 50, 50]\nclass = versicolor",
      "petal length (cm) <= 4.95\ngini = 0.168\nsamples = 54\nvalue = [0, 49, 5]\nclass = versicolor",
      "gini = 0.041\nsamples = 48\nvalue = [0, 47, 1]\nclass = versicolor",
      "gini = 0.444\nsamples = 6\nvalue = [0, 2, 4]\nclass = virginica",
      "petal length (cm) <= 4.85\ngini = 0.043\nsamples = 46\nvalue = [0, 1, 45]\nclass = virginica",
      "gini = 0.444\nsamples = 3\nvalue = [0, 1, 2]\nclass = virginica",
      "gini = 0.0\nsamples = 43\nvalue = [0, 0, 43]\nclass = virginica"};
  private static final int[][] SKLEARN_FILL = {{255, 255, 255}, {229, 129, 57}, {255, 255, 255},
      {77, 232, 142}, {61, 230, 132}, {192, 156, 242}, {132, 61, 230}, {192, 156, 242},
      {129, 57, 229}};

  @Test
  void irisTreeAtDepthThreeHasPlotTreesTextAndColours() {
    Dataset iris = Datasets.loadIris();
    var model = new DecisionTreeClassifier().maxDepth(3).randomState(0)
        .fit(iris.X(), iris.labels());
    Figure fig = Figure.create(1200, 700);
    Axes ax = fig.axes();
    TreeDiagram diagram = ax.plotTree(model.tree()).criterion("gini")
        .featureNames(iris.featureNames().toArray(String[]::new))
        .classNames("setosa", "versicolor", "virginica");
    assertEquals(SKLEARN_TEXT.length, model.tree().nodeCount());
    BufferedImage image = fig.toImage();
    for (int node = 0; node < SKLEARN_TEXT.length; node++) {
      assertEquals(SKLEARN_TEXT[node], String.join("\n", diagram.nodeText(node)), "node " + node);
      Color expected = new Color(SKLEARN_FILL[node][0], SKLEARN_FILL[node][1],
          SKLEARN_FILL[node][2]);
      assertEquals(expected, diagram.nodeColor(node), "node " + node);
      // the box's fill shows just inside its top-left corner, clear of the text
      double[] c = diagram.nodeCentre(node);
      var centre = ax.dataToPixel(c[0], c[1]);
      var corner = ax.dataToPixel(c[0] - 0.92 / model.getNLeaves() / 2,
          c[1] + 0.8 / (model.getDepth() + 1) / 2);
      int px = (int) Math.round((corner.getX() + 4));
      int py = (int) Math.round((corner.getY() + 4));
      assertTrue(px < centre.getX() && py < centre.getY());
      assertEquals(expected, new Color(image.getRGB(px, py) & 0xffffff), "node " + node);
    }
    // every leaf lies below its parent, left child to the left of the right child
    var tree = model.tree();
    for (int node = 0; node < tree.nodeCount(); node++) {
      int left = tree.childrenLeft()[node];
      if (left >= 0) {
        int right = tree.childrenRight()[node];
        assertTrue(diagram.nodeCentre(left)[1] < diagram.nodeCentre(node)[1]);
        assertTrue(diagram.nodeCentre(left)[0] < diagram.nodeCentre(right)[0]);
      }
    }
  }

  @Test
  void colorBrewMatchesScikitLearnForThreeClasses() {
    // sklearn.tree._export._color_brew(3)
    assertArrayEquals(new int[][] {{229, 129, 57}, {57, 229, 129}, {129, 57, 229}},
        TreeDiagram.colorBrew(3));
  }

  @Test
  void wrongNumberOfClassNamesIsRefused() {
    Dataset iris = Datasets.loadIris();
    var model = new DecisionTreeClassifier().maxDepth(1).fit(iris.X(), iris.labels());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Figure.create().axes().plotTree(model.tree()).classNames("a", "b"));
    assertEquals("class_names has 2 names but the tree has 3 classes", e.getMessage());
  }

  @Test
  void dendrogramOrdersLeavesAsSciPyAndColoursSubtreesBelowTheThreshold() {
    // five points: {0, 1} merge at 1, {3, 4} at 1.5, 2 joins {3, 4} at 2, all at 10
    double[][] Z = {{0, 1, 1, 2}, {3, 4, 1.5, 2}, {2, 6, 2, 3}, {5, 7, 10, 5}};
    Figure fig = Figure.create(500, 400);
    Axes ax = fig.axes();
    Dendrogram d = ax.dendrogram(Z);
    // scipy.cluster.hierarchy.dendrogram(Z)["leaves"] and ["color_list"]
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, d.leaves());
    assertEquals(List.of(Colors.parse("C1"), Colors.parse("C2"), Colors.parse("C2"),
        Colors.parse("C0")), List.of(d.linkColors()));
    BufferedImage image = fig.toImage();
    // the top link's horizontal bar at height 10 between the middles of {0, 1} and {2, 3, 4}
    assertTrue(Pixels.near(image, ax.dataToPixel(2, 10), 2, Colors.parse("C0"), 10));
    assertTrue(Pixels.near(image, ax.dataToPixel(0.5, 1), 2, Colors.parse("C1"), 10));
    assertTrue(Pixels.near(image, ax.dataToPixel(3.5, 1.5), 2, Colors.parse("C2"), 10));
    var e = assertThrows(IllegalArgumentException.class,
        () -> ax.dendrogram(new double[][] {{0, 7, 1, 2}}));
    assertTrue(e.getMessage().startsWith("Z holds a cluster id (7.0)"), e.getMessage());
  }
}
