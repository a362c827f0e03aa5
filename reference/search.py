"""Reference vectors for semaine.selection's GridSearchCV, RandomizedSearchCV and cross_validate
(scikit-learn 1.9) on the bundled iris, wine and diabetes data, which the Java side loads itself.

Run from the repository root: OMP_NUM_THREADS=1 python reference/search.py; writes
core/src/test/resources/reference/search.json. Each case names the estimator, the grid or the
distributions, cv and scoring; it keeps the candidates (params), every split's test score, their
mean, std and rank, best_index_, best_params_ and best_score_.
"""
import os

import numpy as np
import scipy
import sklearn
from scipy.stats import randint, uniform
from sklearn.datasets import load_diabetes, load_iris, load_wine
from sklearn.decomposition import PCA
from sklearn.model_selection import (GridSearchCV, KFold, RandomizedSearchCV, StratifiedKFold,
                                     cross_validate)
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from common import dump

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "test",
                   "resources", "reference", "search.json")
LOADERS = {"iris": load_iris, "wine": load_wine, "diabetes": load_diabetes}
ESTIMATORS = {
    "knn_classifier": KNeighborsClassifier,
    "knn_regressor": KNeighborsRegressor,
    "scaled_knn": lambda: make_pipeline(StandardScaler(), KNeighborsClassifier()),
    "pca_knn": lambda: make_pipeline(PCA(), KNeighborsClassifier()),
}


def py(v):
    """A parameter value as JSON: numpy scalars to Python numbers."""
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    return v


def results(search, metrics):
    r = search.cv_results_
    out = {"params": [{k: py(v) for k, v in p.items()} for p in r["params"]],
           "n_splits": search.n_splits_}
    for m in metrics:
        out["mean_test_" + m] = r["mean_test_" + m].tolist()
        out["std_test_" + m] = r["std_test_" + m].tolist()
        out["rank_test_" + m] = r["rank_test_" + m].tolist()
        out["split_test_" + m] = [r["split%d_test_%s" % (k, m)].tolist()
                                  for k in range(search.n_splits_)]
        if ("mean_train_" + m) in r:
            out["mean_train_" + m] = r["mean_train_" + m].tolist()
    if search.refit is not False:
        out["best_index"] = int(search.best_index_)
        out["best_params"] = {k: py(v) for k, v in search.best_params_.items()}
        out["best_score"] = float(search.best_score_)
    return out


K = [1, 3, 5, 7, 9, 11, 13, 15]
W = ["uniform", "distance"]
cases = []

for data in ("iris", "wine"):
    d = LOADERS[data]()
    s = GridSearchCV(KNeighborsClassifier(), {"n_neighbors": K, "weights": W}, cv=5).fit(d.data, d.target)
    cases.append({"kind": "grid", "data": data, "estimator": "knn_classifier",
                  "grid": [{"n_neighbors": K, "weights": W}], "cv": 5, "scoring": None,
                  **results(s, ["score"])})

d = load_wine()
grid = [{"kneighborsclassifier__n_neighbors": [1, 5, 9], "kneighborsclassifier__p": [1, 2]},
        {"kneighborsclassifier__weights": ["distance"], "standardscaler__with_std": [True, False]}]
s = GridSearchCV(make_pipeline(StandardScaler(), KNeighborsClassifier()), grid, cv=4,
                 scoring=["accuracy", "f1_macro"], refit="f1_macro",
                 return_train_score=True).fit(d.data, d.target)
cases.append({"kind": "grid", "data": "wine", "estimator": "scaled_knn", "grid": grid, "cv": 4,
              "scoring": ["accuracy", "f1_macro"], "refit": "f1_macro",
              "return_train_score": True, **results(s, ["accuracy", "f1_macro"])})

d = load_iris()
s = GridSearchCV(KNeighborsClassifier(), {"n_neighbors": K}, scoring="f1_macro",
                 cv=StratifiedKFold(3, shuffle=True, random_state=0)).fit(d.data, d.target)
