"""Reference histogram gradient boosting for semaine.ensemble.HistGradientBoosting*, scikit-learn 1.9.

Run with OMP_NUM_THREADS=1 python reference/hist_gradient_boosting.py; writes
core/src/test/resources/reference/hist_gradient_boosting.json. Each case names a dataset (a bundled
one, or "synthetic": 10,000 x 20 normal values with 10% NaN, built from RandomState(0) as
synthetic() below, which the Java test rebuilds draw for draw), the model and its parameters, and
gives the bin thresholds, n_iter_, train_score_, validation_score_, the raw predictions on the
training rows, and the predictors' node arrays of the first iterations and the last one.
A last entry gives _BinMapper's thresholds on 250,000 rows (the 200,000-row subsample).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits, load_iris, load_wine
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.ensemble._hist_gradient_boosting.binning import _BinMapper

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "hist_gradient_boosting.json")


def synthetic():
    """X (10000, 20) standard normal with 10% NaN; y regression target; y > 1 as two classes."""
    rs = np.random.RandomState(0)
    X = rs.randn(10000, 20)
    noise = rs.randn(10000)
    y = X[:, 0] + 2.0 * X[:, 1] * X[:, 1] - X[:, 2] * X[:, 3] + 0.5 * noise
    mask = rs.rand(10000, 20) < 0.1
    X[mask] = np.nan
    return X, y


Xs, ys = synthetic()
DATA = {"iris": load_iris(return_X_y=True), "wine": load_wine(return_X_y=True),
        "breast_cancer": load_breast_cancer(return_X_y=True),
        "digits": load_digits(return_X_y=True), "diabetes": load_diabetes(return_X_y=True),
        "synthetic": (Xs, ys), "synthetic_binary": (Xs, (ys > 1.0).astype(int))}
MODELS = {"HistGradientBoostingRegressor": HistGradientBoostingRegressor,
          "HistGradientBoostingClassifier": HistGradientBoostingClassifier}
FIELDS = ["value", "count", "feature_idx", "num_threshold", "missing_go_to_left", "left", "right",
          "gain", "depth", "is_leaf", "bin_threshold"]


def lst(a):
    return [None if isinstance(v, float) and np.isinf(v) else v for v in np.asarray(a).tolist()]


def nodes(predictor):
    n = predictor.nodes
    out = {}
    for f in FIELDS:
        values = n[f].tolist()
        out[f] = ["inf" if isinstance(v, float) and np.isinf(v) else v for v in values]
    return out


cases = []


def case(name, data, params, kept_iterations=10):
    X, y = DATA[data]
    model = MODELS[name](**params).fit(X, y)
    n_iter = model.n_iter_
    kept = sorted(set(list(range(min(kept_iterations, n_iter))) + [n_iter - 1]))
    out = {"model": name, "data": data, "params": params,
           "bin_thresholds": [lst(t) for t in model._bin_mapper.bin_thresholds_],
           "n_iter": int(n_iter), "do_early_stopping": bool(model.do_early_stopping_),
           "train_score": lst(model.train_score_),
           "validation_score": lst(model.validation_score_),
           "baseline": lst(model._baseline_prediction.ravel()),
           "raw_predict": lst(model._raw_predict(X)),
           "iterations": kept,
           "predictors": [[nodes(p) for p in model._predictors[i]] for i in kept]}
    if name.endswith("Classifier"):
        out["predict_proba"] = lst(model.predict_proba(X))
        out["predict"] = lst(model.predict(X))
    else:
        out["predict"] = lst(model.predict(X))
    cases.append(out)


R, C = "HistGradientBoostingRegressor", "HistGradientBoostingClassifier"
case(R, "diabetes", {})
case(R, "diabetes", {"learning_rate": 0.3, "max_iter": 300, "max_depth": 3,
                     "min_samples_leaf": 10, "l2_regularization": 1.0, "early_stopping": True,
                     "n_iter_no_change": 5, "random_state": 0})
case(R, "diabetes", {"max_leaf_nodes": None, "max_depth": 4, "max_bins": 32, "max_iter": 30})
case(R, "synthetic", {"max_iter": 40})
case(R, "synthetic", {"max_iter": 200, "early_stopping": True, "learning_rate": 0.5,
                      "random_state": 3, "n_iter_no_change": 3, "tol": 1e-4}, 3)
case(C, "breast_cancer", {})
case(C, "breast_cancer", {"early_stopping": True, "random_state": 1, "max_iter": 300,
                          "learning_rate": 0.5, "n_iter_no_change": 5})
case(C, "iris", {"max_iter": 50})
case(C, "wine", {"early_stopping": True, "random_state": 2, "max_iter": 200,
                 "n_iter_no_change": 4, "l2_regularization": 0.5})
case(C, "digits", {"max_iter": 15}, 2)
case(C, "synthetic_binary", {"max_iter": 30}, 3)
case(R, "diabetes", {"max_features": 0.5, "random_state": 0, "max_iter": 20})
case(C, "wine", {"max_features": 0.3, "random_state": 5, "max_iter": 10})
case(R, "synthetic", {"max_features": 0.25, "random_state": 11, "max_iter": 15,
                      "early_stopping": True}, 2)

rs = np.random.RandomState(7)
big = rs.rand(250000, 2)
big[:, 1] = np.round(big[:, 1] * 1000)
mapper = _BinMapper(n_bins=256, random_state=1234).fit(big)
binning = {"seed": 7, "random_state": 1234,
           "bin_thresholds": [lst(t) for t in mapper.bin_thresholds_]}

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases, "binning": binning}, f)
print("wrote", OUT, len(cases), "cases; n_iter:", [c["n_iter"] for c in cases])
