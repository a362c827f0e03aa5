"""Reference vectors for day 5 (anomaly detection), from scikit-learn 1.9.

Run with python reference/lof.py; writes
core/src/test/resources/reference/lof.json. Data the Java side regenerates exactly (the book's
randn listing, the bundled wine and breast cancer, train_test_split) is described by its seed;
small hand-made sets (duplicates) are stored as they are.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_wine
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.neighbors import LocalOutlierFactor

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "lof.json")


def lst(a):
    return np.asarray(a).tolist()


def fit_lof(X, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = LocalOutlierFactor(**kw)
        labels = model.fit_predict(X)
    return model, labels, [str(w.message) for w in caught]


cases = []

# The book's listing (day 5): 30 points around the origin and one odd point.
np.random.seed(0)
X = np.random.randn(30, 2) * 0.2
X = np.concatenate((X, [[2, 0.5]]))
for contamination in (0.5, "auto"):
    model, labels, _ = fit_lof(X, n_neighbors=20, contamination=contamination)
    cases.append({"name": "book", "contamination": contamination, "X": lst(X),
                  "labels": lst(labels), "negative_outlier_factor": lst(model.negative_outlier_factor_),
                  "offset": model.offset_, "lrd": lst(model._lrd),
                  "fit_method": model._fit_method})

# wine and breast cancer, several k, contamination and p.
for name, loader in (("wine", load_wine), ("breast_cancer", load_breast_cancer)):
    data = loader()
    for k in (5, 20, 35):
        for contamination in ("auto", 0.1):
            for p in (1, 2):
                model, labels, _ = fit_lof(data.data, n_neighbors=k, contamination=contamination, p=p)
                # brute force as well: scikit-learn's k-d tree may keep another of several points
                # tied at the k-th distance (wine with p = 1 has such ties)
                brute, brute_labels, _ = fit_lof(data.data, n_neighbors=k, p=p,
                                                 contamination=contamination, algorithm="brute")
                cases.append({"name": "dataset", "dataset": name, "k": k,
                              "contamination": contamination, "p": p, "labels": lst(labels),
                              "negative_outlier_factor": lst(model.negative_outlier_factor_),
                              "offset": model.offset_, "fit_method": model._fit_method,
                              "labels_brute": lst(brute_labels),
                              "negative_outlier_factor_brute": lst(brute.negative_outlier_factor_),
                              "offset_brute": brute.offset_})

# Novelty mode: fit on a training split, score the test split.
for name, loader in (("wine", load_wine), ("breast_cancer", load_breast_cancer)):
    data = loader()
    X_train, X_test = train_test_split(data.data, random_state=0)
    for contamination in ("auto", 0.1):
        model = LocalOutlierFactor(n_neighbors=20, novelty=True,
                                   contamination=contamination).fit(X_train)
        cases.append({"name": "novelty", "dataset": name, "k": 20, "contamination": contamination,
                      "negative_outlier_factor": lst(model.negative_outlier_factor_),
                      "offset": model.offset_,
                      "score_samples": lst(model.score_samples(X_test)),
                      "decision_function": lst(model.decision_function(X_test)),
                      "predict": lst(model.predict(X_test))})

# Duplicates: more copies of a point than neighbours (lrd = 1e10, the warning).
rng = np.random.RandomState(1)
X = np.vstack([np.tile([[1.0, 1.0]], (8, 1)), rng.randn(12, 2), np.tile([[-2.0, 0.5]], (3, 1))])
for k in (3, 5, 10):
    model, labels, caught = fit_lof(X, n_neighbors=k, contamination=0.2, algorithm="brute")
    cases.append({"name": "duplicates", "X": lst(X), "k": k, "contamination": 0.2,
                  "labels": lst(labels),
                  "negative_outlier_factor": lst(model.negative_outlier_factor_),
                  "offset": model.offset_, "warnings": caught})

# n_neighbors larger than the data: capped at n_samples - 1, with a warning.
X = np.random.RandomState(2).randn(10, 3)
model, labels, caught = fit_lof(X, n_neighbors=20)
cases.append({"name": "too_many_neighbors", "X": lst(X), "k": 20, "labels": lst(labels),
              "negative_outlier_factor": lst(model.negative_outlier_factor_),
              "offset": model.offset_, "n_neighbors_": model.n_neighbors_, "warnings": caught})

# Percentile offsets at awkward fractions (NumPy's linear method and _lerp).
data = load_wine()
for contamination in (0.01, 0.05, 0.25, 0.3333, 0.5):
    model, labels, _ = fit_lof(data.data, n_neighbors=10, contamination=contamination)
    cases.append({"name": "percentile", "dataset": "wine", "k": 10,
                  "contamination": contamination, "offset": model.offset_,
                  "labels": lst(labels)})

# ROC AUC (with ties in the scores).
rng = np.random.RandomState(3)
for n in (10, 57, 400):
    y = rng.randint(0, 2, n)
    y[0], y[1] = 0, 1
    for rounding in (None, 1):
        s = rng.randn(n) + y
        if rounding is not None:
            s = np.round(s, rounding)
        cases.append({"name": "roc_auc", "y_true": lst(y), "y_score": lst(s),
                      "auc": roc_auc_score(y, s)})

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, f)
print("wrote", len(cases), "cases to", OUT)
