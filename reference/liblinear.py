"""Reference vectors for the liblinear models: LinearSVC, LinearSVR and
LogisticRegression(solver="liblinear") (scikit-learn 1.9.1).

Run with OMP_NUM_THREADS=1 python reference/liblinear.py from the repository root; writes
core/src/test/resources/reference/liblinear.json. The datasets are those of reference/svm.py
(loaded again on the Java side: breast cancer and wine standardised by StandardScaler there too;
the book's blobs come from svm.json; diabetes targets divided by 100; iris_petal is the first
three iris columns against the petal width). Each case has the parameters, coef_, intercept_,
n_iter_ (LinearSVC/R: the largest; LogisticRegression: the array), whether scikit-learn warned
that liblinear did not converge, the predictions on X and the decision values of the first rows.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import (load_breast_cancer, load_diabetes, load_digits, load_iris,
                              load_wine, make_blobs)
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC, LinearSVR

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "liblinear.json")
HEAD = 40


def lst(a):
    return np.asarray(a).tolist()


def weights(n):
    """Deterministic sample weights, some zero (liblinear drops those samples)."""
    w = 1.0 + (np.arange(n) % 3) * 0.5
    w[::17] = 0.0
    return w


blobs_X, blobs_y = make_blobs(n_samples=50, centers=2, n_features=2, random_state=0,
                              cluster_std=1)
bc = load_breast_cancer()
wine = load_wine()
diab = load_diabetes()
iris = load_iris()
data = {
    "iris": (iris.data, iris.target),
    "wine_scaled": (StandardScaler().fit_transform(wine.data), wine.target),
    "breast_cancer_scaled": (StandardScaler().fit_transform(bc.data), bc.target),
    "digits": (load_digits().data, load_digits().target),
    "blobs": (blobs_X, blobs_y),
}
regression = {
    "diabetes": (diab.data, diab.target / 100.0),
    "iris_petal": (iris.data[:, :3], iris.data[:, 3]),
}


def fit(model, X, y, sample_weight=None):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.fit(X, y, sample_weight=sample_weight)
    return any(issubclass(w.category, ConvergenceWarning) for w in caught)


def plain(params):
    return {k: ({str(a): b for a, b in v.items()} if isinstance(v, dict) else v)
            for k, v in params.items()}


cases = []


def classifier_case(name, dataset, params, sample_weight=None):
    X, y = data[dataset]
    cls = LinearSVC if name == "linear_svc" else LogisticRegression
    model = cls(**params)
    warned = fit(model, X, y, sample_weight)
    case = {"name": name, "dataset": dataset, "params": plain(params),
            "coef": lst(model.coef_), "intercept": lst(np.atleast_1d(model.intercept_)),
            "n_iter": lst(np.atleast_1d(model.n_iter_)), "warned": warned,
            "predict": lst(model.predict(X)),
            "decision": lst(model.decision_function(X[:HEAD]))}
    if sample_weight is not None:
        case["sample_weight"] = lst(sample_weight)
    cases.append(case)


svc_configs = [
    {},                                                       # dual="auto"
    {"dual": True, "random_state": 0},
    {"dual": True, "loss": "hinge", "random_state": 1},
    {"dual": False},
    {"penalty": "l1", "dual": False, "random_state": 2},
    {"multi_class": "crammer_singer", "random_state": 3},
]
for dataset in data:
    for params in svc_configs:
        classifier_case("linear_svc", dataset, params)
        if dataset != "digits":
            tight = dict(params, tol=1e-10, max_iter=100000)
            classifier_case("linear_svc", dataset, tight)

# Options on iris and breast cancer.
options = [
    {"dual": True, "random_state": 42, "class_weight": "balanced"},
    {"dual": True, "random_state": 42, "class_weight": {0: 2.0, 1: 0.5}},
    {"dual": True, "random_state": 5, "fit_intercept": False},
    {"dual": True, "random_state": 5, "intercept_scaling": 10.0, "C": 0.3},
    {"dual": False, "intercept_scaling": 10.0, "C": 3.0, "class_weight": "balanced"},
    {"dual": True, "random_state": 7, "max_iter": 5},
    {"penalty": "l1", "dual": False, "C": 0.1, "random_state": 8},
    {"multi_class": "crammer_singer", "random_state": 9, "class_weight": "balanced"},
]
for dataset in ("iris", "breast_cancer_scaled"):
    for params in options:
        classifier_case("linear_svc", dataset, params)
    for params in ({"dual": True, "random_state": 11, "class_weight": "balanced"},
                   {"dual": False}, {"penalty": "l1", "dual": False, "random_state": 12}):
        classifier_case("linear_svc", dataset, params, weights(len(data[dataset][1])))

# LogisticRegression(solver="liblinear"): binary only.
for dataset in ("breast_cancer_scaled", "blobs"):
    for params in ({"solver": "liblinear"},
                   {"solver": "liblinear", "dual": True, "random_state": 0},
                   {"solver": "liblinear", "l1_ratio": 1.0, "random_state": 0},
                   {"solver": "liblinear", "l1_ratio": 1.0, "C": 0.1, "random_state": 4},
                   {"solver": "liblinear", "intercept_scaling": 5.0, "C": 10.0},
                   {"solver": "liblinear", "class_weight": "balanced", "random_state": 6},
                   {"solver": "liblinear", "tol": 1e-10, "max_iter": 10000},
                   {"solver": "liblinear", "dual": True, "tol": 1e-10, "max_iter": 10000,
                    "random_state": 0},
                   {"solver": "liblinear", "l1_ratio": 1.0, "tol": 1e-10, "max_iter": 10000,
                    "random_state": 0}):
        classifier_case("logistic", dataset, params)
classifier_case("logistic", "breast_cancer_scaled", {"solver": "liblinear", "random_state": 3},
                weights(len(data["breast_cancer_scaled"][1])))

# LinearSVR.
svr_configs = [
    {"random_state": 0},
    {"epsilon": 0.1, "C": 10.0, "random_state": 1},
    {"loss": "squared_epsilon_insensitive", "dual": True, "random_state": 2},
    {"loss": "squared_epsilon_insensitive", "dual": False, "epsilon": 0.05},
    {"random_state": 3, "fit_intercept": False},
    {"random_state": 4, "intercept_scaling": 3.0, "epsilon": 0.2},
    {"random_state": 0, "tol": 1e-10, "max_iter": 100000},
    {"loss": "squared_epsilon_insensitive", "dual": False, "tol": 1e-10, "max_iter": 100000},
]
for dataset, (X, t) in regression.items():
    for params in svr_configs:
        model = LinearSVR(**params)
        warned = fit(model, X, t)
        cases.append({"name": "linear_svr", "dataset": dataset, "params": params,
                      "coef": lst(model.coef_), "intercept": lst(np.atleast_1d(model.intercept_)),
                      "n_iter": [int(model.n_iter_)], "warned": warned,
                      "predict": lst(model.predict(X))})
X, t = regression["iris_petal"]
w = weights(len(t))
model = LinearSVR(epsilon=0.05, random_state=5)
warned = fit(model, X, t, w)
cases.append({"name": "linear_svr", "dataset": "iris_petal",
              "params": {"epsilon": 0.05, "random_state": 5}, "sample_weight": lst(w),
              "coef": lst(model.coef_), "intercept": lst(np.atleast_1d(model.intercept_)),
              "n_iter": [int(model.n_iter_)], "warned": warned, "predict": lst(model.predict(X))})

# Errors scikit-learn raises.
errors = {}
X, y = data["iris"]
for key, make in (("hinge_l1", lambda: LinearSVC(penalty="l1", loss="hinge")),
                  ("hinge_primal", lambda: LinearSVC(loss="hinge", dual=False)),
                  ("l1_dual", lambda: LinearSVC(penalty="l1", dual=True)),
                  ("svr_primal", lambda: LinearSVR(dual=False)),
                  ("lr_multiclass", lambda: LogisticRegression(solver="liblinear"))):
    try:
        make().fit(X, y)
    except ValueError as e:
        errors[key] = str(e)
Xb, yb = data["breast_cancer_scaled"]
for key, make in (("lr_l1_dual", lambda: LogisticRegression(solver="liblinear", l1_ratio=1.0,
                                                            dual=True)),
                  ("lr_none", lambda: LogisticRegression(solver="liblinear", C=np.inf))):
    try:
        make().fit(Xb, yb)
    except ValueError as e:
        errors[key] = str(e)

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "errors": errors, "cases": cases}, f)
print("wrote", OUT, len(cases), "cases")
