"""Reference values for semaine.classification.LogisticRegression (scikit-learn 1.9.1).

Run with python from the repository root; writes
core/src/test/resources/reference/logistic.json.

Datasets as scikit-learn loads them: iris and digits as they are, wine and breast cancer
standardised (StandardScaler). For each case:
- "default": LogisticRegression(**params) at default tol and max_iter (lbfgs): coef_,
  intercept_, n_iter_, classes_, predictions on X, predict_proba of the first rows;
- "optimum": the same penalty solved to the optimum, solver="newton-cholesky", tol=1e-12,
  max_iter=1000 (scipy's L-BFGS-B stops on its relative-reduction test about 1e-6 away from the
  optimum even with tol=1e-12, so the optimum is taken from Newton's method, which converges
  quadratically); "lbfgs_tight": lbfgs with tol=1e-12 and max_iter=20000, to report how far it is
  (not for digits, where it takes thousands of iterations).
"""
import json
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def rows(a):
    return [floats(r) for r in np.atleast_2d(np.asarray(a, dtype=np.float64))]


def data(name, columns=None):
    X, y = {"iris": load_iris, "wine": load_wine, "breast_cancer": load_breast_cancer,
            "digits": load_digits}[name](return_X_y=True)
    if name in ("wine", "breast_cancer"):
        X = StandardScaler().fit_transform(X)
    return (X, y) if columns is None else (X[:, columns], y)


def fitted(model):
    return {"coef": rows(model.coef_), "intercept": floats(model.intercept_),
            "n_iter": int(model.n_iter_[0])}


def case(name, dataset, params, sample_weight=None, columns=None):
    X, y = data(dataset, columns)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        default = LogisticRegression(**params).fit(X, y, sample_weight=sample_weight)
    shown = {k: "inf" if v == float("inf") else v for k, v in params.items()}   # JSON has no inf
    out = {"name": name, "dataset": dataset, "columns": columns, "params": shown,
           "sample_weight": None if sample_weight is None else floats(sample_weight),
           "classes": [int(c) for c in default.classes_],
           "default": fitted(default),
           "default_warned": any(issubclass(w.category, ConvergenceWarning) for w in caught),
           "predictions": [int(v) for v in default.predict(X)],
           "proba_rows": 5,
           "proba": rows(default.predict_proba(X[:5])),
           "log_proba": rows(default.predict_log_proba(X[:5])),
           "decision": rows(default.decision_function(X[:5]).reshape(5, -1))}
    tight = dict(params, solver="newton-cholesky", tol=1e-12, max_iter=1000)
    out["optimum"] = fitted(LogisticRegression(**tight).fit(X, y, sample_weight=sample_weight))
    if dataset != "digits":   # thousands of iterations on digits: left out
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lbfgs = dict(params, tol=1e-12, max_iter=20000)
            out["lbfgs_tight"] = fitted(LogisticRegression(**lbfgs).fit(X, y, sample_weight=sample_weight))
    return out


iris_weights = np.random.RandomState(0).uniform(0.5, 2.0, 150)
cases = [
    case("iris", "iris", {}),
    case("wine", "wine", {}),
    case("breast_cancer", "breast_cancer", {}),
    case("digits", "digits", {}),
    case("iris C=0.05", "iris", {"C": 0.05}),
    case("wine class_weight=balanced", "wine", {"class_weight": "balanced"}),
    case("iris sample_weight", "iris", {}, sample_weight=iris_weights),
    case("breast_cancer fit_intercept=False C=10", "breast_cancer",
         {"fit_intercept": False, "C": 10.0}),
    case("wine alcohol and malic acid, C=inf (no penalty)", "wine", {"C": float("inf")},
         columns=[0, 1]),
]

# Separable data without a penalty: the weights grow until max_iter, with a ConvergenceWarning.
Xs = np.array([[0.0, 0.0], [1.0, 0.2], [0.2, 1.0], [3.0, 3.0], [4.0, 3.2], [3.1, 4.0]])
ys = np.array([0, 0, 0, 1, 1, 1])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    separable = LogisticRegression(C=np.inf).fit(Xs, ys)
separable_case = {"X": rows(Xs), "y": [int(v) for v in ys], "n_iter": int(separable.n_iter_[0]),
                  "warnings": [str(w.message) for w in caught],
                  "predictions": [int(v) for v in separable.predict(Xs)]}

errors = {}
for label, params in [("l1 with lbfgs", {"l1_ratio": 1.0}),
                      ("elasticnet with newton-cholesky", {"l1_ratio": 0.5, "solver": "newton-cholesky"})]:
    try:
        LogisticRegression(**params).fit(Xs, ys)
    except ValueError as e:
        errors[label] = str(e)
try:
    LogisticRegression().fit(Xs, np.zeros(6, dtype=int))
except ValueError as e:
    errors["one class"] = str(e)

out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases,
       "separable": separable_case, "errors": errors}
with open("core/src/test/resources/reference/logistic.json", "w") as f:
    json.dump(out, f)
