"""Reference vectors for Ward's linkage over centroids (no distance matrix), scikit-learn 1.9 and
SciPy 1.17.

Run with OMP_NUM_THREADS=1 python reference/ward_centroids.py; writes
core/src/test/resources/reference/ward_centroids.json. The data sets are large enough for semaine's
centroid route (Hierarchy.WARD_CENTROIDS_FROM) and are drawn with NumPy's legacy generator, which
semaine.random.RandomState reproduces bit for bit, so only the results are stored:

- randn: RandomState(0).randn(4000, 6);
- blobs: rs = RandomState(1); centers = rs.randn(6, 3) * 4; which = rs.randint(0, 6, size=3000);
  rs.randn(3000, 3) * 0.6 + centers[which];
- grid: RandomState(2).randint(0, 100, size=(2000, 2)) as floats, full of exact ties, where the
  centroid route gives way to SciPy's matrix.

Each case gives AgglomerativeClustering's parameters and fitted attributes; "linkage" cases give
SciPy's linkage(X, 'ward') and fcluster(Z, k, 'maxclust').
"""
import json
import os

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.cluster import AgglomerativeClustering

from common import META

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "ward_centroids.json")


def lst(a):
    return np.asarray(a).tolist()


data = {"randn": np.random.RandomState(0).randn(4000, 6)}
rs = np.random.RandomState(1)
centers = rs.randn(6, 3) * 4
which = rs.randint(0, 6, size=3000)
data["blobs"] = rs.randn(3000, 3) * 0.6 + centers[which]
data["grid"] = np.random.RandomState(2).randint(0, 100, size=(2000, 2)).astype(float)

cases = []


def agglomerative(name, **params):
    model = AgglomerativeClustering(linkage="ward", **params).fit(data[name])
    case = {"model": "AgglomerativeClustering", "data": name, "params": params,
            "labels": lst(model.labels_), "children": lst(model.children_),
            "n_clusters_": int(model.n_clusters_)}
    if hasattr(model, "distances_"):
        case["distances"] = lst(model.distances_)
    cases.append(case)


for name in ("randn", "blobs", "grid"):
    agglomerative(name, n_clusters=8, compute_distances=True)
agglomerative("randn", n_clusters=None, distance_threshold=40.0)
agglomerative("blobs", n_clusters=None, distance_threshold=30.0)
for name in ("randn", "blobs", "grid"):
    Z = linkage(data[name], method="ward")
    cases.append({"model": "linkage", "data": name, "Z": lst(Z),
                  "maxclust": 6, "T": lst(fcluster(Z, 6, criterion="maxclust"))})

with open(OUT, "w") as f:
    json.dump({"meta": META, "cases": cases}, f, separators=(",", ":"))
print(len(cases), "cases")
