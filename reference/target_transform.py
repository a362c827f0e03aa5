"""Reference values for semaine.pipeline.TransformedTargetRegressor (scikit-learn 1.9.1).

Run from the repository root with the reference venv; writes
core/src/test/resources/reference/target_transform.json.

Diabetes as load_diabetes() gives it: TransformedTargetRegressor(Ridge(alpha=0.5),
transformer=StandardScaler()) and TransformedTargetRegressor() (LinearRegression on y as it is):
the inner regressor's coef_ and intercept_, the transformer's mean_ and scale_, predictions on
every row.
"""
import os

import numpy as np
import sklearn
from sklearn.compose import TransformedTargetRegressor
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler

from common import dump

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "core", "src", "test", "resources", "reference",
                   "target_transform.json")


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def main():
    X, y = load_diabetes(return_X_y=True)
    scaled = TransformedTargetRegressor(Ridge(alpha=0.5), transformer=StandardScaler()).fit(X, y)
    plain = TransformedTargetRegressor().fit(X, y)
    dump({"meta": {"sklearn": sklearn.__version__},
          "scaled": {"coef": floats(scaled.regressor_.coef_),
                     "intercept": float(scaled.regressor_.intercept_),
                     "mean": floats(scaled.transformer_.mean_),
                     "scale": floats(scaled.transformer_.scale_),
                     "predictions": floats(scaled.predict(X))},
          "plain": {"coef": floats(plain.regressor_.coef_),
                    "intercept": float(plain.regressor_.intercept_),
                    "predictions": floats(plain.predict(X))}}, OUT)


if __name__ == "__main__":
    main()
