"""Reference warm-started forests for semaine.ensemble (warm_start=True), scikit-learn 1.9.

Run with OMP_NUM_THREADS=1 python reference/forests_warm_start.py; writes
core/src/test/resources/reference/forests_warm_start.json. Each case fits a forest with
warm_start=True and n_estimators from the list "steps" in turn (the trees of the earlier fits kept,
the new ones grown from the next seeds), and gives every tree's random_state and tree_ arrays
after the last step, feature_importances_ and, with oob_score, oob_score_.
"""
import json
import os

import numpy as np
import sklearn
from tree_arrays import estimator_arrays, lst
from sklearn.datasets import load_diabetes, load_iris, load_wine
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier,
                              RandomForestRegressor)

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "forests_warm_start.json")

MODELS = {"RandomForestClassifier": RandomForestClassifier,
          "RandomForestRegressor": RandomForestRegressor,
          "ExtraTreesClassifier": ExtraTreesClassifier,
          "ExtraTreesRegressor": ExtraTreesRegressor}
DATA = {"iris": load_iris(return_X_y=True), "wine": load_wine(return_X_y=True),
        "diabetes": load_diabetes(return_X_y=True)}


CASES = [
    ("RandomForestClassifier", "iris", {"random_state": 0, "max_depth": 4}, [3, 7]),
    ("RandomForestClassifier", "wine", {"random_state": 5, "oob_score": True}, [4, 4, 9, 12]),
    ("ExtraTreesClassifier", "iris", {"random_state": 1}, [2, 5]),
    ("RandomForestRegressor", "diabetes", {"random_state": 2, "max_depth": 5,
                                           "oob_score": True}, [3, 6]),
    ("ExtraTreesRegressor", "diabetes", {"random_state": 3, "max_depth": 4,
                                         "bootstrap": True, "max_samples": 0.5}, [1, 4]),
]

cases = []
for name, data, params, steps in CASES:
    X, y = DATA[data]
    model = MODELS[name](warm_start=True, **params)
    for n in steps:
        model.set_params(n_estimators=n).fit(X, y)
    out = {"model": name, "data": data, "params": params, "steps": steps,
           "trees": [estimator_arrays(e) for e in model.estimators_],
           "feature_importances": lst(model.feature_importances_)}
    if params.get("oob_score"):
        out["oob_score"] = float(model.oob_score_)
    cases.append(out)

with open(OUT, "w") as f:
    json.dump({"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
               "cases": cases}, f)
print(f"{len(cases)} cases -> {OUT}")
