// Day 3 beyond k-NN: choosing k by cross-validation, with the features scaled, on wine.
//
// The book has no listing here; this program is semaine's. k-NN compares distances, and wine's
// proline (up to 1,680) would decide every distance over alcohol (11 to 15): a pipeline scales
// the features (StandardScaler, fitted on each training fold) before k-NN. GridSearchCV then
// cross-validates every n_neighbors x weights setting on 5 folds and refits the best on the
// training set; the test set, kept aside, says how well the choice generalises.
//
// Run: java --class-path cli/target/semaine.jar examples/day3/GridSearch.java
//  or: ./semaine example grid-search
import semaine.classification.KNeighborsClassifier;
import semaine.data.Datasets;
import semaine.pipeline.Pipeline;
import semaine.preprocessing.StandardScaler;
import semaine.selection.CrossValidation;
import semaine.selection.GridSearchCV;
import semaine.selection.TrainTestSplit;
import semaine.util.Listing;

void main() {
  var wine = Datasets.loadWine();
  var split = TrainTestSplit.of(wine.X(), wine.labels()).randomState(0).split();

  double[] raw = CrossValidation.crossValScore(() -> new KNeighborsClassifier(5),
      split.XTrain(), split.yTrain(), 5);                     // cross_val_score(KNN(5), X, y, cv=5)
  double[] scaled = CrossValidation.crossValScore(
      () -> Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier(5)),
      split.XTrain(), split.yTrain(), 5);                     // make_pipeline(scaler, KNN(5))
  Listing.show("5-fold accuracy, raw features", Arrays.stream(raw).average().orElseThrow());
  Listing.show("5-fold accuracy, scaled", Arrays.stream(scaled).average().orElseThrow());

  var pipeline = Pipeline.classifier(new StandardScaler(), new KNeighborsClassifier());
  var search = new GridSearchCV(pipeline, Map.of(
      "kneighborsclassifier__n_neighbors", List.of(1, 3, 5, 7, 9, 15, 25, 50),
      "kneighborsclassifier__weights", List.of("uniform", "distance")))
      .cv(5).fit(split.XTrain(), split.yTrain());             // GridSearchCV(pipe, grid, cv=5)
  Listing.show("best_params_", search.bestParams().toString());
  Listing.show("best_score_", search.bestScore());
  var best = (semaine.base.Classifier) search.bestEstimator();
  Listing.show("test accuracy of the best", best.score(split.XTest(), split.yTest()));
}
