"""Reference values for semaine.data.Datasets: what scikit-learn's load_* functions return.

Run with python (scikit-learn 1.9) from the repository root; writes
core/src/test/resources/reference/loaders.json.
"""
import json

import numpy as np
import sklearn
from sklearn import datasets

LOADERS = {
    "iris": datasets.load_iris,
    "wine": datasets.load_wine,
    "breast_cancer": datasets.load_breast_cancer,
    "digits": datasets.load_digits,
    "diabetes": datasets.load_diabetes,  # scaled=True by default
}


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


out = {"sklearn": sklearn.__version__, "numpy": np.__version__}
for name, load in LOADERS.items():
    b = load()
    X, y = b.data, b.target
    out[name] = {
        "shape": list(X.shape),
        "feature_names": [str(f) for f in b.feature_names],
        "target_names": [str(t) for t in b.get("target_names", [])],
        "column_sums": floats(X.sum(axis=0)),
        "first_row": floats(X[0]),
        "last_row": floats(X[-1]),
        "target": floats(y),
        "descr_first_line": b.DESCR.splitlines()[0],
        "descr_length": len(b.DESCR),
    }

with open("core/src/test/resources/reference/loaders.json", "w") as f:
    json.dump(out, f)  # json writes floats with repr, which round-trips
