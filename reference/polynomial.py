"""Reference values for semaine.preprocessing.PolynomialFeatures (scikit-learn 1.9.1).

Run with python from the repository root; writes
core/src/test/resources/reference/polynomial.json: for a few settings, powers_ and the
transformed rows of a small generated X (stored), to be compared bit for bit.
"""
import json

import numpy as np
import sklearn
from sklearn.preprocessing import PolynomialFeatures

X = np.random.RandomState(0).randn(6, 3) * 1.7
cases = []
for params in [{}, {"degree": 3}, {"degree": 3, "interaction_only": True},
               {"degree": 4, "include_bias": False}, {"degree": 0}, {"degree": 1}]:
    model = PolynomialFeatures(**params).fit(X)
    cases.append({"params": params, "powers": model.powers_.tolist(),
                  "transformed": model.transform(X).tolist()})
with open("core/src/test/resources/reference/polynomial.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "X": X.tolist(), "cases": cases}, f)
