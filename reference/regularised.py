"""Reference values for semaine.regression.Ridge, Lasso and ElasticNet (scikit-learn 1.9.1).

Run with python from the repository root; writes
core/src/test/resources/reference/regularised.json.

Data: diabetes as load_diabetes() gives it, and generated sets stored in the file ("X", "y").
For each case: the estimator's parameters, coef_, intercept_, n_iter_ and dual_gap_ (coordinate
descent), whether a ConvergenceWarning was raised, and predictions on the first rows.
"""
import json
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, Ridge


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def rows(a):
    return [floats(r) for r in np.atleast_2d(np.asarray(a, dtype=np.float64))]


diabetes = load_diabetes()
rng = np.random.RandomState(0)
wide_X = rng.randn(20, 50)
wide_y = wide_X[:, :5] @ [1.0, -2.0, 0.5, 3.0, 0.0] + 0.1 * rng.randn(20)
base = rng.randn(120, 1)
corr_X = base + 0.3 * rng.randn(120, 30)          # strongly correlated columns: many sweeps
corr_y = corr_X[:, 0] * 2 - corr_X[:, 3] + corr_X[:, 7] * 0.5 + rng.randn(120) + 4.0
DATA = {"diabetes": (diabetes.data, diabetes.target), "wide": (wide_X, wide_y),
        "correlated": (corr_X, corr_y)}
STORED = {"wide": {"X": rows(wide_X), "y": floats(wide_y)},
          "correlated": {"X": rows(corr_X), "y": floats(corr_y)}}
MODELS = {"Ridge": Ridge, "Lasso": Lasso, "ElasticNet": ElasticNet}


def case(model, dataset, params):
    X, y = DATA[dataset]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = MODELS[model](**params).fit(X, y)
    out = {"model": model, "dataset": dataset, "params": params, "coef": floats(m.coef_),
           "intercept": float(m.intercept_), "predictions": floats(m.predict(X[:5])),
           "warned": any(issubclass(w.category, ConvergenceWarning) for w in caught)}
    if model != "Ridge":
        out["n_iter"] = int(m.n_iter_)
        out["dual_gap"] = float(m.dual_gap_)
    else:
        out["solver"] = m.solver_
    return out


cases = [
    case("Ridge", "diabetes", {}),
    case("Ridge", "diabetes", {"alpha": 0.01}),
    case("Ridge", "diabetes", {"alpha": 3.0, "fit_intercept": False}),
    case("Ridge", "wide", {"alpha": 0.5}),
    case("Ridge", "correlated", {"alpha": 1e-3}),
    case("Lasso", "diabetes", {}),
    case("Lasso", "diabetes", {"alpha": 0.1}),
    case("Lasso", "diabetes", {"alpha": 0.01, "tol": 1e-8}),
    case("Lasso", "diabetes", {"alpha": 0.05, "fit_intercept": False}),
    case("Lasso", "diabetes", {"alpha": 0.02, "positive": True}),
    case("Lasso", "diabetes", {"alpha": 0.01, "selection": "random", "random_state": 0}),
    case("Lasso", "diabetes", {"alpha": 0.001, "selection": "random", "random_state": 42,
                               "tol": 1e-10}),
    case("Lasso", "correlated", {"alpha": 0.01, "tol": 1e-10, "max_iter": 100000}),
    case("Lasso", "correlated", {"alpha": 0.001, "max_iter": 5}),
    case("Lasso", "wide", {"alpha": 0.05}),
    case("ElasticNet", "diabetes", {}),
    case("ElasticNet", "diabetes", {"alpha": 0.01, "l1_ratio": 0.5}),
    case("ElasticNet", "diabetes", {"alpha": 0.001, "l1_ratio": 0.2, "tol": 1e-10}),
    case("ElasticNet", "diabetes", {"alpha": 0.01, "l1_ratio": 0.0}),
    case("ElasticNet", "correlated", {"alpha": 0.02, "l1_ratio": 0.7, "selection": "random",
                                      "random_state": 3, "tol": 1e-10, "max_iter": 100000}),
    case("ElasticNet", "correlated", {"alpha": 0.005, "l1_ratio": 0.9}),
]

out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "data": STORED, "cases": cases}
with open("core/src/test/resources/reference/regularised.json", "w") as f:
    json.dump(out, f)
