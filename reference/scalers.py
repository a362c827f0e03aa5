"""Reference vectors for semaine.preprocessing's MinMaxScaler, MaxAbsScaler, RobustScaler,
Normalizer, semaine.impute.SimpleImputer and semaine.pipeline.FeatureUnion (scikit-learn 1.9) on the bundled iris, wine and
diabetes data, which the Java side loads itself.

Run from the repository root: python reference/scalers.py; writes
core/src/test/resources/reference/scalers.json. Missing values are made the same way on both
sides: the entries where RandomState(0).rand(n, d) < 0.1 become NaN (and, in the "empty" cases,
the whole column 3). Each case keeps the fitted attributes, the transform of the first 20 rows, of
a probe (X[:5] * 1.5 + 0.25, unseen rows) and inverse_transform where there is one.
"""
import os

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes, load_iris, load_wine
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import MaxAbsScaler, MinMaxScaler, Normalizer, RobustScaler

from common import dump

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "test",
                   "resources", "reference", "scalers.json")
LOADERS = {"iris": load_iris, "wine": load_wine, "diabetes": load_diabetes}
CLASSES = {"MinMaxScaler": MinMaxScaler, "MaxAbsScaler": MaxAbsScaler,
           "RobustScaler": RobustScaler, "Normalizer": Normalizer, "SimpleImputer": SimpleImputer}
ATTRIBUTES = ["min_", "scale_", "data_min_", "data_max_", "data_range_", "max_abs_", "center_",
              "statistics_"]


def lst(a):
    """A list of floats, NaN (an empty column's statistic) as null."""
    return [None if isinstance(v, float) and np.isnan(v) else v
            for v in np.asarray(a, dtype=np.float64).tolist()] if np.ndim(a) == 1 \
        else [lst(row) for row in a]


def with_missing(X, empty):
    X = X.copy()
    X[np.random.RandomState(0).rand(*X.shape) < 0.1] = np.nan
    if empty:
        X[:, 3] = np.nan
    return X


CASES = [
    ("MinMaxScaler", "iris", {}, None),
    ("MinMaxScaler", "wine", {"feature_range": [-1.0, 2.0]}, None),
    ("MinMaxScaler", "wine", {"clip": True}, None),
    ("MaxAbsScaler", "wine", {}, None),
    ("MaxAbsScaler", "diabetes", {}, None),
    ("RobustScaler", "iris", {}, None),
    ("RobustScaler", "wine", {}, None),
    ("RobustScaler", "diabetes", {"quantile_range": [10.0, 90.0]}, None),
    ("RobustScaler", "wine", {"with_centering": False, "quantile_range": [33.3, 66.6]}, None),
    ("Normalizer", "wine", {}, None),
    ("Normalizer", "wine", {"norm": "l1"}, None),
    ("Normalizer", "diabetes", {"norm": "max"}, None),
    ("SimpleImputer", "wine", {}, "missing"),
    ("SimpleImputer", "wine", {"strategy": "median"}, "missing"),
    ("SimpleImputer", "iris", {"strategy": "most_frequent"}, "missing"),
    ("SimpleImputer", "iris", {"strategy": "constant", "fill_value": -1.0}, "missing"),
    ("SimpleImputer", "wine", {"strategy": "median"}, "empty"),
    ("SimpleImputer", "wine", {"keep_empty_features": True, "add_indicator": True}, "empty"),
]

cases = []
for cls, data, params, missing in CASES:
    X = LOADERS[data]().data
    if missing:
        X = with_missing(X, missing == "empty")
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
    model = CLASSES[cls](**kwargs).fit(X)
    probe = X[:5] * 1.5 + 0.25
    case = {"class": cls, "data": data, "params": params, "missing": missing,
            "transform_head": lst(model.transform(X[:20])),
            "probe_transformed": lst(model.transform(probe))}
    for a in ATTRIBUTES:
        if getattr(model, a, None) is not None:
            case[a] = lst(getattr(model, a))
    if cls not in ("Normalizer", "SimpleImputer"):
        case["inverse_of_transform_head"] = lst(model.inverse_transform(model.transform(X[:20])))
    cases.append(case)

# FeatureUnion: PCA(2) and MinMaxScaler side by side on wine.
X = load_wine().data
union = FeatureUnion([("pca", PCA(2)), ("minmax", MinMaxScaler())]).fit(X)
union_case = {"data": "wine", "transform_head": lst(union.transform(X[:20])),
              "n_features_out": int(union.transform(X[:1]).shape[1])}

dump({"meta": {"sklearn": sklearn.__version__, "numpy": np.__version__}, "cases": cases,
      "feature_union": union_case}, OUT)
