"""Reference values for semaine.classification.GaussianNB (scikit-learn 1.9.1).

Run with python from the repository root; writes
core/src/test/resources/reference/naive_bayes.json: per case theta_, var_, class_prior_,
epsilon_, predictions on X and predict_proba of the first rows; "batches" fits with partial_fit
on consecutive slices of X (epsilon_ is recomputed from each batch, as scikit-learn does).
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import load_digits, load_iris, load_wine
from sklearn.naive_bayes import GaussianNB


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def rows(a):
    return [floats(r) for r in np.atleast_2d(np.asarray(a, dtype=np.float64))]


LOADERS = {"iris": load_iris, "wine": load_wine, "digits": load_digits}


def case(name, dataset, params, batches=None):
    X, y = LOADERS[dataset](return_X_y=True)
    model = GaussianNB(**params)
    if batches is None:
        model.fit(X, y)
    else:
        order = np.random.RandomState(0).permutation(len(y))
        X, y = X[order], y[order]
        for part in np.array_split(np.arange(len(y)), batches):
            model.partial_fit(X[part], y[part], classes=np.unique(y))
    return {"name": name, "dataset": dataset, "params": params, "batches": batches,
            "order": None if batches is None else [int(i) for i in order],
            "theta": rows(model.theta_), "var": rows(model.var_),
            "class_prior": floats(model.class_prior_), "epsilon": float(model.epsilon_),
            "predictions": [int(v) for v in model.predict(X)],
            "proba": rows(model.predict_proba(X[:5]))}


cases = [
    case("iris", "iris", {}),
    case("wine var_smoothing=1e-3 priors", "wine", {"var_smoothing": 1e-3,
                                                     "priors": [0.2, 0.5, 0.3]}),
    case("digits", "digits", {}),
    case("digits partial_fit 3 batches", "digits", {}, batches=3),
]
out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}
with open("core/src/test/resources/reference/naive_bayes.json", "w") as f:
    json.dump(out, f)
