"""Reference values for semaine.preprocessing.StandardScaler on iris and wine (scikit-learn 1.9).

Run with python from the repository root; writes
core/src/test/resources/reference/preprocessing.json.
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import load_iris, load_wine
from sklearn.preprocessing import StandardScaler


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


out = {"sklearn": sklearn.__version__, "numpy": np.__version__}
for name, load in {"iris": load_iris, "wine": load_wine}.items():
    X = load().data
    s = StandardScaler().fit(X)
    Xt = s.transform(X)
    probe = X[:5] * 1.5 + 0.25  # unseen rows: transform must use the fitted statistics
    out[name] = {
        "mean": floats(s.mean_),
        "var": floats(s.var_),
        "scale": floats(s.scale_),
        "transform_first_rows": [floats(r) for r in Xt[:3]],
        "transform_column_sums": floats(Xt.sum(axis=0)),
        "probe": [floats(r) for r in probe],
        "probe_transformed": [floats(r) for r in s.transform(probe)],
        "inverse_of_transform_first_rows": [floats(r) for r in s.inverse_transform(Xt[:3])],
        "no_mean_first_rows": [floats(r) for r in StandardScaler(with_mean=False).fit_transform(X)[:3]],
        "no_std_first_rows": [floats(r) for r in StandardScaler(with_std=False).fit_transform(X)[:3]],
    }

# A constant column (scale 1.0) next to a varying one, and a near-constant column whose variance
# is pure rounding noise (sklearn's _is_constant_feature also maps it to scale 1.0).
Xc = np.array([[1.0, 7.0, 0.1], [2.0, 7.0, 0.1], [4.0, 7.0, 0.1], [8.0, 7.0, 0.1]])
s = StandardScaler().fit(Xc)
out["constant"] = {"X": [floats(r) for r in Xc], "mean": floats(s.mean_), "var": floats(s.var_),
                   "scale": floats(s.scale_), "transformed": [floats(r) for r in s.transform(Xc)]}

with open("core/src/test/resources/reference/preprocessing.json", "w") as f:
    json.dump(out, f)
