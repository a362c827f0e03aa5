"""Reference values for semaine.clustering (KMeans, ElbowMethod) and silhouette_score.

Run from the repository root with one OpenMP thread (scikit-learn's single-thread results are the
bit-exact reference; with several threads its inertia moves in the last ulp):

    OMP_NUM_THREADS=1 python reference/kmeans.py

Writes core/src/test/resources/reference/kmeans.json and, for the `cluster` command,
cli/src/test/resources/reference/cluster.json.

The Kneedle elbow (Satopaa et al., 2011) is written out below from the paper, in the variant the
`kneed` package uses for inertia curves (curve='convex', direction='decreasing', S=1, offline):
normalise x and y to [0, 1], flip y (y_n -> max(y_n) - y_n), difference curve y_d = y_n - x_n,
local maxima and minima of y_d (argrelextrema with >= / <=, clipped ends), threshold
T = y_d[max] - S * mean(diff(x_n)); the knee is the last local maximum before y_d drops below the
current threshold. None when no maximum is followed by such a drop.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs, load_iris
from sklearn.metrics import silhouette_score

OUT = "core/src/test/resources/reference/kmeans.json"


def fitted(model):
    return {
        "labels": model.labels_.tolist(),
        "centers": model.cluster_centers_.tolist(),
        "inertia": float(model.inertia_),
        "n_iter": int(model.n_iter_),
    }


def kneedle(x, y, S=1.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    xn = (x - x.min()) / (x.max() - x.min())
    yn = (y - y.min()) / (y.max() - y.min())
    yn = yn.max() - yn  # convex, decreasing
    yd = yn - xn
    n = len(yd)
    maxima = [i for i in range(n) if yd[i] >= yd[max(i - 1, 0)] and yd[i] >= yd[min(i + 1, n - 1)]]
    minima = [i for i in range(n) if yd[i] <= yd[max(i - 1, 0)] and yd[i] <= yd[min(i + 1, n - 1)]]
    if not maxima:
        return None
    step = abs(np.diff(xn).mean())
    thresholds = [yd[i] - S * step for i in maxima]
    mi = 0
    threshold = None
    threshold_index = None
    for i in range(n):
        if i < maxima[0]:
            continue
        if xn[i] == 1.0:
            break
        if i in maxima:
            threshold = thresholds[mi]
            threshold_index = i
            mi += 1
        if i in minima:
            threshold = 0.0
        if yd[i + 1] < threshold:
            return {"index": int(threshold_index), "k": float(x[threshold_index])}
    return None


out = {"sklearn": sklearn.__version__, "numpy": np.__version__}

# 1. The fact sheet's blobs, fits from seeds.
X, _ = make_blobs(n_samples=50, centers=2, n_features=2, random_state=0, cluster_std=1)
seeded = []
for k in range(1, 7):
    for n_init, init in [("auto", "k-means++"), (10, "k-means++"), ("auto", "random")]:
        m = KMeans(n_clusters=k, n_init=n_init, init=init, random_state=0).fit(X)
        seeded.append({"k": k, "n_init": n_init, "init": init, "seed": 0, **fitted(m)})
out["blobs50"] = {"X": X.tolist(), "fits": seeded}

# 2. Larger sets: several 256-sample chunks, 5 and 16 features (row norms, dot products).
larger = []
for n, d, centers, k, seed in [(2000, 5, 6, 7, 3), (1000, 16, 4, 5, 11), (777, 2, 3, 8, 5)]:
    Xl, _ = make_blobs(n_samples=n, centers=centers, n_features=d, random_state=seed)
    m = KMeans(n_clusters=k, random_state=seed).fit(Xl)
    larger.append({"make_blobs": {"n_samples": n, "n_features": d, "centers": centers,
                                  "random_state": seed},
                   "k": k, "seed": seed, **fitted(m)})
out["larger"] = larger

# 3. Explicit initial centres, including one far away (an empty cluster in the first E-step,
#    relocated to the farthest sample) and two far away (two relocations).
X3, _ = make_blobs(n_samples=300, centers=4, n_features=3, random_state=7, cluster_std=1.5)
explicit = []
for name, init in [
    ("first_rows", X3[:4].copy()),
    ("one_far", np.vstack([X3[:3], [[100.0, 100.0, 100.0]]])),
    ("two_far", np.vstack([X3[:3], [[100.0, 100.0, 100.0], [-90.0, 80.0, 50.0]]])),
]:
    m = KMeans(n_clusters=len(init), init=init, n_init=1).fit(X3)
    explicit.append({"name": name, "init": init.tolist(), **fitted(m)})
out["explicit"] = {"X": X3.tolist(), "fits": explicit}

# 4. Fewer distinct points than clusters: scikit-learn warns and still returns a result.
X4 = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0], [5.0, 5.0], [1.0, 1.0], [5.0, 5.0]])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    m = KMeans(n_clusters=4, random_state=0).fit(X4)
out["duplicates"] = {"X": X4.tolist(), "k": 4, "seed": 0, **fitted(m),
                     "warning": str([w for w in caught if "distinct" in str(w.message)][0].message)}

# 5. predict, transform, score on new samples with the model of case 1, k = 3.
m = KMeans(n_clusters=3, random_state=0).fit(X)
Xnew = np.random.RandomState(1).uniform(-2, 6, size=(20, 2))
out["predict"] = {"k": 3, "seed": 0, "X_new": Xnew.tolist(),
                  "predict": m.predict(Xnew).tolist(),
                  "transform": m.transform(Xnew).tolist(),
                  "score": float(m.score(Xnew))}

# 6. The book's listing with the global stream (sklearn >= 1.4 defaults), and its elbow.
np.random.seed(0)
k_true = int(np.random.choice([2, 3, 4, 5, 6, 7, 8]))
Xb, _ = make_blobs(n_samples=200, centers=k_true, n_features=2, cluster_std=0.5)
inertias = [float(KMeans(n_clusters=k).fit(Xb).inertia_) for k in range(1, 10)]
final = KMeans(n_clusters=4).fit(Xb)
out["book"] = {"k_true": k_true, "X": Xb.tolist(), "inertias": inertias,
               "final_k4": fitted(final), "elbow": kneedle(range(1, 10), inertias)}

# 7. Kneedle on more curves: a curve with a clear knee, a straight line (no knee) and a
#    curve that keeps dropping.
curves = []
for name, x, y in [
    ("book", list(range(1, 10)), inertias),
    ("sharp", list(range(1, 8)), [100.0, 30.0, 10.0, 8.0, 7.0, 6.5, 6.0]),
    ("line", list(range(1, 6)), [5.0, 4.0, 3.0, 2.0, 1.0]),
    ("late", list(range(2, 9)), [50.0, 49.0, 48.0, 47.0, 10.0, 9.0, 8.5]),
]:
    curves.append({"name": name, "x": x, "y": y, "elbow": kneedle(x, y)})
out["kneedle"] = curves

# 8. silhouette_score on a few labelled sets.
sil = []
iris = load_iris()
sil.append({"name": "iris_target", "X": iris.data.tolist(), "labels": iris.target.tolist(),
            "score": float(silhouette_score(iris.data, iris.target))})
sil.append({"name": "blobs50_k3", "X": X.tolist(), "labels": m.labels_.tolist(),
            "score": float(silhouette_score(X, m.labels_))})
sil.append({"name": "book_k4", "X": Xb.tolist(), "labels": final.labels_.tolist(),
            "score": float(silhouette_score(Xb, final.labels_))})
sil.append({"name": "singleton_cluster", "X": X4.tolist(), "labels": [0, 1, 0, 2, 1, 1],
            "score": float(silhouette_score(X4, [0, 1, 0, 2, 1, 1]))})
out["silhouette"] = sil

with open(OUT, "w") as f:
    json.dump(out, f)

# 9. The `cluster` command on the fact sheet's blobs: one k, and an elbow range whose fits share
#    one RandomState(0), as `--elbow 1:6 --seed 0`.
single = KMeans(n_clusters=3, random_state=0).fit(X)
shared = np.random.RandomState(0)
elbow_inertias = [float(KMeans(n_clusters=k, random_state=shared).fit(X).inertia_)
                  for k in range(1, 7)]
elbow = kneedle(range(1, 7), elbow_inertias)
with open("cli/src/test/resources/reference/cluster.json", "w") as f:
    json.dump({"make_blobs": "n_samples=50, centers=2, n_features=2, cluster_std=1, random_state=0",
               "k3_seed0": fitted(single),
               "elbow_1_6_seed0": {"k": list(range(1, 7)), "inertia": elbow_inertias,
                                   "elbow": None if elbow is None else int(elbow["k"])},
               "book_listing": {"k": k_true, "inertia": inertias,
                                "elbow": int(out["book"]["elbow"]["k"]),
                                "predictions_first10": final.predict(Xb)[:10].tolist(),
                                "inertia_k4": float(final.inertia_)}}, f)

try:
    # the shared folder sits beside the repository (../shared); SEMAINE_SHARED points elsewhere
    shared = os.environ.get("SEMAINE_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    with open(os.path.join(shared, "reference", "book.json")) as f:
        book = json.load(f)["listings"]["day4_kmeans"]
    assert book["inertias"] == inertias, "book.json inertias differ"
    assert book["final_k4_labels"] == final.labels_.tolist(), "book.json labels differ"
    print("book listing agrees with book.json")
except FileNotFoundError:
    pass
print("book elbow:", out["book"]["elbow"], [c["elbow"] for c in curves])
