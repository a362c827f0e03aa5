"""Reference vectors for semaine.data (sample generators) and semaine.selection.TrainTestSplit.

Run with scikit-learn 1.9 (e.g. python reference/datasets.py OUT_DIR). Writes:
  datasets.json    five make_blobs calls (X, y), compared with == by MakeBlobsTest
  generators.json  make_moons, make_circles, make_regression and train_test_split calls, each case
                   a Python call (evaluated here) and its outputs
"""
import os
import sys

import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_circles, make_moons, make_regression
from sklearn.model_selection import train_test_split
from common import META, dump

BLOB_CALLS = [
    "make_blobs(n_samples=50, centers=2, n_features=2, random_state=0, cluster_std=1.0)",
    "make_blobs(n_samples=200, centers=3, n_features=2, random_state=42, cluster_std=0.5)",
    "make_blobs(n_samples=101, centers=4, n_features=3, random_state=7, cluster_std=1.5)",
    "make_blobs(n_samples=30, centers=1, n_features=5, random_state=1, cluster_std=2.0)",
    "make_blobs(n_samples=[10,20,5], centers=[[0,0],[5,5],[-5,5]], cluster_std=[0.5,1.0,2.0], "
    "random_state=3)",
]

GENERATOR_CALLS = [
    "make_blobs(n_samples=7, centers=3, random_state=42, cluster_std=0.5, return_centers=True)",
    "make_blobs(random_state=5, return_centers=True)",
    "make_blobs(n_samples=[3,4], n_features=3, random_state=9, center_box=(0, 1), shuffle=False, "
    "return_centers=True)",
    "make_blobs(n_samples=9, centers=2, cluster_std=[0.1, 3.0], random_state=2, return_centers=True)",
    "make_moons(n_samples=100, noise=0.1, random_state=0)",
    "make_moons(n_samples=15, random_state=3)",
    "make_moons(n_samples=(4, 7), noise=0.3, shuffle=False, random_state=1)",
    "make_moons(n_samples=1, noise=0.05, random_state=8)",
    "make_circles(n_samples=100, noise=0.05, factor=0.5, random_state=0)",
    "make_circles(n_samples=11, random_state=4)",
    "make_circles(n_samples=(6, 3), noise=0.2, factor=0.3, shuffle=False, random_state=2)",
    "make_regression(n_samples=20, n_features=5, n_informative=3, noise=1.0, bias=2.5, coef=True, "
    "random_state=0)",
    "make_regression(n_samples=30, n_features=3, coef=True, random_state=42)",
    "make_regression(n_samples=8, n_features=4, n_informative=2, n_targets=3, noise=0.5, coef=True, "
    "random_state=7)",
    "make_regression(n_samples=10, n_features=2, shuffle=False, noise=2.0, coef=True, "
    "random_state=1)",
    "train_test_split(np.arange(20.).reshape(10, 2), np.arange(10), random_state=42)",
    "train_test_split(np.arange(30.).reshape(15, 2), np.arange(15) * 0.5, test_size=0.3, "
    "random_state=0)",
    "train_test_split(np.arange(16.).reshape(8, 2), np.arange(8), test_size=3, train_size=4, "
    "random_state=5)",
    "train_test_split(np.arange(12.).reshape(6, 2), np.arange(6), train_size=0.5, random_state=1)",
    "train_test_split(np.arange(14.).reshape(7, 2), np.arange(7), shuffle=False, test_size=0.4)",
]


def as_list(v):
    return np.asarray(v).tolist()


def shared_stream_case():
    """Two calls sharing one RandomState, as the book passes np.random along."""
    rs = np.random.RandomState(0)
    X1, y1 = make_blobs(n_samples=6, centers=2, random_state=rs)
    X2, y2 = make_moons(n_samples=6, noise=0.1, random_state=rs)
    X3, X4, y3, y4 = train_test_split(X1, y1, test_size=0.5, random_state=rs)
    return {
        "call": "rs = RandomState(0); make_blobs(n_samples=6, centers=2, random_state=rs); "
                "make_moons(n_samples=6, noise=0.1, random_state=rs); "
                "train_test_split(X1, y1, test_size=0.5, random_state=rs)",
        "outputs": [as_list(v) for v in (X1, y1, X2, y2, X3, X4, y3, y4)],
    }


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    meta = META
    blobs = []
    for call in BLOB_CALLS:
        X, y = eval(call)
        blobs.append({"call": call, "X": as_list(X), "y": as_list(y)})
    dump({"meta": meta, "cases": blobs}, os.path.join(out, "datasets.json"))

    cases = [{"call": call, "outputs": [as_list(v) for v in eval(call)]}
             for call in GENERATOR_CALLS]
    cases.append(shared_stream_case())
    dump({"meta": meta, "cases": cases}, os.path.join(out, "generators.json"))


if __name__ == "__main__":
    main()
