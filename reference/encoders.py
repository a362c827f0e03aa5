"""Reference vectors for semaine.preprocessing's OneHotEncoder, OrdinalEncoder, LabelEncoder,
KBinsDiscretizer and FunctionTransformer (scikit-learn 1.9).

Run from the repository root: python reference/encoders.py; writes
core/src/test/resources/reference/encoders.json. The categorical samples are drawn here from
RandomState(0) and written into the file (text with None for a missing value, numbers with NaN as
null); the numeric data of KBinsDiscretizer and FunctionTransformer are the bundled iris, wine and
diabetes, which the Java side loads itself. Each case keeps the fitted attributes and the transform
of the training samples and of a probe with unseen values.
"""
import os

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes, load_iris, load_wine
from sklearn.preprocessing import (FunctionTransformer, KBinsDiscretizer, LabelEncoder,
                                   OneHotEncoder, OrdinalEncoder)

from common import META, dump

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "test",
                   "resources", "reference", "encoders.json")
LOADERS = {"iris": load_iris, "wine": load_wine, "diabetes": load_diabetes}

rng = np.random.RandomState(0)
n = 60
colour = rng.choice(["red", "green", "blue", "teal", "Ochre", "ivory"], n,
                    p=[0.35, 0.25, 0.2, 0.1, 0.06, 0.04]).astype(object)
size = rng.choice(["S", "M", "L"], n, p=[0.3, 0.5, 0.2]).astype(object)
flag = rng.choice(["yes", "no"], n).astype(object)
colour[[3, 17, 40]] = None
TEXT = np.column_stack([colour, size, flag])
TEXT_PROBE = np.array([["red", "M", "no"], ["purple", "S", "yes"], [None, "XL", "no"],
                       ["ivory", "L", "maybe"], ["Ochre", "M", "yes"]], dtype=object)
NUM = np.column_stack([rng.randint(0, 5, n).astype(float), rng.choice([-1.5, 0.0, 2.25, 1e-5], n),
                       rng.randint(10, 12, n).astype(float)])
NUM[[5, 9], 0] = np.nan
NUM_PROBE = np.array([[0.0, 2.25, 10.0], [7.0, -1.5, 11.0], [np.nan, 3.0, 10.0]])
NAMES = ["colour", "size", "flag"]


def text(a):
    return [[None if v is None else str(v) for v in row] for row in a]


def num(a):
    return [[None if np.isnan(v) else float(v) for v in row] for row in np.asarray(a, float)]


def cats(model):
    return [[str(c) for c in cs] for cs in model.categories_]


def encoder_cases():
    out = []
    onehot = [{}, {"drop": "first"}, {"drop": "if_binary"}, {"handle_unknown": "ignore"},
              {"min_frequency": 5}, {"min_frequency": 0.15, "handle_unknown": "infrequent_if_exist"},
              {"max_categories": 3, "handle_unknown": "infrequent_if_exist"},
              {"min_frequency": 4, "max_categories": 4, "drop": "first",
               "handle_unknown": "ignore"},
              {"max_categories": 2, "drop": "if_binary", "handle_unknown": "infrequent_if_exist"}]
    ordinal = [{}, {"handle_unknown": "use_encoded_value", "unknown_value": -1},
               {"handle_unknown": "use_encoded_value", "unknown_value": np.nan,
                "encoded_missing_value": -2},
               {"min_frequency": 5, "handle_unknown": "use_encoded_value", "unknown_value": 99},
               {"max_categories": 3, "handle_unknown": "use_encoded_value", "unknown_value": -1}]
    for kind, X, probe in [("text", TEXT, TEXT_PROBE), ("numbers", NUM, NUM_PROBE)]:
        for cls, grid in [("OneHotEncoder", onehot), ("OrdinalEncoder", ordinal)]:
            for params in grid:
                kwargs = dict(params)
                if cls == "OneHotEncoder":
                    kwargs["sparse_output"] = False
                model = {"OneHotEncoder": OneHotEncoder, "OrdinalEncoder": OrdinalEncoder}[cls](
                    **kwargs).fit(X)
                unknown_ok = params.get("handle_unknown", "error") != "error"
                case = {"class": cls, "kind": kind,
                        "params": {k: (None if isinstance(v, float) and np.isnan(v) else v)
                                   for k, v in params.items()},
                        "categories_": cats(model),
                        "transform": num(model.transform(X)),
                        "probe_transform": num(model.transform(probe)) if unknown_ok else None,
                        "infrequent_categories_": [None if c is None else [str(v) for v in c]
                                                   for c in model.infrequent_categories_]
                        if model._infrequent_enabled else None}
                if cls == "OneHotEncoder":
                    case["drop_idx_"] = None if model.drop_idx_ is None else \
                        [-1 if d is None else int(d) for d in model.drop_idx_]
                    case["feature_names_out"] = list(model.get_feature_names_out(NAMES))
                    case["feature_names_out_default"] = list(model.get_feature_names_out())
                out.append(case)
    return out


