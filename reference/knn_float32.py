"""Reference values for k-NN on float32 input (issue 26, `--dtype float32`).

What scikit-learn 1.9 does with a float32 X, checked here before it is recorded:
- kd_tree and ball_tree: the tree copies the data to float64, so neighbours and distances are
  exactly those of the same values in float64 (asserted).
- brute (Euclidean): `ArgKmin32` upcasts each chunk to float64 and computes the squared distances
  as the float64 search does (norms and GEMM in float64), so the neighbours and their order are
  those of float64 (asserted); only the returned distances differ: the float32 metric's
  `_rdist_to_dist` takes and returns float32, so a distance is float32(sqrt(float32(r))) of the
  float64 squared distance r (asserted, bit for bit, against the float64 search's r).
- `algorithm='auto'` picks brute for more than 15 features (or n_neighbors >= n_samples / 2), the
  k-d tree otherwise, as for float64.
Then records, for semaine's fit(float[][]): kneighbors of float32 queries and of the training set
itself, KNeighborsClassifier.predict_proba/predict and KNeighborsRegressor.predict (uniform and
distance weights; the regression target stays float64).

    python reference/knn_float32.py

The data are written into the JSON as float32 values (exact in JSON's float64 notation):
- "blobs4": make_blobs(400, 3 centres, 4 features, std 2, seed 7) as float32, queries from seed 8;
- "blobs20": make_blobs(400, 3 centres, 20 features, std 2, seed 3), queries from seed 4 (auto
  picks brute);
- "grid2": the 4-feature blobs' first two columns rounded to integers (many equal distances), run
  with brute force and with the tree, so ties are decided as scikit-learn decides them.
Writes core/src/test/resources/reference/knn_float32.json, and for the command line
(`classify|regress --model knn --dtype float32 --predict F2`) cli/src/test/resources/reference/
knn_float32_cli.json: make_blobs(300, 3 centres, 20 features, std 1, seed 0) as the training file
and seed 1 (100 rows) as F2, both as `semaine datasets blobs` writes them (x0..x19, y), read as
float32 (the float64 reading rounded): classify's labels and probabilities with distance weights
(brute force: 20 features), regress's predictions of x1 from the other columns (y included).
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import make_blobs
from sklearn.metrics._pairwise_distances_reduction import ArgKmin
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor, NearestNeighbors

OUT = "core/src/test/resources/reference/knn_float32.json"
CLI_OUT = "cli/src/test/resources/reference/knn_float32_cli.json"
K = 5


def data():
    X4, c4 = make_blobs(n_samples=400, centers=3, n_features=4, cluster_std=2.0, random_state=7)
    Q4, _ = make_blobs(n_samples=100, centers=3, n_features=4, cluster_std=2.0, random_state=8)
    X20, c20 = make_blobs(n_samples=400, centers=3, n_features=20, cluster_std=2.0,
                          random_state=3)
    Q20, _ = make_blobs(n_samples=100, centers=3, n_features=20, cluster_std=2.0, random_state=4)
    sets = {
        "blobs4": (X4, c4, Q4),
        "blobs20": (X20, c20, Q20),
        "grid2": (np.round(X4[:, :2]), c4, np.round(Q4[:, :2])),
    }
    return {name: (X.astype(np.float32), c, Q.astype(np.float32))
            for name, (X, c, Q) in sets.items()}


def target(X32):
    X = X32.astype(np.float64)
    return 2 * X[:, 0] - X[:, 1] * X[:, -1]


def check_claims(X32, Q32, algorithm):
    """Asserts how scikit-learn's float32 search relates to its float64 one; returns _fit_method."""
    nn32 = NearestNeighbors(n_neighbors=K, algorithm=algorithm).fit(X32)
    nn64 = NearestNeighbors(n_neighbors=K, algorithm=algorithm).fit(X32.astype(np.float64))
    for queries in ((Q32, Q32.astype(np.float64)), (None, None)):
        d32, i32 = nn32.kneighbors(queries[0])
        d64, i64 = nn64.kneighbors(queries[1])
        assert np.array_equal(i32, i64), algorithm
        if nn32._fit_method == "brute":
            Y = X32.astype(np.float64)
            Q = Y if queries[0] is None else queries[1]
            r, ir = ArgKmin.compute(Q, Y, K + (queries[0] is None), metric="sqeuclidean",
                                    return_distance=True)
            if queries[0] is None:   # kneighbors() drops each point itself, as scikit-learn does
                r = np.array([row[ind != i][:K] for i, (row, ind) in enumerate(zip(r, ir))])
            expected = np.sqrt(r.astype(np.float32)).astype(np.float64)
            assert np.array_equal(d32, expected), algorithm
        else:
            assert np.array_equal(d32, d64), algorithm
    return nn32._fit_method


def main():
    cases = []
    sets = data()
    for name, (X32, classes, Q32) in sets.items():
        y = target(X32)
        algorithms = ["auto", "brute", "kd_tree", "ball_tree"] if name != "grid2" \
            else ["brute", "kd_tree"]
        for algorithm in algorithms:
            method = check_claims(X32, Q32, algorithm)
            nn = NearestNeighbors(n_neighbors=K, algorithm=algorithm).fit(X32)
            dq, iq = nn.kneighbors(Q32)
            dt, it = nn.kneighbors()
            case = {"data": name, "algorithm": algorithm, "fit_method": method,
                    "query_distances": dq.tolist(), "query_indices": iq.tolist(),
                    "train_distances": dt.tolist(), "train_indices": it.tolist()}
            for weights in ("uniform", "distance"):
                clf = KNeighborsClassifier(n_neighbors=K, weights=weights,
                                           algorithm=algorithm).fit(X32, classes)
                reg = KNeighborsRegressor(n_neighbors=K, weights=weights,
                                          algorithm=algorithm).fit(X32, y)
                case["proba_" + weights] = clf.predict_proba(Q32).tolist()
                case["predict_" + weights] = clf.predict(Q32).tolist()
                case["regress_" + weights] = reg.predict(Q32).tolist()
            cases.append(case)
    with open(OUT, "w") as f:
        json.dump({"sklearn": sklearn.__version__, "k": K,
                   "data": {name: {"X": X.tolist(), "classes": c.tolist(), "Q": Q.tolist()}
                            for name, (X, c, Q) in sets.items()},
                   "cases": cases}, f)
        f.write("\n")
    cli()


def cli():
    def table(seed, n):
        X, y = make_blobs(n_samples=n, centers=3, n_features=20, cluster_std=1.0,
                          random_state=seed)
        return np.column_stack([X, y]).astype(np.float32), X[:, 1], y
    train, x1, classes = table(0, 300)   # the target column stays float64, as the CLI reads it
    queries, _, _ = table(1, 100)
    features = [j for j in range(21) if j != 1]   # regress --target x1: x0, x2..x19, y
    clf = KNeighborsClassifier(weights="distance").fit(train[:, :20], classes)
    reg = KNeighborsRegressor(weights="distance").fit(train[:, features],
                                                      x1)
    assert clf._fit_method == "brute" and reg._fit_method == "brute"
    with open(CLI_OUT, "w") as f:
        json.dump({"sklearn": sklearn.__version__,
                   "classify_predictions": clf.predict(queries[:, :20]).tolist(),
                   "classify_probabilities": clf.predict_proba(queries[:, :20]).tolist(),
                   "regress_predictions": reg.predict(queries[:, features]).tolist()}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
