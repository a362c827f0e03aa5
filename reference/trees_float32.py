"""Reference values for the trees on float32 input (issue 26, `--dtype float32`).

scikit-learn's trees convert X to float32 (their DTYPE) before anything else, so a float32 X grows
the same trees as the same values in float64: this script checks that claim (the tree arrays of
every estimator equal between X32 and X32.astype(float64)) and records scikit-learn's outputs on
the float32 X, for semaine's fit(float[][]) to be compared with.

    python reference/trees_float32.py

X is make_blobs(n_samples=600, centers=3, n_features=4, cluster_std=2.0, random_state=7) (the same
numbers as semaine.data.MakeBlobs) rounded to float32; the classes are the blob ids and the
regression target is y = 2 x0 - x1 x2 computed in float64 from the float32 values.
Writes core/src/test/resources/reference/trees_float32.json.
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import make_blobs
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, IsolationForest,
                              RandomForestClassifier, RandomForestRegressor)
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

OUT = "core/src/test/resources/reference/trees_float32.json"
BLOBS = dict(n_samples=600, centers=3, n_features=4, cluster_std=2.0, random_state=7)


def trees(model):
    return model.estimators_ if hasattr(model, "estimators_") else [model]


def same_trees(a, b):
    for ta, tb in zip(trees(a), trees(b)):
        for name in ("children_left", "children_right", "feature", "threshold", "value"):
            assert np.array_equal(getattr(ta.tree_, name), getattr(tb.tree_, name)), name


def main():
    X, labels = make_blobs(**BLOBS)
    X32 = X.astype(np.float32)
    X64 = X32.astype(np.float64)
    y = 2 * X64[:, 0] - X64[:, 1] * X64[:, 2]
    cases = []
    specs = [
        ("DecisionTreeClassifier", DecisionTreeClassifier, dict(random_state=0), "classes"),
        ("DecisionTreeRegressor", DecisionTreeRegressor, dict(max_depth=6, random_state=0), "y"),
        ("RandomForestClassifier", RandomForestClassifier,
         dict(n_estimators=10, random_state=0), "classes"),
        ("RandomForestRegressor", RandomForestRegressor,
         dict(n_estimators=10, max_depth=5, random_state=0), "y"),
        ("ExtraTreesClassifier", ExtraTreesClassifier, dict(n_estimators=10, random_state=0),
         "classes"),
        ("ExtraTreesRegressor", ExtraTreesRegressor,
         dict(n_estimators=10, max_depth=5, random_state=0), "y"),
        ("IsolationForest", IsolationForest,
         dict(n_estimators=50, contamination=0.1, random_state=0), None),
    ]
    for name, cls, params, target in specs:
        t = {"classes": labels, "y": y, None: None}[target]
        on32 = cls(**params).fit(X32, t) if t is not None else cls(**params).fit(X32)
        on64 = cls(**params).fit(X64, t) if t is not None else cls(**params).fit(X64)
        same_trees(on32, on64)
        case = {"model": name, "params": params, "target": target,
                "node_counts": [int(tr.tree_.node_count) for tr in trees(on32)]}
        if target == "classes":
            case["output"] = on32.predict_proba(X32).tolist()
        elif target == "y":
            case["output"] = on32.predict(X32).tolist()
        else:
            case["output"] = on32.score_samples(X32).tolist()
            case["offset"] = float(on32.offset_)
        cases.append(case)
    with open(OUT, "w") as f:
        json.dump({"sklearn": sklearn.__version__, "make_blobs": BLOBS,
                   "x_sum": float(X64.sum()), "cases": cases}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
