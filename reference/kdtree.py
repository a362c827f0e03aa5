"""Reference vectors for the k-d tree (semaine.neighbors.KDTree), from scikit-learn 1.9.

Run with python reference/kdtree.py; writes
core/src/test/resources/reference/kdtree.json.

Data: integer grids, the iris training split, uniform points, and values built so that the
root split runs out of introselect depth (libstdc++'s heap-selection fallback).

- "tree": the arrays of KDTree(X, leaf_size).get_arrays() after construction: the permuted
  index array (fixed by the std::nth_element partition), each node's index range and leaf flag,
  and the node bounding boxes.
- "query": NearestNeighbors(algorithm="kd_tree", leaf_size=..., p=...) on tie-heavy integer grids:
  kneighbors(Q) and, for k <= 5 on the grids and iris, kneighbors() (the training set, each point
  without itself); indices for every leaf size, distances once (they do not depend on the leaf
  size).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KDTree, NearestNeighbors

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "kdtree.json")

LEAF_SIZES = (1, 2, 5, 30)


def lst(a):
    return np.asarray(a).tolist()


def introselect_killer(n):
    """Values for which libstdc++'s std::nth_element(0, n / 2, n) on the indices 0..n-1 runs out of
    depth and falls back to its heap selection: McIlroy's "antiqsort" adversary (values are frozen
    lazily, the pivot candidate last), run against a transcription of the introselect loop."""
    gas = n
    val = [gas] * n
    state = {"solid": 0, "candidate": 0}

    def freeze(x):
        val[x] = state["solid"]
        state["solid"] += 1

    def less(x, y):
        if val[x] == gas and val[y] == gas:
            freeze(x if x == state["candidate"] else y)
        if val[x] == gas:
            state["candidate"] = x
        elif val[y] == gas:
            state["candidate"] = y
        return val[x] < val[y]

    a = list(range(n))
    first, nth, last = 0, n // 2, n
    depth = 2 * ((last - first).bit_length() - 1)
    while last - first > 3 and depth > 0:
        depth -= 1
        mid = first + (last - first) // 2
        x, y, z = first + 1, mid, last - 1
        if less(a[x], a[y]):
            m = y if less(a[y], a[z]) else (z if less(a[x], a[z]) else x)
        else:
            m = x if less(a[x], a[z]) else (z if less(a[y], a[z]) else y)
        a[first], a[m] = a[m], a[first]
        lo, hi = first + 1, last
        while True:
            while less(a[lo], a[first]):
                lo += 1
            hi -= 1
            while less(a[first], a[hi]):
                hi -= 1
            if lo >= hi:
                break
            a[lo], a[hi] = a[hi], a[lo]
            lo += 1
        if lo <= nth:
            first = lo
        else:
            last = lo
    assert depth == 0 and last - first > 3, "the adversary did not exhaust the depth"
    for i in range(n):
        if val[i] == gas:
            freeze(i)
    return np.array(val, dtype=float)


rng = np.random.RandomState(0)
datasets = {}
# (n_train, n_query, side, n_features): integer grids, many equal coordinates and distances
for n_train, n_query, side, d in ((40, 300, 6, 2), (600, 200, 12, 2), (1000, 200, 5, 3),
                                  (500, 100, 50, 1)):
    X = rng.randint(0, side, size=(n_train, d)).astype(float)
    Q = rng.randint(0, side, size=(n_query, d)).astype(float)
    datasets["grid%d_%dd" % (n_train, d)] = (X, Q)
iris = load_iris()
X_train, X_test, _, _ = train_test_split(iris.data, iris.target, random_state=0)
datasets["iris"] = (X_train, X_test)
datasets["uniform1000_3d"] = (rng.rand(1000, 3), rng.rand(100, 3))
# the root split takes libstdc++'s heap-selection fallback; a second feature of smaller spread
killer = introselect_killer(200)
datasets["introselect_killer"] = (np.column_stack([killer, rng.randint(0, 3, 200)]),
                                  rng.randint(0, 200, size=(50, 2)).astype(float))

cases = []
for name, (X, Q) in datasets.items():
    cases.append({"name": "data", "data": name, "X": lst(X), "Q": lst(Q)})
    for leaf_size in LEAF_SIZES + (40,):
        _, idx_array, node_data, node_bounds = KDTree(X, leaf_size=leaf_size).get_arrays()
        cases.append({"name": "tree", "data": name, "leaf_size": leaf_size,
                      "idx_array": lst(idx_array),
                      "idx_start": lst(node_data["idx_start"]),
                      "idx_end": lst(node_data["idx_end"]),
                      "is_leaf": lst(node_data["is_leaf"]),
                      "lower": lst(node_bounds[0]), "upper": lst(node_bounds[1])})
    for k in (1, 3, 5, 16):
        for p in (1, 2):
            case = {"name": "query", "data": name, "k": k, "p": p, "indices": {},
                    "train_indices": {}}
            for leaf_size in LEAF_SIZES:
                nn = NearestNeighbors(n_neighbors=k, algorithm="kd_tree", leaf_size=leaf_size,
                                      p=p).fit(X)
                dist, ind = nn.kneighbors(Q)
                case["distances"] = lst(dist)
                case["indices"][str(leaf_size)] = lst(ind)
                if k <= 5 and not name.startswith("uniform"):
                    tdist, tind = nn.kneighbors()
                    case["train_distances"] = lst(tdist)
                    case["train_indices"][str(leaf_size)] = lst(tind)
            cases.append(case)

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, f)
print("wrote", len(cases), "cases to", OUT)
