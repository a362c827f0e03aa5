"""Reference vectors for NearestNeighbors.radiusNeighbors, from scikit-learn 1.9.

Run with python reference/radius.py; writes
core/src/test/resources/reference/radius.json.

Each case is NearestNeighbors(algorithm=..., p=..., leaf_size=..., radius=r).fit(X)
.radius_neighbors(Q, sort_results=True): for every query the indices and distances in
scikit-learn's order (equal distances included). Data sets are stored once under "data"
(iris is not stored: Java loads the same values with Datasets.loadIris(), and Q = X):

- grid2: integer 2-D grid 0..7 (many duplicates and equal distances), queries on and off the
  grid; radii 0, 1, 1.5, 2, sqrt(5) and 3; "small", its first 40 points, with radius 100 (the
  whole set: the tree's "node inside" case from the root).
- grid3: 3-D grid 0..3, 300 points (rows of more than 15 tied neighbours: the introsort path).
- decimal: coordinates k / 10, radii 0.1, 0.2, 0.3: points at the radius up to rounding.
- gauss: 500 gaussian points in 3-D, queries partly training points (radius 0 finds them).
- iris: every training point as a query, algorithm "auto" too.

"pow_sensitive" (kd_tree, p = 2) lists the queries whose answer depends on glibc's pow: the tree
bounds its nodes by pow(sum of pow(gap, 2), 0.5), and glibc's pow is not always correctly
rounded (about 1 call in 1,200 here), while semaine uses gap * gap and Math.sqrt. A node bound
that lands within an ulp of the radius can then take the other branch (e.g. "all points inside",
keeping a point whose squared distance exceeds radius² by an ulp). They are found by running the
query twice in Python, with the C library's pow and with correctly rounded arithmetic; the first
run is checked against scikit-learn.
"""
import ctypes
import json
import math
import os

import numpy as np
from sklearn.datasets import load_iris
from sklearn.neighbors import NearestNeighbors

from common import META

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "radius.json")


def lst(a):
    return np.asarray(a).tolist()


rng = np.random.RandomState(0)
data = {}

X = rng.randint(0, 8, size=(200, 2)).astype(float)
Q = np.vstack([rng.randint(0, 8, size=(30, 2)).astype(float),
               rng.randint(0, 16, size=(10, 2)) / 2.0, X[:5]])
data["grid2"] = (X, Q, (0.0, 1.0, 1.5, 2.0, math.sqrt(5.0), 3.0))
data["small"] = (X[:40], Q[:20], (100.0,))

X = rng.randint(0, 4, size=(300, 3)).astype(float)
Q = np.vstack([rng.randint(0, 4, size=(20, 3)).astype(float), X[:5]])
data["grid3"] = (X, Q, (0.0, 1.0, math.sqrt(2.0), 2.0))

X = rng.randint(0, 20, size=(150, 2)) / 10.0
Q = np.vstack([rng.randint(0, 20, size=(30, 2)) / 10.0, X[:5]])
data["decimal"] = (X, Q, (0.1, 0.2, 0.3))

X = rng.randn(500, 3)
Q = np.vstack([rng.randn(40, 3), X[:10]])
data["gauss"] = (X, Q, (0.0, 0.5, 1.0, 2.0))

iris = load_iris().data
data["iris"] = (iris, iris, (0.0, 0.3, 0.5))

LIBM = ctypes.CDLL("libm.so.6")
LIBM.pow.restype = ctypes.c_double
LIBM.pow.argtypes = [ctypes.c_double, ctypes.c_double]


def libm_pow(x, y):
    return LIBM.pow(x, y)


def exact_pow(x, y):
    return x * x if y == 2 else math.sqrt(x)


def query_radius_set(tree, q, r, power):
    """_query_radius_single (p = 2) in Python, with the given pow: the set of indices found."""
    data, idx, nodes, bounds = tree.get_arrays()
    found = set()

    def visit(node):
        lo, hi = bounds[0, node], bounds[1, node]
        low = high = 0.0
        for f in range(len(q)):
            d_lo, d_hi = float(lo[f] - q[f]), float(q[f] - hi[f])
            low += power(0.5 * ((d_lo + abs(d_lo)) + (d_hi + abs(d_hi))), 2)
            high += power(max(abs(d_lo), abs(d_hi)), 2)
        start, end, is_leaf, _ = nodes[node]
        if power(low, 0.5) > r:
            return
        if power(high, 0.5) <= r:
            found.update(int(i) for i in idx[start:end])
        elif is_leaf:
            for i in idx[start:end]:
                s = 0.0
                for f in range(len(q)):
                    s += float(q[f] - data[i, f]) ** 2
                if s <= r * r:
                    found.add(int(i))
        else:
            visit(2 * node + 1)
            visit(2 * node + 2)

    visit(0)
    return found


cases = []
for name, (X, Q, radii) in data.items():
    algorithms = ("brute", "kd_tree", "auto") if name == "iris" else ("brute", "kd_tree")
    for algorithm in algorithms:
        leaf_sizes = (30, 2) if algorithm == "kd_tree" else (30,)
        for leaf_size in leaf_sizes:
            for p in (1, 2):
                for r in radii:
                    nn = NearestNeighbors(algorithm=algorithm, p=p, leaf_size=leaf_size,
                                          radius=r).fit(X)
                    dist, ind = nn.radius_neighbors(Q, sort_results=True)
                    sensitive = []
                    if nn._fit_method == "kd_tree" and p == 2:
                        for i, q in enumerate(Q):
                            with_libm = query_radius_set(nn._tree, q, r, libm_pow)
                            assert with_libm == set(ind[i].tolist()), (name, i)
                            if query_radius_set(nn._tree, q, r, exact_pow) != with_libm:
                                sensitive.append(i)
                    cases.append({"pow_sensitive": sensitive, "data": name, "algorithm": algorithm,
                                  "fit_method": nn._fit_method, "leaf_size": leaf_size, "p": p,
                                  "radius": r, "distances": [lst(row) for row in dist],
                                  "indices": [lst(row) for row in ind]})

stored = {name: {"X": lst(X), "Q": lst(Q)} for name, (X, Q, _) in data.items() if name != "iris"}
with open(OUT, "w") as f:  # compact: the file holds ~150,000 neighbours
    json.dump({"meta": META, "data": stored, "cases": cases}, f, separators=(",", ":"))
print(sum(len(c["pow_sensitive"]) for c in cases), "pow-sensitive queries")
print(len(cases), "cases,", sum(len(r) for c in cases for r in c["indices"]), "neighbours")