cases.append({"kind": "grid", "data": "iris", "estimator": "knn_classifier",
              "grid": [{"n_neighbors": K}], "cv": {"stratified": 3, "random_state": 0},
              "scoring": "f1_macro", **results(s, ["score"])})

d = load_diabetes()
s = GridSearchCV(KNeighborsRegressor(), {"n_neighbors": [2, 4, 8, 16, 32], "weights": W},
                 cv=KFold(5, shuffle=True, random_state=0),
                 scoring="neg_mean_squared_error").fit(d.data, d.target)
cases.append({"kind": "grid", "data": "diabetes", "estimator": "knn_regressor",
              "grid": [{"n_neighbors": [2, 4, 8, 16, 32], "weights": W}],
              "cv": {"kfold": 5, "random_state": 0}, "scoring": "neg_mean_squared_error",
              **results(s, ["score"])})
s = GridSearchCV(KNeighborsRegressor(), {"n_neighbors": [3, 10, 30]}, cv=3).fit(d.data, d.target)
cases.append({"kind": "grid", "data": "diabetes", "estimator": "knn_regressor",
              "grid": [{"n_neighbors": [3, 10, 30]}], "cv": 3, "scoring": None,
              **results(s, ["score"])})

# Randomized: lists only (sampling without replacement), a randint, and uniform fractions.
d = load_wine()
dist = {"n_neighbors": list(range(1, 31)), "weights": W}
s = RandomizedSearchCV(KNeighborsClassifier(), dist, n_iter=10, random_state=0, cv=5).fit(d.data, d.target)
cases.append({"kind": "random", "data": "wine", "estimator": "knn_classifier",
              "distributions": [{"n_neighbors": {"list": list(range(1, 31))}, "weights": {"list": W}}],
              "n_iter": 10, "random_state": 0, "cv": 5, "scoring": None, **results(s, ["score"])})
s = RandomizedSearchCV(KNeighborsClassifier(), {"n_neighbors": randint(1, 40), "weights": W},
                       n_iter=12, random_state=7, cv=5).fit(d.data, d.target)
cases.append({"kind": "random", "data": "wine", "estimator": "knn_classifier",
              "distributions": [{"n_neighbors": {"randint": [1, 40]}, "weights": {"list": W}}],
              "n_iter": 12, "random_state": 7, "cv": 5, "scoring": None, **results(s, ["score"])})
s = RandomizedSearchCV(make_pipeline(PCA(), KNeighborsClassifier()),
                       [{"pca__n_components": uniform(0.5, 0.45),
                         "kneighborsclassifier__n_neighbors": randint(1, 20)},
                        {"kneighborsclassifier__n_neighbors": [1, 2]}],
                       n_iter=8, random_state=3, cv=3).fit(d.data, d.target)
cases.append({"kind": "random", "data": "wine", "estimator": "pca_knn",
              "distributions": [{"pca__n_components": {"uniform": [0.5, 0.45]},
                                 "kneighborsclassifier__n_neighbors": {"randint": [1, 20]}},
                                {"kneighborsclassifier__n_neighbors": {"list": [1, 2]}}],
              "n_iter": 8, "random_state": 3, "cv": 3, "scoring": None, **results(s, ["score"])})

# cross_validate with several metrics.
d = load_iris()
cvr = cross_validate(KNeighborsClassifier(7), d.data, d.target, cv=5,
                     scoring=["accuracy", "f1_macro", "precision_macro"], return_train_score=True)
cross = {k: v.tolist() for k, v in cvr.items() if not k.endswith("_time")}

dump({"meta": {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__},
      "cases": cases, "cross_validate": {"data": "iris", "n_neighbors": 7, "cv": 5,
                                         "scoring": ["accuracy", "f1_macro", "precision_macro"],
                                         **cross}}, OUT)