def label_cases():
    y_text = rng.choice(["paris", "tokyo", "Lima", "oslo"], 30)
    y_num = rng.choice([3.0, -1.0, 10.0, 2.5], 30)
    out = []
    for kind, y in [("text", y_text), ("numbers", y_num)]:
        le = LabelEncoder().fit(y)
        out.append({"kind": kind, "y": [str(v) if kind == "text" else float(v) for v in y],
                    "classes_": [str(c) for c in le.classes_],
                    "transform": le.transform(y).tolist(),
                    "inverse": [str(v) for v in le.inverse_transform([0, 3, 1])]})
    return out


def kbins_cases():
    out = []
    methods = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
               "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
               "normal_unbiased"]
    grid = [("iris", {}), ("wine", {"n_bins": 4, "encode": "ordinal"}),
            ("diabetes", {"n_bins": 7, "encode": "onehot-dense", "strategy": "uniform"}),
            ("iris", {"n_bins": 3, "encode": "ordinal", "strategy": "kmeans"}),
            ("wine", {"n_bins": 6, "encode": "ordinal", "strategy": "kmeans"}),
            ("diabetes", {"n_bins": 10, "encode": "ordinal"}),
            ("diabetes", {"n_bins": 5, "encode": "ordinal", "subsample": 100,
                          "random_state": 0})]
    grid += [("wine", {"n_bins": 5, "encode": "ordinal", "quantile_method": m}) for m in methods]
    grid += [("iris", {"n_bins": 8, "encode": "ordinal", "quantile_method": m})
             for m in ["inverted_cdf", "closest_observation", "linear"]]
    for data, params in grid:
        X = LOADERS[data]().data
        kwargs = dict(params)
        if kwargs.get("encode", "onehot") == "onehot":
            kwargs["encode"] = "onehot-dense"
        model = KBinsDiscretizer(**kwargs).fit(X)
        probe = X[:5] * 1.5 + 0.25
        case = {"data": data, "params": params,
                "bin_edges_": [e.tolist() for e in model.bin_edges_],
                "n_bins_": model.n_bins_.tolist(),
                "transform_head": model.transform(X[:20]).tolist(),
                "probe_transformed": model.transform(probe).tolist()}
        if kwargs["encode"] == "ordinal":
            case["inverse_of_transform_head"] = model.inverse_transform(
                model.transform(X[:20])).tolist()
        out.append(case)
    return out


def function_cases():
    out = []
    for data, func, inverse in [("iris", "log1p", "expm1"), ("wine", "sqrt", "square"),
                                ("diabetes", "tanh", None), ("wine", "log", "exp")]:
        X = LOADERS[data]().data
        if func in ("sqrt", "log"):
            X = np.abs(X) + 0.5
        model = FunctionTransformer(getattr(np, func),
                                    None if inverse is None else getattr(np, inverse)).fit(X)
        case = {"data": data, "func": func, "inverse_func": inverse,
                "transform_head": model.transform(X[:20]).tolist()}
        if inverse:
            case["inverse_of_transform_head"] = model.inverse_transform(
                model.transform(X[:20])).tolist()
        out.append(case)
    return out


dump({"meta": META, "text": text(TEXT), "text_probe": text(TEXT_PROBE), "numbers": num(NUM),
      "numbers_probe": num(NUM_PROBE), "names": NAMES, "encoders": encoder_cases(),
      "labels": label_cases(), "kbins": kbins_cases(), "functions": function_cases()}, OUT)
