"""Reference values for semaine.metrics (scikit-learn 1.9).

Run with python from the repository root; writes
core/src/test/resources/reference/metrics.json.
"""
import json

import numpy as np
import sklearn
from sklearn import metrics

rng = np.random.RandomState(42)
cases = []
for n, k in [(10, 2), (150, 3), (1000, 5), (37, 4)]:
    y_true = rng.randint(0, k, size=n)
    y_pred = np.where(rng.rand(n) < 0.7, y_true, rng.randint(0, k + 1, size=n))  # extra label k
    labels = np.unique(np.concatenate([y_true, y_pred]))
    cases.append({
        "y_true": y_true.tolist(), "y_pred": y_pred.tolist(),
        "accuracy": metrics.accuracy_score(y_true, y_pred),
        "labels": labels.tolist(),
        "confusion": metrics.confusion_matrix(y_true, y_pred).tolist(),
    })

regression = []
for n in [5, 100, 1000, 4099, 8200]:  # 8200 > 8192: NumPy sums in buffer chunks
    y_true = rng.randn(n) * 10 + 3
    y_pred = y_true + rng.randn(n)
    regression.append({
        "y_true": y_true.tolist(), "y_pred": y_pred.tolist(),
        "mse": metrics.mean_squared_error(y_true, y_pred),
        "mae": metrics.mean_absolute_error(y_true, y_pred),
        "r2": metrics.r2_score(y_true, y_pred),
    })
# constant y_true: force_finite gives 1.0 for a perfect fit and 0.0 otherwise
const = [4.0, 4.0, 4.0]
special = {
    "r2_constant_perfect": metrics.r2_score(const, const),
    "r2_constant_imperfect": metrics.r2_score(const, [4.0, 4.5, 4.0]),
}

out = {"sklearn": sklearn.__version__, "numpy": np.__version__,
       "classification": cases, "regression": regression, "special": special}
with open("core/src/test/resources/reference/metrics.json", "w") as f:
    json.dump(out, f)
