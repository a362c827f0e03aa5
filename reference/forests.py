"""Reference forests for semaine.ensemble (RandomForest*, ExtraTrees*), scikit-learn 1.9.

Run with OMP_NUM_THREADS=1 python reference/forests.py; writes
core/src/test/resources/reference/forests.json. Each case names a bundled dataset, the forest, its
parameters and sample weights, and gives every tree's tree_ arrays node for node with its
random_state, the first tree's bootstrap sample, predict_proba / predict on the training samples,
feature_importances_ and, with oob_score, oob_score_ and the out-of-bag predictions.
"""
import json
import os

import numpy as np
import sklearn
from tree_arrays import estimator_arrays, lst
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier,
                              RandomForestRegressor)

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "forests.json")

MODELS = {"RandomForestClassifier": RandomForestClassifier,
          "RandomForestRegressor": RandomForestRegressor,
          "ExtraTreesClassifier": ExtraTreesClassifier,
          "ExtraTreesRegressor": ExtraTreesRegressor}
DATA = {"iris": load_iris(return_X_y=True), "wine": load_wine(return_X_y=True),
        "breast_cancer": load_breast_cancer(return_X_y=True),
        "diabetes": load_diabetes(return_X_y=True)}


cases = []


def case(name, data, params, weights=None):
    X, y = DATA[data]
    sw = None
    if weights is not None:
        sw = np.random.RandomState(weights).randint(0, 4, len(y)).astype(float)
    model = MODELS[name](**params).fit(X, y, sample_weight=sw)
    out = {"model": name, "data": data, "params": params,
           "sample_weight": None if sw is None else lst(sw),
           "trees": [estimator_arrays(e) for e in model.estimators_],
           "first_sample": lst(model.estimators_samples_[0]),
           "predict": lst(model.predict(X)),
           "feature_importances": lst(model.feature_importances_)}
    if hasattr(model, "predict_proba"):
        out["predict_proba"] = lst(model.predict_proba(X))
    if params.get("oob_score"):
        out["oob_score"] = model.oob_score_
        out["oob"] = lst(model.oob_decision_function_ if hasattr(model, "classes_")
                         else model.oob_prediction_)
    cases.append(out)


case("RandomForestClassifier", "iris", {"n_estimators": 10, "random_state": 0})
case("RandomForestClassifier", "iris", {"n_estimators": 25, "random_state": 1,
                                        "oob_score": True})
case("RandomForestClassifier", "wine", {"n_estimators": 15, "random_state": 2,
                                        "criterion": "entropy", "oob_score": True})
case("RandomForestClassifier", "breast_cancer", {"n_estimators": 8, "random_state": 0,
                                                 "max_depth": 6, "max_samples": 0.5})
case("RandomForestClassifier", "breast_cancer", {"n_estimators": 6, "random_state": 3,
                                                 "max_samples": 100, "max_leaf_nodes": 12,
                                                 "oob_score": True})
case("RandomForestClassifier", "iris", {"n_estimators": 10, "random_state": 0,
                                        "class_weight": "balanced"}, weights=0)
case("RandomForestClassifier", "wine", {"n_estimators": 10, "random_state": 4,
                                        "min_samples_leaf": 3, "max_samples": 0.7}, weights=1)
case("ExtraTreesClassifier", "iris", {"n_estimators": 10, "random_state": 0})
case("ExtraTreesClassifier", "wine", {"n_estimators": 10, "random_state": 5,
                                      "max_features": 0.5, "min_samples_split": 4})
case("ExtraTreesClassifier", "breast_cancer", {"n_estimators": 10, "random_state": 0,
                                               "bootstrap": True, "oob_score": True,
                                               "max_depth": 8})
case("ExtraTreesClassifier", "iris", {"n_estimators": 10, "random_state": 6,
                                      "class_weight": {0: 2.0, 1: 1.0, 2: 0.5}}, weights=2)
case("RandomForestRegressor", "diabetes", {"n_estimators": 5, "random_state": 0,
                                           "max_depth": 8, "oob_score": True})
case("RandomForestRegressor", "diabetes", {"n_estimators": 8, "random_state": 1,
                                           "max_features": "sqrt", "max_leaf_nodes": 30,
                                           "max_samples": 0.6})
case("RandomForestRegressor", "diabetes", {"n_estimators": 5, "random_state": 2,
                                           "max_depth": 6}, weights=3)
case("ExtraTreesRegressor", "diabetes", {"n_estimators": 5, "random_state": 0,
                                         "max_depth": 8})
case("ExtraTreesRegressor", "diabetes", {"n_estimators": 6, "random_state": 3,
                                         "bootstrap": True, "oob_score": True,
                                         "min_samples_leaf": 5})

case("RandomForestClassifier", "breast_cancer", {"n_estimators": 5, "random_state": 7,
                                                 "ccp_alpha": 0.01})
case("ExtraTreesRegressor", "diabetes", {"n_estimators": 4, "random_state": 8,
                                         "ccp_alpha": 40.0})

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, f)
print("wrote", len(cases), "cases to", OUT)
