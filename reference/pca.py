"""Reference vectors for semaine.decomposition.PCA on iris, wine and digits (scikit-learn 1.9).

Run from the repository root: OMP_NUM_THREADS=1 python reference/pca.py; writes
core/src/test/resources/reference/pca.json. The data are the bundled datasets, which the Java side
loads itself (Datasets.loadIris...). Each case gives PCA's parameters, the solver scikit-learn
picked (_fit_svd_solver) and every fitted attribute, with transform, inverse_transform and
fit_transform of the first five rows.
"""
import os

import numpy as np
import scipy
import sklearn
from sklearn.datasets import load_digits, load_iris, load_wine
from sklearn.decomposition import PCA

from common import dump

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "test",
                   "resources", "reference", "pca.json")


def lst(a):
    return np.asarray(a, dtype=np.float64).tolist()


CASES = [
    ("iris", {}),
    ("iris", {"n_components": 2, "svd_solver": "full"}),
    ("iris", {"n_components": 4, "svd_solver": "full"}),
    ("iris", {"n_components": 0.95, "svd_solver": "full"}),
    ("iris", {"n_components": "mle", "svd_solver": "full"}),
    ("iris", {"n_components": 2, "svd_solver": "full", "whiten": True}),
    ("iris", {"n_components": 2, "svd_solver": "randomized", "random_state": 0}),
    ("iris", {"n_components": 3, "svd_solver": "covariance_eigh"}),
    ("wine", {}),
    ("wine", {"n_components": 5, "svd_solver": "full"}),
    ("wine", {"n_components": 0.99, "svd_solver": "full"}),
    ("wine", {"n_components": "mle", "svd_solver": "full"}),
    ("wine", {"n_components": 3, "svd_solver": "randomized", "random_state": 0}),
    ("wine", {"n_components": 3, "svd_solver": "randomized", "random_state": 1, "whiten": True}),
    ("digits", {"n_components": 10}),
    ("digits", {"n_components": 10, "svd_solver": "full"}),
    ("digits", {"n_components": 0.8, "svd_solver": "full"}),
    ("digits", {"n_components": 10, "svd_solver": "randomized", "random_state": 0}),
    ("digits", {"n_components": 5, "svd_solver": "randomized", "random_state": 42,
                "power_iteration_normalizer": "QR", "n_oversamples": 5}),
    ("digits", {"n_components": 8, "svd_solver": "randomized", "random_state": 3,
                "iterated_power": 2}),
]

LOADERS = {"iris": load_iris, "wine": load_wine, "digits": load_digits}

cases = []
for data, params in CASES:
    X = LOADERS[data]().data
    pca = PCA(**params).fit(X)
    head = X[:5]
    cases.append({
        "data": data, "params": params, "solver": pca._fit_svd_solver,
        "n_components_": int(pca.n_components_),
        "components_": lst(pca.components_),
        "explained_variance_": lst(pca.explained_variance_),
        "explained_variance_ratio_": lst(pca.explained_variance_ratio_),
        "singular_values_": lst(pca.singular_values_),
        "mean_": lst(pca.mean_),
        "noise_variance_": float(pca.noise_variance_),
        "transform_head": lst(pca.transform(head)),
        "inverse_transform_head": lst(pca.inverse_transform(pca.transform(head))),
        "fit_transform_head": lst(PCA(**params).fit_transform(X)[:5]),
    })

dump({"meta": {"sklearn": sklearn.__version__, "numpy": np.__version__,
               "scipy": scipy.__version__}, "cases": cases}, OUT)
