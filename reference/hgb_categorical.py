"""Reference for HistGradientBoosting's categorical features and monotonic constraints, scikit-learn 1.9.

Run with OMP_NUM_THREADS=1 python reference/hgb_categorical.py; writes
core/src/test/resources/reference/hgb_categorical.json. The data is built from RandomState(42) as
data() below (the Java test rebuilds it draw for draw): 3,000 training rows and 500 test rows of
8 columns, columns 2 and 6 categorical (integer codes, negative ones included, 5% NaN; column 6 has
40 categories of uneven frequency), the test rows with categories never seen in training. Each case
gives the model, its parameters, bin thresholds, n_iter_, the scores, the predictors' nodes and
bitsets of the kept iterations, and the raw predictions on the training and the test rows.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "hgb_categorical.json")


def data():
    """X (3500, 8), y: the first 3,000 rows train, the last 500 test."""
    rs = np.random.RandomState(42)
    n = 3500
    X = rs.randn(n, 8)
    cat_a = rs.randint(0, 12, n)
    cat_b = rs.randint(0, 40, n)
    cat_b = np.where(rs.rand(n) < 0.5, cat_b % 6, cat_b)   # uneven: codes 0-5 are frequent
    effects_a = rs.randn(12)
    effects_b = rs.randn(40)
    noise = rs.randn(n)
    y = (X[:, 0] + 0.5 * X[:, 1] ** 2 - X[:, 3] + 2.0 * effects_a[cat_a] + effects_b[cat_b]
         + 0.3 * noise)
    X[:, 2] = 3 * cat_a - 7.0          # codes -7, -4, ..., 26
    X[:, 6] = cat_b
    missing = rs.rand(n, 2) < 0.05
    X[missing[:, 0], 2] = np.nan
    X[missing[:, 1], 6] = np.nan
    X[3000:3050, 2] = 100.0            # categories unseen in training
    X[3050:3100, 6] = -1.0
    return X[:3000], y[:3000], X[3000:], y[3000:]


X, y, X_test, y_test = data()
median = float(np.median(y))
terciles = np.quantile(y, [1 / 3, 2 / 3])
TARGETS = {"regression": y, "binary": (y > median).astype(int),
           "three": np.digitize(y, terciles).astype(int)}
MODELS = {"HistGradientBoostingRegressor": HistGradientBoostingRegressor,
          "HistGradientBoostingClassifier": HistGradientBoostingClassifier}
FIELDS = ["value", "count", "feature_idx", "num_threshold", "missing_go_to_left", "left", "right",
          "gain", "depth", "is_leaf", "bin_threshold", "is_categorical", "bitset_idx"]


def lst(a):
    return ["inf" if isinstance(v, float) and np.isinf(v) else v for v in np.asarray(a).tolist()]


def nodes(predictor):
    out = {f: lst(predictor.nodes[f]) for f in FIELDS}
    out["binned_left_cat_bitsets"] = predictor.binned_left_cat_bitsets.tolist()
    out["raw_left_cat_bitsets"] = predictor.raw_left_cat_bitsets.tolist()
    return out


cases = []


def case(name, target, params, kept_iterations=5):
    model = MODELS[name](**params).fit(X, TARGETS[target])
    n_iter = model.n_iter_
    kept = sorted(set(list(range(min(kept_iterations, n_iter))) + [n_iter - 1]))
    shown = dict(params)
    out = {"model": name, "target": target, "params": shown,
           "bin_thresholds": [lst(t) for t in model._bin_mapper.bin_thresholds_],
           "is_categorical": None if model.is_categorical_ is None
           else model.is_categorical_.astype(int).tolist(),
           "n_iter": int(n_iter),
           "train_score": lst(model.train_score_),
           "validation_score": lst(model.validation_score_),
           "raw_predict": lst(model._raw_predict(X)),
           "raw_predict_test": lst(model._raw_predict(X_test)),
           "iterations": kept,
           "predictors": [[nodes(p) for p in model._predictors[i]] for i in kept]}
    cases.append(out)


R, C = "HistGradientBoostingRegressor", "HistGradientBoostingClassifier"
case(R, "regression", {"categorical_features": [2, 6], "max_iter": 30})
case(R, "regression", {"categorical_features": [False, False, True, False, False, False, True,
                                                False], "max_iter": 200, "learning_rate": 0.3,
                       "early_stopping": True, "random_state": 0, "n_iter_no_change": 5,
                       "min_samples_leaf": 5, "l2_regularization": 0.5})
case(R, "regression", {"categorical_features": [6], "max_bins": 50, "max_depth": 3,
                       "max_iter": 20})
case(C, "binary", {"categorical_features": [2, 6], "max_iter": 25})
case(C, "binary", {"categorical_features": [6, 2], "max_iter": 100, "early_stopping": True,
                   "random_state": 3, "n_iter_no_change": 4, "learning_rate": 0.5})
case(C, "three", {"categorical_features": [2, 6], "max_iter": 10}, 3)
case(R, "regression", {"monotonic_cst": [1, 0, 0, -1, 0, 0, 0, 0], "max_iter": 30})
case(R, "regression", {"monotonic_cst": [1, 1, 0, -1, 0, 0, 0, 0], "categorical_features": [2, 6],
                       "max_iter": 20, "max_depth": 4, "max_leaf_nodes": None})
case(C, "binary", {"monotonic_cst": [1, -1, 0, -1, 0, 0, 0, 0], "max_iter": 20})

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f)
print("wrote", OUT, len(cases), "cases; n_iter:", [c["n_iter"] for c in cases],
      "categorical splits:", [sum(sum(n["is_categorical"]) for t in c["predictors"] for n in t)
                              for c in cases])
