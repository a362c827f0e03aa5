"""Reference vectors for day 3 (k-nearest neighbours), from scikit-learn 1.9.

Run with python reference/knn.py; writes
core/src/test/resources/reference/knn.json. Data the Java side regenerates exactly (make_blobs,
the bundled iris/wine, train_test_split) is described by its seed; tie-heavy integer grids are
stored as they are.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.datasets import load_iris, load_wine, load_diabetes, make_blobs
from sklearn.metrics import (classification_report, f1_score, precision_score, recall_score)
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score, train_test_split
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor, NearestNeighbors
from sklearn.utils._openmp_helpers import _openmp_effective_n_threads

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "knn.json")


def lst(a):
    return np.asarray(a).tolist()


cases = []

# The book's listing (day 3).
np.random.seed(0)
X, y = make_blobs(n_samples=50, centers=2, n_features=2, random_state=0, cluster_std=1)
X_new = np.random.uniform(low=X.min(), high=X.max(), size=(10, 2))
model = KNeighborsClassifier(n_neighbors=3).fit(X, y)
cases.append({"name": "book", "X_new": lst(X_new), "predictions": lst(model.predict(X_new)),
              "proba": lst(model.predict_proba(X_new)), "fit_method": model._fit_method})

# iris and wine: train_test_split(random_state=0), every k / weights / p.
for name, loader in (("iris", load_iris), ("wine", load_wine)):
    data = loader()
    X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, random_state=0)
    for k in (1, 3, 5, 15):
        for weights in ("uniform", "distance"):
            for p in (1, 2):
                for algorithm in ("auto", "brute"):
                    m = KNeighborsClassifier(n_neighbors=k, weights=weights, p=p,
                                             algorithm=algorithm).fit(X_train, y_train)
                    dist, ind = m.kneighbors(X_test)
                    cases.append({"name": "split", "dataset": name, "k": k, "weights": weights,
                                  "p": p, "algorithm": algorithm, "fit_method": m._fit_method,
                                  "y_test": lst(y_test), "predictions": lst(m.predict(X_test)),
                                  "proba": lst(m.predict_proba(X_test)),
                                  "score": m.score(X_test, y_test),
                                  "distances": lst(dist), "indices": lst(ind)})

# A 4-class blob set.
X, y = make_blobs(n_samples=400, centers=4, random_state=1, cluster_std=1.5)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
for weights in ("uniform", "distance"):
    m = KNeighborsClassifier(n_neighbors=5, weights=weights).fit(X_train, y_train)
    cases.append({"name": "blobs4", "weights": weights, "predictions": lst(m.predict(X_test)),
                  "proba": lst(m.predict_proba(X_test)), "y_test": lst(y_test)})

# Integer grids: many equal distances.
rng = np.random.RandomState(0)
for n_train, n_query, side in ((40, 300, 6), (600, 200, 12)):
    X = rng.randint(0, side, size=(n_train, 2)).astype(float)
    Q = rng.randint(0, side, size=(n_query, 2)).astype(float)
    labels = rng.randint(0, 3, size=n_train)
    for k in (3, 5, 16):
        for algorithm in ("brute", "kd_tree"):
            for p in (1, 2):
                nn = NearestNeighbors(n_neighbors=k, algorithm=algorithm, p=p).fit(X)
                dist, ind = nn.kneighbors(Q)
                case = {"name": "grid", "X": lst(X), "Q": lst(Q), "labels": lst(labels), "k": k,
                        "algorithm": algorithm, "p": p, "distances": lst(dist),
                        "indices": lst(ind), "threads": _openmp_effective_n_threads()}
                tdist, tind = nn.kneighbors()
                case["train_distances"] = lst(tdist)
                case["train_indices"] = lst(tind)
                for weights in ("uniform", "distance"):
                    m = KNeighborsClassifier(n_neighbors=k, algorithm=algorithm, p=p,
                                             weights=weights).fit(X, labels)
                    case["predictions_" + weights] = lst(m.predict(Q))
                    case["proba_" + weights] = lst(m.predict_proba(Q))
                cases.append(case)

# Vote ties go to the first class: labels [5, 3] tied, and a 2-2 tie with k = 4.
X = np.array([[0.0], [1.0], [3.0], [4.0]])
m = KNeighborsClassifier(n_neighbors=4).fit(X, [5, 5, 3, 3])
cases.append({"name": "vote_tie", "X": lst(X), "y": [5, 5, 3, 3], "Q": [[2.0], [0.0]],
              "predictions": lst(m.predict([[2.0], [0.0]])),
              "proba": lst(m.predict_proba([[2.0], [0.0]]))})

# Regressor on diabetes.
data = load_diabetes()
X_train, X_test, y_train, y_test = train_test_split(data.data, data.target, random_state=0)
for weights in ("uniform", "distance"):
    for k in (1, 5, 12):
        m = KNeighborsRegressor(n_neighbors=k, weights=weights).fit(X_train, y_train)
        cases.append({"name": "regressor", "k": k, "weights": weights,
                      "predictions": lst(m.predict(X_test)), "score": m.score(X_test, y_test)})

# Metrics.
metric_inputs = [
    ([0, 1, 2, 0, 1, 2, 0, 2, 2, 1], [0, 2, 1, 0, 0, 2, 0, 2, 1, 1]),
    ([1, 0, 1, 1, 0, 1, 0, 0], [1, 1, 1, 0, 0, 1, 0, 1]),
    ([0, 0, 1, 1, 2, 2], [0, 0, 0, 0, 0, 0]),          # classes never predicted: zero_division
    ([3, 7, 7, 3, 9, 9, 9], [7, 7, 3, 3, 9, 4, 9]),    # a predicted label absent from y_true
]
for y_true, y_pred in metric_inputs:
    case = {"name": "metrics", "y_true": y_true, "y_pred": y_pred}
    averages = ["macro", "weighted", "micro"]
    if len(set(y_true) | set(y_pred)) <= 2:
        averages.append("binary")
    for average in averages:
        for zd, key in (("warn", "warn"), (0.0, "0"), (1.0, "1")):
            kw = dict(average=average, zero_division=zd)
            case["precision_%s_%s" % (average, key)] = precision_score(y_true, y_pred, **kw)
            case["recall_%s_%s" % (average, key)] = recall_score(y_true, y_pred, **kw)
            case["f1_%s_%s" % (average, key)] = f1_score(y_true, y_pred, **kw)
    case["precision_none"] = lst(precision_score(y_true, y_pred, average=None, zero_division=0))
    case["recall_none"] = lst(recall_score(y_true, y_pred, average=None, zero_division=0))
    case["f1_none"] = lst(f1_score(y_true, y_pred, average=None, zero_division=0))
    case["report"] = classification_report(y_true, y_pred, zero_division=0)
    case["report_dict"] = classification_report(y_true, y_pred, zero_division=0, output_dict=True)
    cases.append(case)

# Folds.
y17 = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2]
y17 = list(np.random.RandomState(3).permutation(y17))
X17 = np.zeros((17, 1))
splitters = [("kfold", KFold(5)), ("kfold_shuffle", KFold(5, shuffle=True, random_state=0)),
             ("stratified", StratifiedKFold(3)),
             ("stratified_shuffle", StratifiedKFold(4, shuffle=True, random_state=1))]
for label, cv in splitters:
    folds = [{"train": lst(tr), "test": lst(te)} for tr, te in cv.split(X17, y17)]
    cases.append({"name": "folds", "splitter": label, "y": lst(y17), "folds": folds})

iris = load_iris()
cases.append({"name": "cross_val_score", "dataset": "iris", "k": 5, "cv": 5,
              "scores": lst(cross_val_score(KNeighborsClassifier(5), iris.data, iris.target, cv=5))})
cases.append({"name": "cross_val_score_shuffled", "dataset": "wine", "k": 3,
              "scores": lst(cross_val_score(KNeighborsClassifier(3), load_wine().data,
                                            load_wine().target,
                                            cv=KFold(4, shuffle=True, random_state=0)))})

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, f)
print("wrote", len(cases), "cases to", OUT)
