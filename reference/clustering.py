"""Reference vectors for the clusterings beyond k-means, from scikit-learn 1.9 and SciPy 1.17.

Run with OMP_NUM_THREADS=1 python reference/clustering.py; writes
core/src/test/resources/reference/clustering.json. Every data set is stored as it was clustered
("data"); each case names its data set, its estimator, its parameters and scikit-learn's fitted
attributes:

- iris, wine (standardised by StandardScaler), the book's Day 4 blobs (np.random.seed(0),
  k = np.random.choice([2..8]), make_blobs(200, centers=k, cluster_std=0.5)), moons and circles
  (300 points, noise 0.05, random_state 0), the 5,000-point anisotropic set of scikit-learn's
  comparison figure (make_blobs(5000, random_state=170) @ [[0.6, -0.6], [-0.4, 0.8]]);
- grid: 120 points of the integer grid 0..9 (duplicates, many equal distances, points exactly at
  eps): the ties.
"""
import math
import os

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.cluster import DBSCAN, OPTICS, AgglomerativeClustering, cluster_optics_dbscan
from sklearn.datasets import load_iris, load_wine, make_blobs, make_circles, make_moons
from sklearn.metrics import pairwise_distances
from sklearn.preprocessing import StandardScaler

from common import META
import json

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "clustering.json")


def lst(a):
    return np.asarray(a).tolist()


def lst_inf(a):
    """A float list with +inf written as the string "inf" (JSON has no infinity)."""
    return ["inf" if np.isinf(v) else float(v) for v in np.asarray(a)]


data = {}
data["iris"] = load_iris().data
data["wine"] = StandardScaler().fit_transform(load_wine().data)
np.random.seed(0)
k = np.random.choice([2, 3, 4, 5, 6, 7, 8])
data["blobs"] = make_blobs(n_samples=200, centers=k, n_features=2, cluster_std=0.5)[0]
data["moons"] = make_moons(n_samples=300, noise=0.05, random_state=0)[0]
data["circles"] = make_circles(n_samples=300, factor=0.5, noise=0.05, random_state=0)[0]
data["aniso"] = make_blobs(n_samples=5000, random_state=170)[0] @ np.array([[0.6, -0.6],
                                                                           [-0.4, 0.8]])
data["grid"] = np.random.RandomState(1).randint(0, 10, size=(120, 2)).astype(float)

cases = []


def dbscan(name, weights=None, **params):
    X = data[name]
    if params.get("metric") == "precomputed":
        X = pairwise_distances(X)  # Euclidean, exact on the integer grid
    model = DBSCAN(**params).fit(X, sample_weight=weights)
    case = {"model": "DBSCAN", "data": name, "params": params,
            "labels": lst(model.labels_),
            "core_sample_indices": lst(model.core_sample_indices_)}
    if weights is not None:
        case["sample_weight"] = lst(weights)
    cases.append(case)


for algorithm in ("auto", "brute", "kd_tree"):
    dbscan("iris", eps=0.5, min_samples=5, algorithm=algorithm)
    dbscan("iris", eps=0.4, min_samples=4, algorithm=algorithm, metric="manhattan")
    dbscan("wine", eps=2.3, min_samples=5, algorithm=algorithm)
    dbscan("blobs", eps=0.3, min_samples=5, algorithm=algorithm)
    dbscan("moons", eps=0.2, min_samples=5, algorithm=algorithm)
    dbscan("circles", eps=0.15, min_samples=5, algorithm=algorithm)
    dbscan("aniso", eps=0.2, min_samples=10, algorithm=algorithm)
    for leaf_size in (30, 2):
        for eps, ms in ((1.0, 5), (math.sqrt(2.0), 7), (2.0, 12)):
            dbscan("grid", eps=eps, min_samples=ms, algorithm=algorithm, leaf_size=leaf_size)
            dbscan("grid", eps=eps, min_samples=ms, algorithm=algorithm, leaf_size=leaf_size,
                   metric="manhattan")
dbscan("blobs", eps=0.5, min_samples=10)
dbscan("grid", eps=1.0, min_samples=7, metric="chebyshev")
dbscan("grid", eps=1.5, min_samples=8, metric="minkowski", p=3)
dbscan("grid", eps=1.0, min_samples=5, metric="minkowski", p=1)
dbscan("grid", eps=1.0, min_samples=5, metric="precomputed")
dbscan("iris", eps=0.3, min_samples=3, metric="chebyshev", algorithm="brute")
weights = np.random.RandomState(2).randint(0, 4, size=120).astype(float)
dbscan("grid", weights=weights, eps=1.0, min_samples=7)
dbscan("grid", weights=weights - 1, eps=1.5, min_samples=6)



