"""Reference values for LogisticRegression(solver="sag"/"saga") (scikit-learn 1.9.1).

Run with python from the repository root; writes
core/src/test/resources/reference/saga.json.

Datasets: iris as it is (three classes, and the binary problem versicolor vs virginica), wine,
breast cancer and digits standardised (StandardScaler). Penalties through l1_ratio as scikit-learn
1.9 asks (0: l2, 1: l1, 0.5: elastic-net) and C=inf for none (only where the classes are not
separable, else the weights grow without bound). For each case, with random_state=0:
- "default": default tol and max_iter (coef_, intercept_, n_iter_, predictions);
- "tight": tol=1e-8, max_iter=3000, the optimum as saga reaches it (not for digits: minutes);
- "optimum" (l2 and none only): newton-cholesky at tol=1e-12, the optimum by another method.
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


def data(name):
    if name == "iris_binary":
        X, y = load_iris(return_X_y=True)
        return X[50:], y[50:]
    X, y = {"iris": load_iris, "wine": load_wine, "breast_cancer": load_breast_cancer,
            "digits": load_digits}[name](return_X_y=True)
    if name != "iris":
        X = StandardScaler().fit_transform(X)
    return X, y


def fitted(model):
    return {"coef": rows(model.coef_), "intercept": floats(model.intercept_),
            "n_iter": int(model.n_iter_[0])}


def case(dataset, solver, params):
    import sys, time
    print(dataset, solver, params, time.strftime("%X"), file=sys.stderr, flush=True)
    X, y = data(dataset)
    params = dict(params, solver=solver, random_state=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        default = LogisticRegression(**params).fit(X, y)
    shown = {k: "inf" if v == float("inf") else v for k, v in params.items()}
    out = {"dataset": dataset, "params": shown, "default": fitted(default),
           "default_warned": any(issubclass(w.category, ConvergenceWarning) for w in caught),
           "predictions": [int(v) for v in default.predict(X)]}
    if dataset == "digits":   # minutes per case at tol=1e-8: the default run covers digits
        return out
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out["tight"] = fitted(LogisticRegression(**dict(params, tol=1e-8, max_iter=3000)).fit(X, y))
        if params.get("l1_ratio", 0) == 0:
            newton = dict(params, solver="newton-cholesky", tol=1e-12, max_iter=1000)
            out["optimum"] = fitted(LogisticRegression(**newton).fit(X, y))
    return out


cases = []
for dataset in ["iris", "iris_binary", "wine", "breast_cancer", "digits"]:
    cases.append(case(dataset, "sag", {}))
    for ratio in [0.0, 1.0, 0.5]:
        cases.append(case(dataset, "saga", {"l1_ratio": ratio}))
cases.append(case("iris", "saga", {"C": 0.1, "l1_ratio": 1.0}))
cases.append(case("wine", "saga", {"C": 0.05, "l1_ratio": 0.3, "fit_intercept": False}))
for dataset in ["iris", "iris_binary"]:
    cases.append(case(dataset, "saga", {"C": float("inf")}))
    cases.append(case(dataset, "sag", {"C": float("inf")}))

errors = {}
X, y = data("iris")
for label, params in [("l1 with sag", {"l1_ratio": 1.0, "solver": "sag"}),
                      ("elasticnet with sag", {"l1_ratio": 0.5, "solver": "sag"}),
                      ("elasticnet without l1_ratio",
                       {"penalty": "elasticnet", "l1_ratio": None, "solver": "saga"}),
                      ("l1_ratio above 1", {"l1_ratio": 1.5, "solver": "saga"})]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            LogisticRegression(**params).fit(X, y)
    except ValueError as e:
        errors[label] = str(e)

out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases, "errors": errors}
with open("core/src/test/resources/reference/saga.json", "w") as f:
    json.dump(out, f)
