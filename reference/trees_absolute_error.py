"""Reference absolute-error trees for semaine.tree and semaine.ensemble (criterion="absolute_error").

scikit-learn 1.9's MAE criterion (weighted Fenwick tree, weighted medians). Run with
OMP_NUM_THREADS=1 python reference/trees_absolute_error.py; writes
core/src/test/resources/reference/trees_absolute_error.json (DecisionTreeRegressor cases in the
format of reference/trees.py: on diabetes and on a synthetic set stored as X, y; with integer
weights, zeros included, and with real weights) and
core/src/test/resources/reference/forests_absolute_error.json (forests on diabetes in the format
of reference/forests.py).
"""
import os

import numpy as np
from tree_arrays import forest_case, lst, regressor_case, write_reference
from sklearn.datasets import load_diabetes
from sklearn.ensemble import ExtraTreesRegressor, RandomForestRegressor
from sklearn.tree import DecisionTreeRegressor

RES = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference")

# Synthetic: 300 rows of 6 features, y = 3 x0 - 2 |x1| + x2 x3 + Laplace noise, rounded to 0.5
# so that targets tie; some features rounded so that thresholds tie too.
rng = np.random.RandomState(11)
synth_X = np.round(rng.randn(300, 6), 1)
synth_y = np.round(3 * synth_X[:, 0] - 2 * np.abs(synth_X[:, 1]) + synth_X[:, 2] * synth_X[:, 3]
                   + rng.laplace(0, 1, 300), 0) / 2
DATA = {"diabetes": load_diabetes(return_X_y=True), "synthetic": (synth_X, synth_y)}

trees = []


def weights_for(n, weights):
    if weights is None:
        return None
    kind, seed = weights
    r = np.random.RandomState(seed)
    if kind == "int":
        return r.randint(0, 4, n).astype(float)
    return np.round(r.uniform(0.1, 3.0, n), 3)


def case(data, params, weights=None):
    X, y = DATA[data]
    sw = weights_for(len(y), weights)
    params = dict(criterion="absolute_error", **params)
    model = DecisionTreeRegressor(**params).fit(X, y, sample_weight=sw)
    out = regressor_case(model, data, params, X, y, sw, data == "synthetic")
    trees.append(out)


case("diabetes", {"random_state": 0})
case("diabetes", {"random_state": 1, "max_depth": 6, "max_features": 0.5})
case("diabetes", {"random_state": 0, "min_samples_leaf": 5, "max_leaf_nodes": 20})
case("diabetes", {"random_state": 2, "splitter": "random"})
case("diabetes", {"random_state": 0, "max_depth": 7}, weights=("int", 3))
case("diabetes", {"random_state": 4}, weights=("real", 5))
case("synthetic", {"random_state": 0})
case("synthetic", {"random_state": 1, "max_depth": 5, "min_weight_fraction_leaf": 0.02})
case("synthetic", {"random_state": 0, "min_samples_leaf": 3, "max_features": 2})
case("synthetic", {"random_state": 3, "splitter": "random", "max_leaf_nodes": 15})
case("synthetic", {"random_state": 0}, weights=("int", 1))
case("synthetic", {"random_state": 2, "ccp_alpha": 0.01}, weights=("real", 2))

forests = []
for model, params in [(RandomForestRegressor, {"random_state": 0, "n_estimators": 10,
                                               "max_depth": 6, "criterion": "absolute_error",
                                               "oob_score": True}),
                      (ExtraTreesRegressor, {"random_state": 1, "n_estimators": 4,
                                             "criterion": "absolute_error",
                                             "max_features": 0.5})]:
    X, y = DATA["diabetes"]
    forests.append(forest_case(model(**params).fit(X, y), "diabetes", params, X))

write_reference(RES, {"trees_absolute_error.json": trees, "forests_absolute_error.json": forests})
print(f"{len(trees)} trees, {len(forests)} forests")
