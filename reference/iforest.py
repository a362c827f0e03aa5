"""Reference vectors for semaine.anomaly.IsolationForest, from scikit-learn 1.9.

Run with python reference/iforest.py; writes
core/src/test/resources/reference/iforest.json. Each case gives the data (stored, or described by
a dataset name or a randn seed the Java side regenerates exactly), the parameters, and
scikit-learn's score_samples, decision_function, predict and offset_ on the training data. A few
cases also store the first trees (feature, threshold, children, n_node_samples and the subsample
indices) so a test can point at the first node that differs.
"""
import json
import os
import threading
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_wine, make_blobs
from sklearn.ensemble import IsolationForest
from sklearn.ensemble._iforest import _average_path_length, _parallel_compute_tree_depths

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "iforest.json")


def lst(a):
    return np.asarray(a).tolist()


def trees(model, count):
    out = []
    for tree, samples in zip(model.estimators_[:count], model.estimators_samples_[:count]):
        t = tree.tree_
        out.append({"feature": lst(t.feature), "threshold": lst(t.threshold),
                    "children_left": lst(t.children_left),
                    "children_right": lst(t.children_right),
                    "n_node_samples": lst(t.n_node_samples), "samples": lst(samples)})
    return out


def path_length_sums(model, X):
    """The sum over the trees of each row's path length, before 2**(-sum / (n_trees * c))."""
    X = np.asarray(X, dtype=np.float32)
    depths = np.zeros(X.shape[0], order="f")
    lock = threading.Lock()
    for tree, dpl, apl in zip(model.estimators_, model._decision_path_lengths,
                              model._average_path_length_per_tree):
        _parallel_compute_tree_depths(tree, X, None, dpl, apl, depths, lock)
    return lst(depths)


def case(name, X, data, random_state=0, score_rows=None, n_trees=0, **params):
    """Fits IsolationForest(random_state=..., **params) on X; data says how Java gets X."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = IsolationForest(random_state=random_state, **params).fit(X)
    rows = X if score_rows is None else X[:score_rows]
    out = {"name": name, "data": data, "seed": random_state, "params": params,
           "max_samples_": model.max_samples_, "offset": model.offset_,
           "score_samples": lst(model.score_samples(rows)),
           "decision_function": lst(model.decision_function(rows)),
           "predict": lst(model.predict(rows)), "warnings": [str(w.message) for w in caught]}
    if score_rows is not None:
        out["score_rows"] = score_rows
    if n_trees:
        out["trees"] = trees(model, n_trees)
        out["path_length_sums"] = path_length_sums(model, rows)
    return out


cases = []

# The book's day 5 cloud: 30 points around the origin and one odd point (n < 256: no subsample).
np.random.seed(0)
book = np.concatenate((np.random.randn(30, 2) * 0.2, [[2, 0.5]]))
for contamination in ("auto", 0.1):
    cases.append(case("book", book, {"X": lst(book)}, contamination=contamination,
                      n_trees=3 if contamination == "auto" else 0))

# Two 2-D blobs and 20 scattered outliers: 320 samples, 256 drawn by permutation per tree.
blobs, _ = make_blobs(n_samples=300, centers=2, cluster_std=0.5, random_state=0)
noise = np.random.RandomState(1).uniform(-6, 6, size=(20, 2))
blobs = np.vstack([blobs, noise])
for seed in (0, 1, 42):
    cases.append(case("blobs", blobs, {"X": lst(blobs)}, random_state=seed,
                      n_trees=5 if seed == 0 else 0))
cases.append(case("blobs", blobs, {"X": lst(blobs)}, random_state=3, contamination=0.1))

# Breast cancer: 30 features, 569 samples.
cancer = load_breast_cancer().data
for seed in (0, 7):
    for contamination in ("auto", 0.1):
        cases.append(case("breast_cancer", cancer, {"dataset": "breast_cancer"},
                          random_state=seed, contamination=contamination))
cases.append(case("breast_cancer", cancer, {"dataset": "breast_cancer"}, random_state=0,
                  max_samples=64))
# more than n: reduced to n with a warning
cases.append(case("breast_cancer", cancer, {"dataset": "breast_cancer"}, random_state=0,
                  max_samples=1000))

# Duplicate rows and constant columns: nodes whose samples are all equal, constant features
# found and inherited by the children.
rng = np.random.RandomState(2)
base = np.round(rng.randn(40, 3), 1)
dup = np.vstack([np.tile(base[:5], (20, 1)), base, np.tile([[0.5, 0.5, 0.5]], (30, 1))])
dup = np.column_stack([np.full(len(dup), 3.0), dup[:, 0], np.zeros(len(dup)), dup[:, 1:],
                       np.round(dup[:, 0] * 1e-8, 12)])
for seed in (0, 5):
    cases.append(case("duplicates", dup, {"X": lst(dup)}, random_state=seed,
                      n_trees=5 if seed == 0 else 0))
cases.append(case("duplicates", dup, {"X": lst(dup)}, random_state=0, max_samples=50,
                  contamination=0.1))

# randn data the Java side regenerates: reservoir sampling (995 of 1000, ratio >= 0.99) and
# tracking selection (256 of 30000, ratio <= 0.01); only the first rows are scored.
X = np.random.RandomState(6).randn(1000, 3)
cases.append(case("randn", X, {"randn_seed": 6, "rows": 1000, "cols": 3}, random_state=0,
                  max_samples=995, n_trees=2))
X = np.random.RandomState(5).randn(30000, 2)
cases.append(case("randn", X, {"randn_seed": 5, "rows": 30000, "cols": 2}, random_state=0,
                  score_rows=500, n_trees=2))

# A RandomState instance: both fits draw from (and advance) the same stream.
wine = load_wine().data
shared = np.random.RandomState(7)
for fit in (1, 2):
    c = case("shared_stream", wine, {"dataset": "wine"}, random_state=shared)
    c["seed"] = 7
    c["fit"] = fit
    cases.append(c)

n = np.arange(1, 1101)
apl = {"n": lst(n), "c": lst(_average_path_length(n))}

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__,
               "average_path_length": apl, "cases": cases}, f)
print("wrote", len(cases), "cases to", OUT)
