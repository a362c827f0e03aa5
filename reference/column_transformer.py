"""Reference vectors for semaine.pipeline.ColumnTransformer (scikit-learn 1.9): a table with text
and numeric columns (a pandas DataFrame here; the CSV fields as written, String[][], on the Java
side) and the iris data by column index.

Run from the repository root: python reference/column_transformer.py; writes
core/src/test/resources/reference/column_transformer.json with the table's fields (numbers as
Python's repr), and per case the output of fit_transform, of transform on a probe, and
get_feature_names_out.
"""
import os

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_iris
from sklearn.decomposition import PCA
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, OrdinalEncoder, StandardScaler

from common import META, dump

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "test",
                   "resources", "reference", "column_transformer.json")

rng = np.random.RandomState(3)
n = 40
table = pd.DataFrame({
    "age": rng.randint(18, 80, n).astype(float),
    "city": rng.choice(["Lyon", "Paris", "Nice", "Brest"], n),
    "income": np.round(rng.lognormal(10, 0.5, n), 2),
    "plan": rng.choice(["basic", "pro"], n),
    "score": rng.randn(n),
})
probe = table.iloc[:6].copy()
probe.loc[probe.index[1], "city"] = "Lille"


def fields(df):
    return [[repr(float(v)) if isinstance(v, (float, np.floating)) else str(v) for v in row]
            for row in df.itertuples(index=False)]


CASES = [
    ("scale_and_onehot", lambda: ColumnTransformer(
        [("num", StandardScaler(), ["age", "income"]),
         ("cat", OneHotEncoder(sparse_output=False, handle_unknown="ignore"), ["city"])])),
    ("ordinal_passthrough", lambda: ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
          ["city", "plan"]),
         ("minmax", MinMaxScaler(), [0, 4])], remainder="passthrough")),
    ("short_names", lambda: ColumnTransformer(
        [("cat", OneHotEncoder(sparse_output=False, drop="first", handle_unknown="ignore"),
          ["plan", "city"]),
         ("num", StandardScaler(), ["score"])], remainder="passthrough",
        verbose_feature_names_out=False)),
]
cases = []
for name, make in CASES:
    ct = make()
    Z = ct.fit_transform(table)
    cases.append({"name": name, "fit_transform": np.asarray(Z, float).tolist(),
                  "probe": np.asarray(ct.transform(probe), float).tolist(),
                  "feature_names_out": list(ct.get_feature_names_out())})

X = load_iris().data
ct = ColumnTransformer([("scaled", StandardScaler(), [0, 1]), ("pca", PCA(1), [2, 3])],
                       remainder="passthrough")
iris = {"fit_transform": ct.fit_transform(X[:, [0, 1, 2, 3]]).tolist(),
        "feature_names_out": list(ct.get_feature_names_out())}
ct2 = ColumnTransformer([("scaled", StandardScaler(), [0, 1]), ("pca", PCA(1), [2, 3])],
                        remainder="passthrough").fit(X[:, [0, 1, 2, 3]])

dump({"meta": META, "columns": list(table.columns), "table": fields(table),
      "probe": fields(probe), "cases": cases, "iris": iris}, OUT)
