"""Reference vectors for HDBSCAN, from scikit-learn 1.9.

Run with OMP_NUM_THREADS=1 python reference/hdbscan.py (after reference/clustering.py); writes
core/src/test/resources/reference/hdbscan.json. The data sets are those of clustering.json (iris,
wine standardised, the book's Day 4 blobs, moons, circles, the 5,000-point anisotropic set, the
integer grid), read back from that file so that both files cluster the very same numbers. Each
case names its data set, its parameters, the rows set to inf or NaN before fitting ("corrupt":
[row, column, "inf" | "nan"]) and scikit-learn's labels_ and probabilities_ (NaN written "nan").

Equal edge weights: scikit-learn sorts the minimum spanning tree's edges with np.argsort's default
quicksort, which is not stable (NumPy 2's SIMD sorts permute equal keys, and how depends on the
CPU's instruction set). When the order of equal weights changes the result, a case is marked
"tie_sensitive" and also carries "stable_labels" and "stable_probabilities": scikit-learn's same
functions with the edges sorted by a stable sort (equal weights in the order Prim found them).
"""
import json
import math
import os
import warnings

import numpy as np
import sklearn.cluster._hdbscan.hdbscan as hdbscan_module
from sklearn.cluster import HDBSCAN
from sklearn.metrics import pairwise_distances

from common import META

HERE = os.path.dirname(__file__)
RES = os.path.join(HERE, "..", "core", "src", "test", "resources", "reference")
with open(os.path.join(RES, "clustering.json")) as f:
    data = {k: np.array(v, dtype=float) for k, v in json.load(f)["data"].items()}

cases = []


QUICKSORT = hdbscan_module._process_mst


def stable_process_mst(min_spanning_tree):
    """scikit-learn's _process_mst with a stable sort of the edge weights."""
    order = np.argsort(min_spanning_tree["distance"], kind="stable")
    return hdbscan_module.make_single_linkage(min_spanning_tree[order])


def probabilities(model):
    return ["nan" if math.isnan(p) else float(p) for p in model.probabilities_]


def fit(X, params, process_mst):
    hdbscan_module._process_mst = process_mst
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            return HDBSCAN(copy=False, **params).fit(X)
    finally:
        hdbscan_module._process_mst = QUICKSORT


def hdbscan(name, corrupt=(), **params):
    X = data[name].copy()
    for row, col, value in corrupt:
        X[row, col] = float(value)
    if params.get("metric") == "precomputed":
        X = pairwise_distances(X)
    model = fit(X.copy(), params, QUICKSORT)
    stable = fit(X.copy(), params, stable_process_mst)
    case = {"model": "HDBSCAN", "data": name, "params": params,
            "labels": model.labels_.tolist(), "probabilities": probabilities(model)}
    if (not np.array_equal(model.labels_, stable.labels_)
            or not np.allclose(model.probabilities_, stable.probabilities_, rtol=0, atol=1e-9,
                               equal_nan=True)):
        case["tie_sensitive"] = True
        case["stable_labels"] = stable.labels_.tolist()
        case["stable_probabilities"] = probabilities(stable)
    if corrupt:
        case["corrupt"] = [list(c) for c in corrupt]
    cases.append(case)


for algorithm in ("auto", "brute", "kd_tree"):
    hdbscan("iris", algorithm=algorithm)
    hdbscan("wine", algorithm=algorithm)
    hdbscan("blobs", algorithm=algorithm)
    hdbscan("moons", min_cluster_size=10, algorithm=algorithm)
    hdbscan("circles", min_cluster_size=10, min_samples=5, algorithm=algorithm)
hdbscan("aniso", min_cluster_size=20)
hdbscan("aniso", min_cluster_size=50, min_samples=10, cluster_selection_method="leaf")
hdbscan("iris", min_cluster_size=10, min_samples=3)
hdbscan("iris", cluster_selection_method="leaf")
hdbscan("iris", min_cluster_size=15, allow_single_cluster=True)
hdbscan("iris", min_samples=1)
hdbscan("iris", metric="manhattan")
hdbscan("iris", metric="precomputed")
hdbscan("iris", alpha=1.5)
hdbscan("iris", alpha=1.5, algorithm="brute")
hdbscan("wine", min_cluster_size=8, cluster_selection_method="leaf",
        cluster_selection_epsilon=2.5)
hdbscan("blobs", cluster_selection_epsilon=0.5)
hdbscan("blobs", cluster_selection_epsilon=1.0)
hdbscan("blobs", cluster_selection_epsilon=2.0, allow_single_cluster=True)
hdbscan("blobs", max_cluster_size=30)
hdbscan("blobs", min_cluster_size=60, allow_single_cluster=True)
hdbscan("blobs", min_cluster_size=150, allow_single_cluster=True, cluster_selection_epsilon=1.0)
hdbscan("moons", min_cluster_size=10, metric="chebyshev")
hdbscan("moons", min_cluster_size=10, cluster_selection_method="leaf", min_samples=4)
hdbscan("circles", min_cluster_size=30, allow_single_cluster=True)
hdbscan("iris", corrupt=[(3, 1, "inf"), (10, 0, "nan"), (50, 2, "-inf"), (51, 0, "nan"),
                         (51, 1, "inf")])
# cluster_selection_epsilon only where no selected cluster is born below it: with NumPy 2,
# scikit-learn 1.9's traverse_upwards raises a TypeError (a 1-element array assigned to an int)
# whenever it is called
hdbscan("grid", min_cluster_size=8)
hdbscan("grid", min_cluster_size=5, min_samples=3, metric="manhattan")

with open(os.path.join(RES, "hdbscan.json"), "w") as f:
    json.dump({"meta": META, "cases": cases}, f, separators=(",", ":"))
print(len(cases), "cases,", sum("tie_sensitive" in c for c in cases), "tie-sensitive")
