"""Reference values for semaine.regression.RidgeCV and LassoCV (scikit-learn 1.9.1).

Run with python from the repository root; writes
core/src/test/resources/reference/linear_cv.json.

Data: diabetes as load_diabetes gives it, and a wide problem (20 samples, 30 features, from
RandomState(0), stored in the JSON) where RidgeCV takes its "gram" path. RidgeCV with cv=None
(leave-one-out by the generalized cross-validation formulas): alpha_, best_score_, coef_,
intercept_, cv_results_ when stored. LassoCV with its default 5 KFold folds: alphas_ (the grid
eps=1e-3, alphas=100 built from max|Xᵀy|/n), mse_path_, alpha_, coef_, intercept_, n_iter_.
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LassoCV, RidgeCV


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def rows(a):
    return [floats(r) for r in np.atleast_2d(np.asarray(a, dtype=np.float64))]


X_diabetes, y_diabetes = load_diabetes(return_X_y=True)
rng = np.random.RandomState(0)
X_wide = rng.randn(20, 30)
y_wide = X_wide[:, :5] @ np.array([1.0, -2.0, 0.5, 3.0, -1.0]) + 0.5 * rng.randn(20) + 4.0
data = {"diabetes": (X_diabetes, y_diabetes), "wide": (X_wide, y_wide)}


def ridge_case(dataset, params):
    X, y = data[dataset]
    model = RidgeCV(**params).fit(X, y)
    out = {"dataset": dataset, "params": {k: floats(v) if k == "alphas" else v
                                          for k, v in params.items()},
           "alpha": float(model.alpha_), "best_score": float(model.best_score_),
           "coef": floats(model.coef_), "intercept": float(model.intercept_),
           "predictions": floats(model.predict(X[:5]))}
    if params.get("store_cv_results"):
        out["cv_results"] = rows(model.cv_results_)
    return out


def lasso_case(dataset, params):
    X, y = data[dataset]
    model = LassoCV(**params).fit(X, y)
    return {"dataset": dataset, "params": params,
            "alpha": float(model.alpha_), "alphas": floats(model.alphas_),
            "mse_path": rows(model.mse_path_), "coef": floats(model.coef_),
            "intercept": float(model.intercept_), "n_iter": int(model.n_iter_),
            "dual_gap": float(model.dual_gap_)}


ridge = [ridge_case("diabetes", {}),
         ridge_case("diabetes", {"alphas": np.logspace(-4, 2, 13), "store_cv_results": True}),
         ridge_case("diabetes", {"alphas": [0.001, 0.01, 0.1], "fit_intercept": False}),
         ridge_case("wide", {"alphas": np.logspace(-2, 3, 11), "store_cv_results": True}),
         ridge_case("wide", {"alphas": [0.5, 5.0], "fit_intercept": False})]
lasso = [lasso_case("diabetes", {}),
         lasso_case("diabetes", {"alphas": 20, "eps": 1e-2, "tol": 1e-8, "max_iter": 10000}),
         lasso_case("diabetes", {"cv": 3, "fit_intercept": False}),
         lasso_case("wide", {"alphas": 30, "tol": 1e-10, "max_iter": 100000})]

out = {"sklearn": sklearn.__version__, "numpy": np.__version__,
       "wide": {"X": rows(X_wide), "y": floats(y_wide)}, "ridge": ridge, "lasso": lasso}
with open("core/src/test/resources/reference/linear_cv.json", "w") as f:
    json.dump(out, f)
