"""Reference vectors for semaine.selection.CrossValidation's validationCurve and learningCurve
(scikit-learn 1.9's validation_curve and learning_curve, default cv, no shuffling) on the bundled
iris, breast cancer and diabetes data, which the Java side loads itself. (The learning curves of
classifiers start at 20 or more rows and avoid iris and wine: their first training rows are all of
one class, which scikit-learn's k-NN accepts and semaine's refuses.)

Run from the repository root: python reference/curves.py; writes
core/src/test/resources/reference/curves.json.
"""
import os

import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.linear_model import Ridge
from sklearn.model_selection import learning_curve, validation_curve
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

from common import META, dump

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "test",
                   "resources", "reference", "curves.json")
LOADERS = {"iris": load_iris, "breast_cancer": load_breast_cancer, "diabetes": load_diabetes}
MODELS = {"knn": KNeighborsClassifier, "knn_regressor": KNeighborsRegressor, "ridge": Ridge}

validation = []
for data, model, param, values, cv, scoring in [
        ("iris", "knn", "n_neighbors", [1, 3, 5, 7, 9, 15], 5, None),
        ("breast_cancer", "knn", "weights", ["uniform", "distance"], 3, "f1"),
        ("diabetes", "ridge", "alpha", [0.01, 0.1, 1.0, 10.0], 4, None)]:
    d = LOADERS[data]()
    train, test = validation_curve(MODELS[model](), d.data, d.target, param_name=param,
                                   param_range=values, cv=cv, scoring=scoring)
    validation.append({"data": data, "model": model, "param": param, "values": values, "cv": cv,
                       "scoring": scoring, "train": train.tolist(), "test": test.tolist()})

learning = []
for data, model, sizes, cv in [("breast_cancer", "knn", np.linspace(0.2, 1.0, 5).tolist(), 5),
                               ("breast_cancer", "knn", [0.15, 0.3, 0.3, 0.7, 1.0], 3),
                               ("diabetes", "knn_regressor", np.linspace(0.1, 1.0, 4).tolist(), 5),
                               ("diabetes", "ridge", [20.0, 100.0, 353.0], 5)]:
    d = LOADERS[data]()
    sz = np.array(sizes, dtype=int) if model == "ridge" else np.array(sizes)
    abs_sizes, train, test = learning_curve(MODELS[model](), d.data, d.target, train_sizes=sz,
                                            cv=cv)
    learning.append({"data": data, "model": model, "train_sizes": sizes, "cv": cv,
                     "train_sizes_abs": abs_sizes.tolist(), "train": train.tolist(),
                     "test": test.tolist()})

dump({"meta": META, "validation": validation, "learning": learning}, OUT)
