"""Reference text of sklearn.tree.export_text for semaine.tree.TreeExport, scikit-learn 1.9.

Run with OMP_NUM_THREADS=1 python reference/export_text.py; writes
core/src/test/resources/reference/export_text.json. Each case names its data (a bundled
dataset), the estimator and its parameters (the Java side grows the same tree, node for node),
the keyword arguments given to export_text and the text scikit-learn prints.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes, load_iris
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor, export_text

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "export_text.json")

iris = load_iris()
diabetes = load_diabetes()
DATA = {"iris": (iris.data, iris.target, list(iris.feature_names), list(iris.target_names)),
        "diabetes": (diabetes.data, diabetes.target, list(diabetes.feature_names), None)}

CASES = [
    ("iris", "classifier", {"random_state": 0}, {}),
    ("iris", "classifier", {"random_state": 0, "max_depth": 2}, {"feature_names": True}),
    ("iris", "classifier", {"random_state": 0},
     {"feature_names": True, "class_names": True, "max_depth": 2}),
    ("iris", "classifier", {"random_state": 1, "max_features": 2},
     {"spacing": 5, "decimals": 3, "show_weights": True, "max_depth": 3}),
    ("iris", "classifier", {"random_state": 0, "criterion": "entropy", "max_depth": 4},
     {"feature_names": True, "decimals": 0, "show_weights": True, "spacing": 1}),
    ("iris", "classifier", {"random_state": 0}, {"max_depth": 0}),
    ("diabetes", "regressor", {"random_state": 0, "max_depth": 3}, {}),
    ("diabetes", "regressor", {"random_state": 0, "max_depth": 4},
     {"feature_names": True, "decimals": 4, "max_depth": 2}),
    ("diabetes", "regressor", {"random_state": 0, "min_samples_leaf": 20},
     {"feature_names": True, "decimals": 1, "spacing": 2, "max_depth": 5}),
    ("diabetes", "regressor", {"random_state": 2, "max_depth": 6, "max_features": 0.5},
     {"decimals": 3, "show_weights": True}),
]

cases = []
for data, kind, params, kwargs in CASES:
    X, y, feature_names, class_names = DATA[data]
    model = (DecisionTreeClassifier if kind == "classifier" else DecisionTreeRegressor)(**params)
    model.fit(X, y)
    args = dict(kwargs)
    if args.get("feature_names"):
        args["feature_names"] = feature_names
    if args.get("class_names"):
        args["class_names"] = class_names
    text = export_text(model, **args)
    cases.append({"data": data, "kind": kind, "params": params, "export": args, "text": text})

with open(OUT, "w") as f:
    json.dump({"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
               "cases": cases}, f, indent=1)
print(f"{len(cases)} cases -> {OUT}")
