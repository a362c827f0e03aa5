"""Reference monotonic-constrained trees for semaine.tree and semaine.ensemble (monotonic_cst).

scikit-learn 1.9: bounds propagated to the children through the middle value of a constrained
split, splits breaking a constraint rejected, node values clipped; binary classifiers constrain
the positive class's probability. Run with OMP_NUM_THREADS=1 python reference/trees_monotonic.py;
writes core/src/test/resources/reference/trees_monotonic.json (tree cases in the format of
reference/trees.py: regressors on diabetes and on a synthetic set, classifiers on breast cancer
and on a synthetic binary set, stored as X, y) and
core/src/test/resources/reference/forests_monotonic.json (forests in the format of
reference/forests.py).
"""
import os

import numpy as np
from tree_arrays import forest_case, lst, tree_arrays, write_reference
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier,
                              RandomForestRegressor)
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

RES = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference")

# Synthetic regression: y rises with x0, falls with x1, and wiggles (sin) so that unconstrained
# trees would break the monotonicity; binary classification from a noisy logistic in x0 - x1.
rng = np.random.RandomState(5)
reg_X = np.round(rng.uniform(-2, 2, (300, 4)), 2)
reg_y = (reg_X[:, 0] + np.sin(3 * reg_X[:, 0]) - 0.8 * reg_X[:, 1] + 0.3 * reg_X[:, 2]
         + rng.normal(0, 0.3, 300))
clf_X = np.round(rng.uniform(-2, 2, (300, 4)), 2)
clf_y = (rng.uniform(size=300) < 1 / (1 + np.exp(-(2 * clf_X[:, 0] - clf_X[:, 1]
                                                   + np.sin(4 * clf_X[:, 0]))))).astype(int)
DATA = {"diabetes": load_diabetes(return_X_y=True), "regression": (reg_X, reg_y),
        "breast_cancer": load_breast_cancer(return_X_y=True), "binary": (clf_X, clf_y)}
STORED = {"regression", "binary"}

# diabetes: bmi (2) increasing, s3 (6) decreasing, bp (3) increasing
DIABETES_CST = [0, 0, 1, 1, 0, 0, -1, 0, 0, 0]
# breast cancer: mean radius (0) and worst concave points (27) raise the benign probability down
CANCER_CST = [-1] + [0] * 26 + [-1, 0, 0]

trees = []


def case(kind, data, params, weights=None):
    X, y = DATA[data]
    sw = None
    if weights is not None:
        sw = np.random.RandomState(weights).randint(0, 4, len(y)).astype(float)
    model = (DecisionTreeClassifier if kind == "classifier" else DecisionTreeRegressor)(**params)
    model.fit(X, y, sample_weight=sw)
    out = {"kind": kind, "data": data, "params": params,
           "sample_weight": None if sw is None else lst(sw),
           "tree": tree_arrays(model.tree_), "n_leaves": int(model.get_n_leaves()),
           "depth": int(model.get_depth()), "max_features_": int(model.max_features_),
           "feature_importances": lst(model.feature_importances_),
           "apply": lst(model.apply(X))}
    if kind == "classifier":
        out["predict_proba"] = lst(model.predict_proba(X))
    else:
        out["predict"] = lst(model.predict(X))
    if data in STORED:
        out["X"] = lst(X)
        out["y"] = lst(y)
    trees.append(out)


case("regressor", "diabetes", {"random_state": 0, "monotonic_cst": DIABETES_CST})
case("regressor", "diabetes", {"random_state": 1, "max_depth": 6, "max_features": 0.5,
                               "monotonic_cst": DIABETES_CST})
case("regressor", "diabetes", {"random_state": 0, "max_leaf_nodes": 25,
                               "monotonic_cst": DIABETES_CST})
case("regressor", "diabetes", {"random_state": 2, "splitter": "random",
                               "monotonic_cst": DIABETES_CST}, weights=3)
case("regressor", "diabetes", {"random_state": 0, "criterion": "absolute_error", "max_depth": 8,
                               "monotonic_cst": DIABETES_CST})
case("regressor", "diabetes", {"random_state": 0, "criterion": "poisson", "max_depth": 8,
                               "monotonic_cst": DIABETES_CST})
case("regressor", "regression", {"random_state": 0, "monotonic_cst": [1, -1, 0, 0]})
case("regressor", "regression", {"random_state": 3, "min_samples_leaf": 4,
                                 "max_leaf_nodes": 30, "monotonic_cst": [1, -1, 1, 0]})
case("regressor", "regression", {"random_state": 0, "criterion": "absolute_error",
                                 "monotonic_cst": [1, -1, 0, 0]}, weights=2)
case("classifier", "binary", {"random_state": 0, "monotonic_cst": [1, -1, 0, 0]})
case("classifier", "binary", {"random_state": 1, "criterion": "entropy", "max_leaf_nodes": 20,
                              "monotonic_cst": [1, -1, 0, 0]})
case("classifier", "binary", {"random_state": 4, "splitter": "random",
                              "monotonic_cst": [1, -1, 0, 0]}, weights=1)
case("classifier", "breast_cancer", {"random_state": 0, "monotonic_cst": CANCER_CST})
case("classifier", "breast_cancer", {"random_state": 0, "max_depth": 5,
                                     "class_weight": "balanced", "monotonic_cst": CANCER_CST})

forests = []
for name, model, data, params in [
        ("RandomForestRegressor", RandomForestRegressor, "diabetes",
         {"random_state": 0, "n_estimators": 10, "max_depth": 6, "oob_score": True,
          "monotonic_cst": DIABETES_CST}),
        ("ExtraTreesRegressor", ExtraTreesRegressor, "diabetes",
         {"random_state": 1, "n_estimators": 5, "monotonic_cst": DIABETES_CST}),
        ("RandomForestClassifier", RandomForestClassifier, "breast_cancer",
         {"random_state": 0, "n_estimators": 10, "oob_score": True,
          "monotonic_cst": CANCER_CST}),
        ("ExtraTreesClassifier", ExtraTreesClassifier, "breast_cancer",
         {"random_state": 2, "n_estimators": 5, "monotonic_cst": CANCER_CST})]:
    X, y = DATA[data]
    forests.append(forest_case(model(**params).fit(X, y), data, params, X))

write_reference(RES, {"trees_monotonic.json": trees, "forests_monotonic.json": forests})
print(f"{len(trees)} trees, {len(forests)} forests")
