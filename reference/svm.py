"""Reference vectors for the support vector machines (libsvm inside scikit-learn 1.9).

Run with python reference/svm.py; writes core/src/test/resources/reference/svm.json. The bundled
datasets are loaded again on the Java side (breast cancer, wine and the one-class sets standardised
by StandardScaler there too); the book's blobs and the small hand-made sets are stored as they are.
Predictions are checked on the first 300 rows of digits to keep the file small.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import (load_breast_cancer, load_diabetes, load_digits, load_iris,
                              load_wine, make_blobs)
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC, SVR, NuSVC, NuSVR, OneClassSVM

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "svm.json")


def lst(a):
    return np.asarray(a).tolist()


def datasets():
    blobs_X, blobs_y = make_blobs(n_samples=50, centers=2, n_features=2, random_state=0,
                                  cluster_std=1)
    bc = load_breast_cancer()
    wine = load_wine()
    return {
        "iris": (load_iris().data, load_iris().target),
        "wine_scaled": (StandardScaler().fit_transform(wine.data), wine.target),
        "breast_cancer_scaled": (StandardScaler().fit_transform(bc.data), bc.target),
        "digits": (load_digits().data, load_digits().target),
        "blobs": (blobs_X, blobs_y),
    }


def weights(n):
    """Deterministic sample weights, some zero (libsvm drops those samples)."""
    w = 1.0 + (np.arange(n) % 3) * 0.5
    w[::17] = 0.0
    return w


def libsvm_state(model):
    out = {"support": lst(model.support_), "n_support": lst(model.n_support_),
           "dual_coef": lst(model.dual_coef_), "intercept": lst(model.intercept_),
           "n_iter": lst(np.atleast_1d(model.n_iter_)), "fit_status": int(model.fit_status_),
           "gamma": float(model._gamma), "n_support_vectors": int(model.support_vectors_.shape[0])}
    if model.kernel == "linear":
        out["coef"] = lst(model.coef_)
    return out


cases = []
data = datasets()
kernels = ("linear", "poly", "rbf", "sigmoid")

# C-SVC on each dataset and kernel.
for name, (X, y) in data.items():
    Xp = X[:300]
    for kernel in kernels:
        params = {"kernel": kernel}
        if kernel == "sigmoid":
            params["gamma"] = "auto" if name != "digits" else 0.001
        model = SVC(**params).fit(X, y)
        case = {"name": "svc", "dataset": name, "params": params, **libsvm_state(model),
                "predict": lst(model.predict(Xp)),
                "decision_ovr": lst(model.decision_function(Xp))}
        model.set_params(decision_function_shape="ovo")
        case["decision_ovo"] = lst(model.decision_function(Xp))
        cases.append(case)

# Options: C, degree, coef0, gamma, class_weight, sample_weight, shrinking, max_iter, break_ties.
X, y = data["iris"]
options = [
    {"kernel": "rbf", "C": 10.0, "gamma": 0.5},
    {"kernel": "poly", "degree": 2, "coef0": 1.0, "gamma": "auto", "C": 0.5},
    {"kernel": "rbf", "class_weight": "balanced"},
    {"kernel": "linear", "class_weight": {0: 2.0, 2: 0.5}},
    {"kernel": "rbf", "shrinking": False},
    {"kernel": "rbf", "max_iter": 5},
    {"kernel": "rbf", "tol": 1e-6, "C": 100.0},
    {"kernel": "rbf", "break_ties": True},
]
for params in options:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = SVC(**params).fit(X, y)
    case = {"name": "svc", "dataset": "iris", "params": {k: (v if not isinstance(v, dict) else
            {str(a): b for a, b in v.items()}) for k, v in params.items()},
            **libsvm_state(model), "predict": lst(model.predict(X)),
            "decision_ovr": lst(model.decision_function(X))}
    cases.append(case)
for name in ("iris", "breast_cancer_scaled"):
    X, y = data[name]
    w = weights(len(y))
    model = SVC(kernel="rbf", C=2.0).fit(X, y, sample_weight=w)
    cases.append({"name": "svc_weighted", "dataset": name, "params": {"kernel": "rbf", "C": 2.0},
                  "sample_weight": lst(w), **libsvm_state(model), "predict": lst(model.predict(X)),
                  "decision_ovr": lst(model.decision_function(X))})

# Precomputed: an integer Gram matrix (digits pixels are integers, so every dot is exact).
Xd, yd = data["digits"]
train, test = Xd[:300], Xd[300:400]
model = SVC(kernel="precomputed").fit(train @ train.T, yd[:300])
cases.append({"name": "svc_precomputed", "dataset": "digits", "params": {"kernel": "precomputed"},
              **libsvm_state(model), "predict": lst(model.predict(test @ train.T)),
              "decision_ovr": lst(model.decision_function(test @ train.T))})

# One-class SVM.
for name, nu, kernel in (("wine_scaled", 0.5, "rbf"), ("breast_cancer_scaled", 0.1, "rbf"),
                         ("iris", 0.2, "linear"), ("blobs", 0.3, "poly")):
    X, _ = data[name]
    model = OneClassSVM(nu=nu, kernel=kernel).fit(X)
    cases.append({"name": "ocsvm", "dataset": name, "params": {"nu": nu, "kernel": kernel},
                  **libsvm_state(model), "offset": float(model.offset_[0]),
                  "predict": lst(model.predict(X)), "decision": lst(model.decision_function(X)),
                  "score_samples": lst(model.score_samples(X))})

# epsilon-SVR and nu-SVR on diabetes (target / 100) and on iris petal width.
diab = load_diabetes()
regression_sets = {"diabetes": (diab.data, diab.target / 100.0),
                   "iris_petal": (load_iris().data[:, :3], load_iris().data[:, 3])}
for name, (X, t) in regression_sets.items():
    for kernel in ("linear", "rbf", "poly"):
        for cls, params in ((SVR, {"kernel": kernel, "C": 10.0, "epsilon": 0.05}),
                            (NuSVR, {"kernel": kernel, "C": 10.0, "nu": 0.3})):
            model = cls(**params).fit(X, t)
            cases.append({"name": cls.__name__.lower(), "dataset": name, "params": params,
                          **libsvm_state(model), "predict": lst(model.predict(X))})
X, t = regression_sets["iris_petal"]
w = weights(len(t))
model = SVR(kernel="rbf", C=3.0).fit(X, t, sample_weight=w)
cases.append({"name": "svr_weighted", "dataset": "iris_petal", "params": {"kernel": "rbf", "C": 3.0},
              "sample_weight": lst(w), **libsvm_state(model), "predict": lst(model.predict(X))})

# nu-SVC.
for name in ("iris", "wine_scaled", "breast_cancer_scaled", "blobs"):
    X, y = data[name]
    for kernel in ("linear", "rbf"):
        model = NuSVC(nu=0.3, kernel=kernel).fit(X, y)
        cases.append({"name": "nusvc", "dataset": name, "params": {"nu": 0.3, "kernel": kernel},
                      **libsvm_state(model), "predict": lst(model.predict(X[:300])),
                      "decision_ovr": lst(model.decision_function(X[:300]))})

# Probability estimates (Platt scaling on libsvm's internal 5-fold cross-validation).
for name, seed in (("iris", 0), ("blobs", 42), ("breast_cancer_scaled", 1), ("wine_scaled", 3)):
    X, y = data[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = SVC(probability=True, random_state=seed).fit(X, y)
        nu_model = NuSVC(nu=0.3, probability=True, random_state=seed).fit(X, y)
    cases.append({"name": "svc_proba", "dataset": name, "random_state": seed,
                  **libsvm_state(model), "probA": lst(model.probA_), "probB": lst(model.probB_),
                  "predict_proba": lst(model.predict_proba(X)),
                  "nu_probA": lst(nu_model.probA_), "nu_probB": lst(nu_model.probB_),
                  "nu_predict_proba": lst(nu_model.predict_proba(X))})

# Errors scikit-learn raises.
errors = {}
try:
    NuSVC(nu=0.9).fit(np.array([[0.0], [1.0], [2.0], [3.0], [4.0]]), np.array([0, 0, 0, 0, 1]))
except ValueError as e:
    errors["nu_infeasible"] = str(e)
try:
    SVC().fit(np.zeros((3, 2)), np.array([1, 1, 1]))
except ValueError as e:
    errors["one_class"] = str(e)

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "blobs_X": lst(data["blobs"][0]),
               "blobs_y": lst(data["blobs"][1]), "errors": errors, "cases": cases}, f)
print("wrote", OUT, len(cases), "cases")
