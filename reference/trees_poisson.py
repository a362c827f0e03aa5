"""Reference Poisson trees for semaine.tree and semaine.ensemble (criterion="poisson"), sklearn 1.9.

Run with OMP_NUM_THREADS=1 python reference/trees_poisson.py; writes
core/src/test/resources/reference/trees_poisson.json (DecisionTreeRegressor cases in the format of
reference/trees.py: on diabetes and on a synthetic count target stored as X, y) and
core/src/test/resources/reference/forests_poisson.json (forests on diabetes in the format of
reference/forests.py).
"""
import os

import numpy as np
from tree_arrays import forest_case, lst, regressor_case, write_reference
from sklearn.datasets import load_diabetes
from sklearn.ensemble import ExtraTreesRegressor, RandomForestRegressor
from sklearn.tree import DecisionTreeRegressor

RES = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference")


# Counts: 400 rows of 5 features, y ~ Poisson(exp(0.6 x0 - 0.4 x1 + 0.2)), many zeros.
rng = np.random.RandomState(7)
counts_X = np.round(rng.randn(400, 5), 2)
counts_y = rng.poisson(np.exp(0.6 * counts_X[:, 0] - 0.4 * counts_X[:, 1] + 0.2)).astype(float)
DATA = {"diabetes": load_diabetes(return_X_y=True), "counts": (counts_X, counts_y)}

trees = []


def case(data, params, weights=None):
    X, y = DATA[data]
    sw = None
    if weights is not None:
        sw = np.random.RandomState(weights).randint(0, 4, len(y)).astype(float)
    params = dict(criterion="poisson", **params)
    model = DecisionTreeRegressor(**params).fit(X, y, sample_weight=sw)
    out = regressor_case(model, data, params, X, y, sw, data == "counts")
    trees.append(out)


case("diabetes", {"random_state": 0})
case("diabetes", {"random_state": 1, "max_depth": 6, "max_features": 0.5})
case("diabetes", {"random_state": 0, "min_samples_leaf": 5, "max_leaf_nodes": 20})
case("diabetes", {"random_state": 2, "splitter": "random"})
case("diabetes", {"random_state": 0, "max_depth": 7}, weights=3)
case("counts", {"random_state": 0})
case("counts", {"random_state": 1, "max_depth": 5})
case("counts", {"random_state": 0, "min_samples_leaf": 3, "max_features": 2})
case("counts", {"random_state": 3, "splitter": "random", "max_leaf_nodes": 15})
case("counts", {"random_state": 0, "ccp_alpha": 0.002}, weights=1)

forests = []
for model, params in [(RandomForestRegressor, {"random_state": 0, "n_estimators": 25,
                                               "max_depth": 6, "criterion": "poisson",
                                               "oob_score": True}),
                      (ExtraTreesRegressor, {"random_state": 1, "n_estimators": 4,
                                             "criterion": "poisson", "max_features": 0.5})]:
    X, y = DATA["diabetes"]
    forests.append(forest_case(model(**params).fit(X, y), "diabetes", params, X))

write_reference(RES, {"trees_poisson.json": trees, "forests_poisson.json": forests})
print(f"{len(trees)} trees, {len(forests)} forests")
