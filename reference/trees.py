"""Reference trees for semaine.tree (DecisionTreeClassifier, DecisionTreeRegressor), scikit-learn 1.9.

Run with OMP_NUM_THREADS=1 python reference/trees.py; writes
core/src/test/resources/reference/trees.json. Each case names its data (a bundled dataset the
Java side loads, or X and y stored), the estimator, its parameters and sample weights, and
scikit-learn's fitted tree_ arrays node for node (children, feature, threshold, impurity,
n_node_samples, weighted_n_node_samples, value), its depth, leaves, max_features_,
feature_importances_, and apply / predict on the training samples.
"""
import json
import os

import numpy as np
import sklearn
from tree_arrays import lst, tree_arrays
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

OUT = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources",
                   "reference", "trees.json")


DATA = {"iris": load_iris(return_X_y=True), "wine": load_wine(return_X_y=True),
        "breast_cancer": load_breast_cancer(return_X_y=True),
        "diabetes": load_diabetes(return_X_y=True)}

# Ties and constant columns: values rounded to one decimal, a constant column, a column constant
# in most nodes (two values), duplicated rows; three classes and a target with ties.
rng = np.random.RandomState(3)
ties = np.round(rng.randn(120, 4), 1)
ties = np.column_stack([ties[:, 0], np.full(120, 2.5), ties[:, 1],
                        (ties[:, 2] > 1.2).astype(float), ties[:, 3]])
ties = np.vstack([ties, ties[:30]])
ties_y = (ties[:, 0] + ties[:, 2] > 0).astype(int) + (ties[:, 4] > 0.8)
ties_t = np.round(ties[:, 0] * 2 + ties[:, 2], 0)
DATA["ties"] = (ties, ties_y)
DATA["ties_reg"] = (ties, ties_t)

cases = []


def case(kind, data, params, weights=None):
    X, y = DATA[data]
    model = (DecisionTreeClassifier if kind == "classifier" else DecisionTreeRegressor)(**params)
    sw = None
    if weights is not None:
        sw = np.random.RandomState(weights).randint(0, 4, len(y)).astype(float)
    model.fit(X, y, sample_weight=sw)
    path = model.cost_complexity_pruning_path(X, y, sample_weight=sw)
    t = model.tree_
    out = {"kind": kind, "data": data, "params": params,
           "sample_weight": None if sw is None else lst(sw),
           "tree": tree_arrays(t), "n_leaves": int(model.get_n_leaves()),
           "depth": int(model.get_depth()), "max_features_": int(model.max_features_),
           "feature_importances": lst(model.feature_importances_),
           "apply": lst(model.apply(X)), "predict": lst(model.predict(X)),
           "ccp_alphas": lst(path.ccp_alphas), "ccp_impurities": lst(path.impurities)}
    if data in ("ties", "ties_reg"):
        out["X"] = lst(X)
        out["y"] = lst(y)
    cases.append(out)


C = "classifier"
R = "regressor"
for seed in (0, 1, 2):
    case(C, "iris", {"random_state": seed})
    case(C, "iris", {"random_state": seed, "max_features": "sqrt"})
case(C, "iris", {"random_state": 0, "criterion": "entropy"})
case(C, "iris", {"random_state": 5, "criterion": "log_loss", "max_features": 2})
case(C, "iris", {"random_state": 0, "max_depth": 3})
case(C, "iris", {"random_state": 0, "min_samples_leaf": 5})
case(C, "iris", {"random_state": 0, "min_samples_split": 10})
case(C, "iris", {"random_state": 0, "min_samples_split": 0.1, "min_samples_leaf": 0.02})
case(C, "iris", {"random_state": 0, "max_leaf_nodes": 5})
case(C, "iris", {"random_state": 3, "max_leaf_nodes": 8, "max_features": 1})
case(C, "iris", {"random_state": 0, "min_impurity_decrease": 0.01})
case(C, "iris", {"random_state": 0, "class_weight": "balanced"})
case(C, "iris", {"random_state": 0, "class_weight": {0: 1.0, 1: 2.0, 2: 0.5}})
case(C, "iris", {"random_state": 0}, weights=0)
case(C, "iris", {"random_state": 1, "min_weight_fraction_leaf": 0.05}, weights=1)
for seed in (0, 1, 2, 3, 4):
    case(C, "wine", {"random_state": seed, "max_features": "sqrt"})
