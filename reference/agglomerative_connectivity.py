"""Reference vectors for structured AgglomerativeClustering (a connectivity graph), scikit-learn 1.9.

Run with OMP_NUM_THREADS=1 python reference/agglomerative_connectivity.py; writes
core/src/test/resources/reference/agglomerative_connectivity.json. Each case names its data set,
its parameters (connectivity "knn:K" is kneighbors_graph(X, K, include_self=False),
"knn:K:include_self" the same with include_self=True) and scikit-learn's fitted attributes. Data:

- blobs: the book's Day 4 blobs (np.random.seed(0), k = np.random.choice([2..8]),
  make_blobs(200, centers=k, cluster_std=0.5)); moons (300 points, noise 0.05, random_state 0);
- roll: 2,000 points of scikit-learn's structured-Ward example (np.random.seed(0),
  t = 1.5 pi (1 + 3 rand), (t cos t, t sin t) + 0.7 randn);
- islands: four far-apart blobs of 30 points (make_blobs(120, centers 100 apart, random_state 2)):
  a 3-NN graph of several connected components, completed with a warning;
- grid: 120 points of the integer grid 0..9 (duplicates, equal distances).
"""
import os
import warnings

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.datasets import make_blobs, make_moons
from sklearn.metrics import pairwise_distances
from sklearn.neighbors import kneighbors_graph

from common import META
import json

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "agglomerative_connectivity.json")


def lst(a):
    return np.asarray(a).tolist()


data = {}
np.random.seed(0)
k = np.random.choice([2, 3, 4, 5, 6, 7, 8])
data["blobs"] = make_blobs(n_samples=200, centers=k, n_features=2, cluster_std=0.5)[0]
data["moons"] = make_moons(n_samples=300, noise=0.05, random_state=0)[0]
np.random.seed(0)
t = 1.5 * np.pi * (1 + 3 * np.random.rand(1, 2000))
roll = np.concatenate((t * np.cos(t), t * np.sin(t)))
roll += 0.7 * np.random.randn(2, 2000)
data["roll"] = roll.T.copy()
data["islands"] = make_blobs(n_samples=120, centers=[[0, 0], [100, 0], [0, 100], [100, 100]],
                             random_state=2)[0]
data["grid"] = np.random.RandomState(1).randint(0, 10, size=(120, 2)).astype(float)

cases = []


def graph(X, spec):
    parts = spec.split(":")
    return kneighbors_graph(X, int(parts[1]), include_self=len(parts) > 2)


def agglomerative(name, **params):
    X = data[name]
    fit_params = dict(params)
    if params.get("metric") == "precomputed":
        G = graph(X, params["connectivity"])
        X = pairwise_distances(X, metric="manhattan")  # exact on the integer grid
        fit_params["connectivity"] = G
        params = dict(params, connectivity=[lst(G[[i]].indices) for i in range(G.shape[0])])
    else:
        fit_params["connectivity"] = graph(X, params["connectivity"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = AgglomerativeClustering(**fit_params).fit(X)
    case = {"model": "AgglomerativeClustering", "data": name, "params": params,
            "labels": lst(model.labels_), "children": lst(model.children_),
            "n_clusters_": int(model.n_clusters_), "n_leaves": int(model.n_leaves_),
            "n_connected_components": int(model.n_connected_components_),
            "warnings": [str(w.message) for w in caught]}
    if hasattr(model, "distances_"):
        case["distances"] = lst(model.distances_)
    cases.append(case)


for name, knn in (("blobs", "knn:10"), ("moons", "knn:10"), ("roll", "knn:10"),
                  ("islands", "knn:3"), ("grid", "knn:5")):
    for method in ("ward", "complete", "average", "single"):
        agglomerative(name, n_clusters=3, linkage=method, connectivity=knn,
                      compute_distances=True)
        agglomerative(name, n_clusters=6, linkage=method, connectivity=knn,
                      compute_full_tree=False, compute_distances=True)
        agglomerative(name, n_clusters=None, distance_threshold=1.0, linkage=method,
                      connectivity=knn)
for method in ("ward", "complete", "average", "single"):
    agglomerative("roll", n_clusters=150, linkage=method, connectivity="knn:10")
    agglomerative("moons", n_clusters=4, linkage=method, connectivity="knn:5:include_self",
                  compute_distances=True)
    agglomerative("blobs", n_clusters=1, linkage=method, connectivity="knn:4",
                  compute_full_tree=False)
for method in ("complete", "average", "single"):
    for metric in ("manhattan", "cosine"):
        agglomerative("moons", n_clusters=4, linkage=method, metric=metric,
                      connectivity="knn:6", compute_distances=True)
    agglomerative("grid", n_clusters=5, linkage=method, metric="precomputed",
                  connectivity="knn:4", compute_distances=True)

graphs = {name: lst(kneighbors_graph(data[name], 10, include_self=False).indices.reshape(-1, 10))
          for name in ("blobs", "roll")}
graphs["roll_self"] = lst(kneighbors_graph(data["roll"], 10, include_self=True)
                          .indices.reshape(-1, 10))

with open(OUT, "w") as f:
    json.dump({"meta": META, "data": {k: lst(v) for k, v in data.items()}, "cases": cases,
               "kneighbors_graph": graphs}, f, separators=(",", ":"))
print(len(cases), "cases")
