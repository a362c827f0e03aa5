// Day 3 beyond k-NN: a decision tree and a random forest on iris.
//
// The book has no listing here; this program is semaine's. A DecisionTreeClassifier asks one
// question per node (petal width (cm) <= 0.8?); max_depth=3 keeps it readable, and plot_tree
// draws it. A RandomForestClassifier grows 100 such trees on bootstrap samples, each split
// choosing among a random subset of the features, and lets them vote; feature_importances_ says
// which measurements the forest used.
//
// Run: java --class-path cli/target/semaine.jar examples/day3/RandomForest.java
//  or: ./semaine example random-forest
import semaine.data.Datasets;
import semaine.ensemble.RandomForestClassifier;
import semaine.plot.Figure;
import semaine.selection.TrainTestSplit;
import semaine.tree.DecisionTreeClassifier;
import semaine.util.Listing;

void main() {
  var iris = Datasets.loadIris();
  var split = TrainTestSplit.of(iris.X(), iris.labels()).randomState(0).split();

  var tree = new DecisionTreeClassifier().maxDepth(3).randomState(0)
      .fit(split.XTrain(), split.yTrain());                   // DecisionTreeClassifier(max_depth=3)
  Listing.show("tree depth", tree.getDepth());
  Listing.show("tree leaves", tree.getNLeaves());
  Listing.show("tree test accuracy", tree.score(split.XTest(), split.yTest()));

  var forest = new RandomForestClassifier().randomState(0)
      .fit(split.XTrain(), split.yTrain());                   // RandomForestClassifier(...)
  Listing.show("forest test accuracy", forest.score(split.XTest(), split.yTest()));
  Listing.show("feature_importances_", forest.featureImportances());

  String[] features = iris.featureNames().toArray(String[]::new);
  var fig = Figure.create(1200, 700);                         // plot_tree(tree, filled=True)
  fig.axes().plotTree(tree.tree()).criterion("gini").featureNames(features)
      .classNames(iris.targetNames().toArray(String[]::new));
  fig.savefig(Listing.output("day3-tree.png"));

  fig = Figure.create(800, 440);                              // plt.bar(features, importances)
  fig.axes().bar(features, forest.featureImportances());
  fig.axes().title("feature importances").ylabel("mean decrease in impurity");
  fig.savefig(Listing.output("day3-forest-importances.png"));
}
