// Day 1: the data the week works on.
//
// The book has no listing here; this program is semaine's. It prints the first numbers the later
// listings start from: np.random.seed(0) then np.random.randn(3), make_blobs(n_samples=50,
// centers=2, n_features=2, random_state=0, cluster_std=1), and load_iris(), each equal to NumPy's
// and scikit-learn's (the comments name the NumPy / scikit-learn call each line stands for).
//
// Run: java --class-path cli/target/semaine.jar examples/day1/FirstNumbers.java
//  or: ./semaine example first-numbers

import semaine.data.Blobs;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.util.Listing;

void main() {
  long seed = Listing.seed(0);
  var rng = new RandomState(seed);                      // np.random.seed(0)
  Listing.show("randn(3)", rng.randn(3));               // np.random.randn(3)

  Blobs blobs = Datasets.makeBlobs().nSamples(50).centers(2).nFeatures(2).clusterStd(1.0)
      .randomState(seed).generate();                    // make_blobs(..., random_state=0)
  Listing.show("X[:3]", Arrays.copyOf(blobs.X(), 3));
  Listing.show("y[:10]", Arrays.copyOf(blobs.y(), 10));

  Dataset iris = Datasets.loadIris();                   // load_iris()
  Listing.show("iris.data.shape", List.of(iris.nSamples(), iris.nFeatures()));
  Listing.show("iris.target_names", iris.targetNames());
}
