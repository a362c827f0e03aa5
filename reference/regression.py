"""Reference values for semaine.regression (scikit-learn 1.9, NumPy 2.x).

Run with python from the repository root; writes
core/src/test/resources/reference/regression.json.

- "linear": LinearRegression fits (coef_, intercept_, rank_, singular_, score, predictions) on the
  book's listing, diabetes and generated data: multi-output, rank-deficient (duplicate column), wide
  (more features than samples), nearly collinear (the tol=1e-6 cutoff drops a direction),
  fit_intercept=False.
- "descent": the book's batch gradient descent written in NumPy (loss 1/(2m) sum (Xw + b - y)^2,
  w <- w - lr dL/dw, b <- b - lr dL/db), with the history of (w, b, loss) at each step.
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def rows(a):
    return [floats(r) for r in np.atleast_2d(np.asarray(a, dtype=np.float64))]


def linear_case(name, X, y, fit_intercept=True, store_data=True):
    model = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    probe = np.vstack([X[:3], X[:3] * 0.5 - 1.0])  # rows seen and unseen
    case = {
        "name": name,
        "fit_intercept": fit_intercept,
        "multi_output": y.ndim == 2,
        "coef": rows(model.coef_) if y.ndim == 2 else floats(model.coef_),
        "intercept": floats(model.intercept_),
        "rank": int(model.rank_),
        "singular": floats(model.singular_),
        "score": None if len(y) < 2 else float(model.score(X, y)),  # R² is NaN for one sample
        "probe": rows(probe),
        "predictions": rows(model.predict(probe)) if y.ndim == 2 else floats(model.predict(probe)),
    }
    if store_data:
        case["X"] = rows(X)
        case["y"] = rows(y) if y.ndim == 2 else floats(y)
    return case


def book_listing():
    np.random.seed(0)
    m = 50
    X = np.random.randn(m).reshape(-1, 1)
    y = 1.5 * X + 3 + np.random.randn(m).reshape(-1, 1)
    return X, y


linear = []
X, y = book_listing()
linear.append(linear_case("book listing, y of shape (50, 1)", X, y))
linear.append(linear_case("book listing, y of shape (50,)", X, y.ravel()))

diabetes = load_diabetes()
linear.append(linear_case("diabetes", diabetes.data, diabetes.target, store_data=False))
linear.append(linear_case("diabetes, fit_intercept=False", diabetes.data, diabetes.target,
                          fit_intercept=False, store_data=False))

rng = np.random.RandomState(7)
X = rng.randn(200, 5) * [1.0, 10.0, 0.1, 3.0, 1.0] + [0.0, 5.0, -2.0, 100.0, 1.0]
y = X @ [1.5, -0.25, 4.0, 0.01, 2.0] + 3.0 + rng.randn(200) * 0.5
linear.append(linear_case("generated 200 x 5", X, y))
linear.append(linear_case("generated 200 x 5, fit_intercept=False", X, y, fit_intercept=False))

Y = np.column_stack([y, X @ [0.0, 1.0, 0.0, -1.0, 0.5] + rng.randn(200), -2.0 * y + 7.0])
linear.append(linear_case("multi-output 200 x 5, 3 targets", X, Y))

Xd = np.column_stack([X[:, :3], X[:, 1], X[:, 3:]])  # column 1 duplicated: rank 5 of 6
linear.append(linear_case("rank-deficient: duplicate column", Xd, y))

Xw = rng.randn(10, 30)
yw = rng.randn(10)
linear.append(linear_case("wide 10 x 30", Xw, yw))
linear.append(linear_case("wide 10 x 30, fit_intercept=False", Xw, yw, fit_intercept=False))

Xc = rng.randn(100, 3)
Xc = np.column_stack([Xc, Xc[:, 0] + 1e-9 * rng.randn(100)])  # s_min / s_max ~ 1e-9 < tol
yc = Xc @ [1.0, 2.0, 3.0, 4.0] + rng.randn(100) * 0.1
linear.append(linear_case("nearly collinear: tol drops a direction", Xc, yc))

Xs = rng.randn(1, 3)
linear.append(linear_case("one sample", Xs, np.array([2.5])))
Xk = np.column_stack([rng.randn(30), np.full(30, 4.0)])  # a constant column centres to zero
linear.append(linear_case("constant column", Xk, Xk[:, 0] * 2 + 1 + rng.randn(30) * 0.1))


def descent(X, y, learning_rate, max_iter, tol, w, b):
    """The book's batch gradient descent; history[k] = (w, b, loss) after k steps."""
    m = X.shape[0]
    w = np.array(w, dtype=np.float64)
    b = float(b)
    error = X @ w + b - y
    loss = (error ** 2).sum() / (2 * m)
    history = [(w.copy(), b, loss)]
    for _ in range(max_iter):
        grad_w = X.T @ error / m
        grad_b = error.sum() / m
        w = w - learning_rate * grad_w
        b = b - learning_rate * grad_b
        error = X @ w + b - y
        previous, loss = loss, (error ** 2).sum() / (2 * m)
        history.append((w.copy(), b, loss))
        if previous - loss < tol:
            break
    return history


def descent_case(name, X, y, learning_rate, max_iter, tol, w0, b0, seed=None):
    history = descent(X, y, learning_rate, max_iter, tol, w0, b0)
    case = {
        "name": name, "learning_rate": learning_rate, "max_iter": max_iter, "tol": tol,
        "w": [floats(h[0]) for h in history], "b": [h[1] for h in history],
        "loss": [float(h[2]) for h in history], "n_iter": len(history) - 1,
        "X": rows(X), "y": floats(y),
    }
    if seed is None:
        case["w0"] = floats(w0)
        case["b0"] = float(b0)
    else:
        case["seed"] = seed
    return case


X, y = book_listing()
y = y.ravel()
descents = [
    descent_case("book listing from (0, 0)", X, y, 0.1, 1000, 1e-12, [0.0], 0.0),
    descent_case("book listing, 25 steps from (-2, 8)", X, y, 0.3, 25, 0.0, [-2.0], 8.0),
]
start = np.random.RandomState(42)
w0 = start.randn(1)  # the random start: w = randn(n_features), then b = randn()
b0 = start.randn()
descents.append(descent_case("book listing, random start RandomState(42)", X, y, 0.05, 200, 1e-10,
                             w0, b0, seed=42))
rng = np.random.RandomState(3)
X3 = rng.randn(80, 3)
y3 = X3 @ [2.0, -1.0, 0.5] - 4.0 + 0.2 * rng.randn(80)
descents.append(descent_case("three features", X3, y3, 0.2, 500, 1e-12, [0.0, 0.0, 0.0], 0.0))

out = {"sklearn": sklearn.__version__, "numpy": np.__version__,
       "linear": linear, "descent": descents}
with open("core/src/test/resources/reference/regression.json", "w") as f:
    json.dump(out, f)
