"""The tree_ arrays of a fitted scikit-learn tree as JSON lists, for the tree reference scripts."""
import numpy as np


def lst(a):
    return np.asarray(a).tolist()


def tree_arrays(t):
    """A tree_'s arrays node for node (value as the first output's row per node) and depth."""
    return {"children_left": lst(t.children_left), "children_right": lst(t.children_right),
            "feature": lst(t.feature), "threshold": lst(t.threshold),
            "impurity": lst(t.impurity), "n_node_samples": lst(t.n_node_samples),
            "weighted_n_node_samples": lst(t.weighted_n_node_samples),
            "value": lst(t.value[:, 0, :]), "max_depth": int(t.max_depth)}


def estimator_arrays(estimator):
    """A forest's tree: its random_state, then its tree_ arrays."""
    return dict({"random_state": int(estimator.random_state)}, **tree_arrays(estimator.tree_))


def regressor_case(model, data, params, X, y, sw, stored):
    """A fitted DecisionTreeRegressor as a reference case: its tree_, queries, predictions and
    pruning path (the format of reference/trees.py), with X and y when the data is stored."""
    path = model.cost_complexity_pruning_path(X, y, sample_weight=sw)
    out = {"kind": "regressor", "data": data, "params": params,
           "sample_weight": None if sw is None else lst(sw),
           "tree": tree_arrays(model.tree_), "n_leaves": int(model.get_n_leaves()),
           "depth": int(model.get_depth()), "max_features_": int(model.max_features_),
           "feature_importances": lst(model.feature_importances_),
           "apply": lst(model.apply(X)), "predict": lst(model.predict(X)),
           "ccp_alphas": lst(path.ccp_alphas), "ccp_impurities": lst(path.impurities)}
    if stored:
        out["X"] = lst(X)
        out["y"] = lst(y)
    return out


def forest_case(m, data, params, X):
    """A fitted forest as a reference case: every tree, its predictions (predict_proba for
    classifiers), importances and out-of-bag score (the format of reference/forests.py)."""
    out = {"model": type(m).__name__, "data": data, "params": params, "sample_weight": None,
           "trees": [estimator_arrays(e) for e in m.estimators_]}
    if hasattr(m, "predict_proba"):
        out["predict_proba"] = lst(m.predict_proba(X))
    else:
        out["predict"] = lst(m.predict(X))
    out["feature_importances"] = lst(m.feature_importances_)
    if params.get("oob_score"):
        out["oob_score"] = float(m.oob_score_)
    return out


def write_reference(res, files):
    """Writes each {file name: cases} as JSON under res, with the library versions."""
    import json
    import os

    import numpy as np
    import sklearn
    meta = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__}
    for name, cases in files.items():
        with open(os.path.join(res, name), "w") as f:
            json.dump(dict(meta, cases=cases), f)
