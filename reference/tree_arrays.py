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
