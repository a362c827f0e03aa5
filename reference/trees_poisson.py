"""Reference Poisson trees for semaine.tree and semaine.ensemble (criterion="poisson"), sklearn 1.9.

Run with OMP_NUM_THREADS=1 python reference/trees_poisson.py; writes
core/src/test/resources/reference/trees_poisson.json (DecisionTreeRegressor cases in the format of
reference/trees.py: on diabetes and on a synthetic count target stored as X, y) and
core/src/test/resources/reference/forests_poisson.json (forests on diabetes in the format of
reference/forests.py).
"""
import json
import os

import numpy as np
import sklearn
from tree_arrays import estimator_arrays, lst, tree_arrays
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
    model = DecisionTreeRegressor(criterion="poisson", **params).fit(X, y, sample_weight=sw)
    path = model.cost_complexity_pruning_path(X, y, sample_weight=sw)
    out = {"kind": "regressor", "data": data, "params": dict(criterion="poisson", **params),
           "sample_weight": None if sw is None else lst(sw),
           "tree": tree_arrays(model.tree_), "n_leaves": int(model.get_n_leaves()),
           "depth": int(model.get_depth()), "max_features_": int(model.max_features_),
           "feature_importances": lst(model.feature_importances_),
           "apply": lst(model.apply(X)), "predict": lst(model.predict(X)),
           "ccp_alphas": lst(path.ccp_alphas), "ccp_impurities": lst(path.impurities)}
    if data == "counts":
        out["X"] = lst(X)
        out["y"] = lst(y)
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
    m = model(**params).fit(X, y)
    trees_out = [estimator_arrays(e) for e in m.estimators_]
    out = {"model": model.__name__, "data": "diabetes", "params": params,
           "sample_weight": None, "trees": trees_out, "predict": lst(m.predict(X)),
           "feature_importances": lst(m.feature_importances_)}
    if params.get("oob_score"):
        out["oob_score"] = float(m.oob_score_)
    forests.append(out)

meta = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__}
with open(os.path.join(RES, "trees_poisson.json"), "w") as f:
    json.dump(dict(meta, cases=trees), f)
with open(os.path.join(RES, "forests_poisson.json"), "w") as f:
    json.dump(dict(meta, cases=forests), f)
print(f"{len(trees)} trees, {len(forests)} forests")