case(C, "wine", {"random_state": 0})
case(C, "wine", {"random_state": 0, "criterion": "entropy", "max_features": "log2"})
case(C, "wine", {"random_state": 0, "max_leaf_nodes": 8})
case(C, "wine", {"random_state": 0, "min_samples_leaf": 0.05})
for seed in (0, 1):
    case(C, "breast_cancer", {"random_state": seed})
for seed in (0, 1, 2, 3):
    case(C, "breast_cancer", {"random_state": seed, "max_features": "sqrt"})
case(C, "breast_cancer", {"random_state": 0, "max_features": 0.3})
case(C, "breast_cancer", {"random_state": 0, "max_leaf_nodes": 10})
case(C, "breast_cancer", {"random_state": 0, "criterion": "entropy"})
case(C, "breast_cancer", {"random_state": 0, "class_weight": "balanced"}, weights=2)
for seed in (0, 1):
    case(C, "ties", {"random_state": seed})
    case(C, "ties", {"random_state": seed, "max_features": 2})
case(C, "ties", {"random_state": 0, "max_leaf_nodes": 12})
case(R, "diabetes", {"random_state": 0})
case(R, "diabetes", {"random_state": 0, "max_depth": 5})
for seed in (0, 1, 2):
    case(R, "diabetes", {"random_state": seed, "max_features": "sqrt", "max_depth": 8})
    case(R, "diabetes", {"random_state": seed, "max_features": 0.5})
case(R, "diabetes", {"random_state": 0, "min_samples_leaf": 5})
case(R, "diabetes", {"random_state": 0, "max_leaf_nodes": 20})
case(R, "diabetes", {"random_state": 0, "min_impurity_decrease": 10.0})
case(R, "diabetes", {"random_state": 0, "criterion": "friedman_mse", "max_depth": 6})
case(R, "diabetes", {"random_state": 0, "max_depth": 7}, weights=3)
for seed in (0, 1):
    case(R, "ties_reg", {"random_state": seed})
    case(R, "ties_reg", {"random_state": seed, "max_features": 2, "max_leaf_nodes": 15})

# splitter="random": one uniform threshold per drawn feature (the trees of ExtraTrees*).
for seed in (0, 1, 2):
    case(C, "iris", {"random_state": seed, "splitter": "random"})
    case(C, "wine", {"random_state": seed, "splitter": "random", "max_features": "sqrt"})
    case(R, "diabetes", {"random_state": seed, "splitter": "random", "max_depth": 8})
case(C, "breast_cancer", {"random_state": 0, "splitter": "random", "max_features": "sqrt"})
case(C, "breast_cancer", {"random_state": 0, "splitter": "random", "min_samples_leaf": 3},
     weights=4)
case(C, "iris", {"random_state": 0, "splitter": "random", "max_leaf_nodes": 6})
case(C, "ties", {"random_state": 0, "splitter": "random", "max_features": 2})
case(R, "ties_reg", {"random_state": 1, "splitter": "random"})
case(R, "diabetes", {"random_state": 0, "splitter": "random", "max_features": 1.0,
                     "min_samples_leaf": 4}, weights=5)

# ccp_alpha: minimal cost-complexity pruning, the pruned tree renumbered in preorder.
case(C, "iris", {"random_state": 0, "ccp_alpha": 0.01})
case(C, "wine", {"random_state": 1, "ccp_alpha": 0.02, "max_features": "sqrt"})
case(C, "breast_cancer", {"random_state": 0, "ccp_alpha": 0.005, "max_leaf_nodes": 20})
case(C, "breast_cancer", {"random_state": 2, "ccp_alpha": 0.01, "criterion": "entropy"},
     weights=6)
case(R, "diabetes", {"random_state": 0, "ccp_alpha": 30.0})
case(R, "diabetes", {"random_state": 1, "ccp_alpha": 5.0, "max_leaf_nodes": 40,
                     "splitter": "random"})

with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, f)
print("wrote", len(cases), "cases to", OUT)