def agglomerative(name, **params):
    X = data[name]
    if params.get("metric") == "precomputed":
        X = pairwise_distances(X, metric="manhattan")  # exact on the integer grid
    model = AgglomerativeClustering(**params).fit(X)
    case = {"model": "AgglomerativeClustering", "data": name, "params": params,
            "labels": lst(model.labels_), "children": lst(model.children_),
            "n_clusters_": int(model.n_clusters_), "n_leaves": int(model.n_leaves_),
            "n_connected_components": int(model.n_connected_components_)}
    if hasattr(model, "distances_"):
        case["distances"] = lst(model.distances_)
    cases.append(case)


for name in ("iris", "wine", "blobs", "moons", "circles", "aniso", "grid"):
    for method in ("ward", "complete", "average", "single"):
        agglomerative(name, n_clusters=3, linkage=method, compute_distances=True)
for name in ("iris", "grid"):
    for method in ("complete", "average", "single"):
        for metric in ("manhattan", "cosine") if name != "grid" else ("manhattan",):
            agglomerative(name, n_clusters=4, linkage=method, metric=metric,
                          compute_distances=True)
        agglomerative(name, n_clusters=5, linkage=method, metric="precomputed")
    for method in ("ward", "complete", "average", "single"):
        for k in (1, 2, 6, 17):
            agglomerative(name, n_clusters=k, linkage=method)
        for t in (0.5, 1.0, 2.0, 3.0):
            agglomerative(name, n_clusters=None, distance_threshold=t, linkage=method)
agglomerative("wine", n_clusters=None, distance_threshold=10.0, linkage="ward")
agglomerative("moons", n_clusters=2, linkage="single", metric="l1")
agglomerative("blobs", n_clusters=4, linkage="ward", metric="l2")


def hierarchy(name, method, metric):
    Z = linkage(data[name], method=method, metric=metric)
    case = {"model": "linkage", "data": name, "params": {"method": method, "metric": metric},
            "Z": lst(Z), "fcluster": []}
    for criterion, t in (("distance", 1.0), ("distance", 2.0), ("distance", float(Z[-3, 2])),
                         ("maxclust", 1), ("maxclust", 3), ("maxclust", 7)):
        case["fcluster"].append({"criterion": criterion, "t": t,
                                 "T": lst(fcluster(Z, t, criterion=criterion))})
    cases.append(case)


for name in ("iris", "grid", "blobs"):
    for method in ("single", "complete", "average", "weighted", "ward"):
        for metric in (("euclidean",) if method == "ward"
                       else ("euclidean", "cityblock", "chebyshev", "cosine")[:3 if name == "grid" else 4]):
            hierarchy(name, method, metric)



def optics(name, dbscan_eps=(), **params):
    X = data[name]
    if params.get("metric") == "precomputed":
        X = pairwise_distances(X, metric="manhattan")
    model = OPTICS(**params).fit(X)
    case = {"model": "OPTICS", "data": name, "params": params, "labels": lst(model.labels_),
            "ordering": lst(model.ordering_), "reachability": lst_inf(model.reachability_),
            "core_distances": lst_inf(model.core_distances_),
            "predecessor": lst(model.predecessor_),
            "cluster_optics_dbscan": [
                {"eps": e, "labels": lst(cluster_optics_dbscan(
                    reachability=model.reachability_, core_distances=model.core_distances_,
                    ordering=model.ordering_, eps=e))} for e in dbscan_eps]}
    if hasattr(model, "cluster_hierarchy_"):
        case["cluster_hierarchy"] = lst(model.cluster_hierarchy_.reshape(-1, 2))
    cases.append(case)


optics("iris", dbscan_eps=(0.3, 0.5))
optics("iris", min_samples=10, xi=0.1)
optics("iris", min_samples=8, algorithm="kd_tree", leaf_size=5)
optics("wine", min_samples=6, xi=0.05, dbscan_eps=(2.0, 2.5))
optics("blobs", min_samples=5, dbscan_eps=(0.3,))
optics("blobs", min_samples=10, max_eps=1.0, cluster_method="dbscan", eps=0.5)
optics("moons", min_samples=8, xi=0.05)
optics("moons", min_samples=5, metric="manhattan", predecessor_correction=False)
optics("circles", min_samples=10, xi=0.02, min_cluster_size=20)
optics("aniso", min_samples=20, xi=0.05, dbscan_eps=(0.2,))
optics("grid", min_samples=4)
optics("grid", min_samples=6, max_eps=2.0, algorithm="kd_tree", leaf_size=2)
optics("grid", min_samples=5, metric="chebyshev")
optics("grid", min_samples=5, metric="minkowski", p=3)
optics("grid", min_samples=5, metric="precomputed", max_eps=4.0)
optics("grid", min_samples=0.05, min_cluster_size=0.1, cluster_method="xi")

with open(OUT, "w") as f:
    json.dump({"meta": META, "data": {k: lst(v) for k, v in data.items()}, "cases": cases}, f,
              separators=(",", ":"))
print(len(cases), "cases")
