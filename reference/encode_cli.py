"""Reference answers for classify/regress --encode onehot (cli EncodeOptionTest): a small CSV with
text (category) and number columns, written here with pandas, and what scikit-learn 1.9's pipelines
answer on it. The CLI builds the pipelines a scikit-learn user writes:

  --encode onehot             make_pipeline(make_column_transformer((OneHotEncoder(), text),
                                            remainder="passthrough"), model)
  --encode onehot --scale S   make_pipeline(make_column_transformer((Scaler(), numbers),
                                            (OneHotEncoder(), text)), model)

and what GridSearchCV finds over that pipeline (search --encode onehot).

Run from the repository root: python reference/encode_cli.py; writes
cli/src/test/resources/reference/encode_{train,queries}.csv and encode_cli.json.
"""
import os

import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import GridSearchCV
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, StandardScaler

from common import META, dump

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli", "src", "test",
                   "resources", "reference")

rng = np.random.RandomState(7)
n = 80
train = pd.DataFrame({
    "age": rng.randint(18, 70, n).astype(float),
    "city": rng.choice(["Lyon", "Paris", "Nice", "Brest"], n),
    "income": np.round(rng.lognormal(10, 0.5, n), 2),
    "plan": rng.choice(["basic", "pro"], n),
})
train["churn"] = np.where((train.city == "Paris") ^ (train.age > 40) ^ (rng.rand(n) < 0.15),
                          "yes", "no")
train["spend"] = (train.age * 2 + (train.city == "Nice") * 30 - (train.plan == "pro") * 12
                  + train.income / 1000 + rng.randn(n))
queries = pd.DataFrame({
    "age": rng.randint(18, 70, 12).astype(float),
    "city": rng.choice(["Lyon", "Paris", "Nice", "Brest"], 12),
    "income": np.round(rng.lognormal(10, 0.5, 12), 2),
    "plan": rng.choice(["basic", "pro"], 12),
})
train.to_csv(os.path.join(OUT, "encode_train.csv"), index=False)
queries.to_csv(os.path.join(OUT, "encode_queries.csv"), index=False)

TEXT = ["city", "plan"]
NUMBERS = ["age", "income"]
FEATURES = ["age", "city", "income", "plan"]


def encoded(model, scaler=None):
    if scaler is None:
        columns = make_column_transformer((OneHotEncoder(), TEXT), remainder="passthrough")
    else:
        columns = make_column_transformer((scaler, NUMBERS), (OneHotEncoder(), TEXT))
    return make_pipeline(columns, model)


cases = {}
for name, scaler in [("knn", None), ("knn_standard", StandardScaler())]:
    pipe = encoded(KNeighborsClassifier(), scaler).fit(train[FEATURES], train["churn"])
    cases["classify_" + name] = {
        "predictions": pipe.predict(queries[FEATURES]).tolist(),
        "probabilities": pipe.predict_proba(queries[FEATURES]).tolist(),
        "train_accuracy": float(pipe.score(train[FEATURES], train["churn"])),
    }
for name, model, scaler in [("ols", LinearRegression(), None),
                            ("knn_minmax", KNeighborsRegressor(), MinMaxScaler())]:
    pipe = encoded(model, scaler).fit(train[FEATURES], train["spend"])
    cases["regress_" + name] = {
        "predictions": pipe.predict(queries[FEATURES]).tolist(),
        "train_r2": float(pipe.score(train[FEATURES], train["spend"])),
        "feature_names_out": list(pipe[0].get_feature_names_out()),
    }

# search --encode onehot [--scale standard] --grid 'n_neighbors=1,3,5,7;weights=uniform,distance'
for name, scaler in [("knn", None), ("knn_standard", StandardScaler())]:
    search = GridSearchCV(encoded(KNeighborsClassifier(), scaler),
                          {"kneighborsclassifier__n_neighbors": [1, 3, 5, 7],
                           "kneighborsclassifier__weights": ["uniform", "distance"]}, cv=5)
    search.fit(train[FEATURES], train["churn"])
    cases["search_" + name] = {
        "mean_test_score": search.cv_results_["mean_test_score"].tolist(),
        "std_test_score": search.cv_results_["std_test_score"].tolist(),
        "best_n_neighbors": int(search.best_params_["kneighborsclassifier__n_neighbors"]),
        "best_weights": search.best_params_["kneighborsclassifier__weights"],
    }

dump({"meta": META, "cases": cases}, os.path.join(OUT, "encode_cli.json"))
