"""Reference values for KMeans on float32 input (issue 26, `--dtype float32`).

scikit-learn 1.9.1 keeps a float32 X in float32: the centring, the tolerance, Lloyd's sums and
the inertia are float32 (its Cython's `floating` instantiated for float), k-means++ upcasts rows to
float64 for its distances. Each case is make_blobs (same numbers as semaine.data.MakeBlobs) rounded
to float32, fitted with one OpenMP thread (its bit-exact case):

    OMP_NUM_THREADS=1 python reference/kmeans_float32.py

Writes core/src/test/resources/reference/kmeans_float32.json: per case the make_blobs arguments,
the float64 sum of the float32 X (to check the data is the same), KMeans' parameters, and its
labels_, cluster_centers_ (float32 values), inertia_, n_iter_ and the dtype of cluster_centers_;
and the first case alone to cli/src/test/resources/reference/cluster_float32.json, for
`semaine cluster --dtype float32` on the CSV that `semaine datasets blobs` writes of it.
"""
import json

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from threadpoolctl import threadpool_limits

OUT = "core/src/test/resources/reference/kmeans_float32.json"
CLI_OUT = "cli/src/test/resources/reference/cluster_float32.json"

CASES = [
    ("2-D blobs, k-means++",
     dict(n_samples=1500, centers=4, n_features=2, cluster_std=1.0, random_state=0),
     dict(n_clusters=4, random_state=0)),
    ("12-D blobs far from the origin, k-means++",
     dict(n_samples=3000, centers=6, n_features=12, cluster_std=2.0, center_box=(500.0, 520.0),
          random_state=1),
     dict(n_clusters=6, random_state=1)),
    ("1-D blobs, k-means++",
     dict(n_samples=1000, centers=3, n_features=1, cluster_std=0.5, random_state=2),
     dict(n_clusters=3, random_state=2)),
    ("2-D blobs, random init, 4 runs",
     dict(n_samples=1500, centers=4, n_features=2, cluster_std=1.5, random_state=3),
     dict(n_clusters=5, init="random", n_init=4, random_state=3)),
    ("5-D overlapping blobs, 20,000 samples, k = 8, tol = 0",
     dict(n_samples=20000, centers=5, n_features=5, cluster_std=3.0, random_state=4),
     dict(n_clusters=8, tol=0.0, random_state=4)),
    ("20-D overlapping blobs, 20,000 samples, k = 8 (16+ features: einsum's norm order)",
     dict(n_samples=20000, centers=3, n_features=20, cluster_std=6.0, random_state=6),
     dict(n_clusters=8, random_state=6)),
    ("3-D blobs, max_iter = 3",
     dict(n_samples=5000, centers=6, n_features=3, cluster_std=2.5, random_state=5),
     dict(n_clusters=6, max_iter=3, random_state=5)),
]


def main():
    cases = []
    with threadpool_limits(1):
        for name, blobs, params in CASES:
            X, _ = make_blobs(**blobs)
            X32 = X.astype(np.float32)
            model = KMeans(**params).fit(X32)
            cases.append({
                "name": name,
                "make_blobs": blobs,
                "x_sum": float(X32.astype(np.float64).sum()),
                "params": params,
                "labels": model.labels_.tolist(),
                "centers": model.cluster_centers_.astype(np.float64).tolist(),
                "centers_dtype": str(model.cluster_centers_.dtype),
                "inertia": float(model.inertia_),
                "n_iter": int(model.n_iter_),
            })
    with open(OUT, "w") as f:
        json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, f)
        f.write("\n")
    with open(CLI_OUT, "w") as f:
        json.dump(cases[0], f)
        f.write("\n")


if __name__ == "__main__":
    main()
