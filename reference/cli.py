"""Expected stdout of CLI commands that must print exactly what scikit-learn computes.

Run with a Python that has scikit-learn 1.9 (e.g. a venv): python reference/cli.py
Writes cli/src/test/resources/reference/*.json, read by cli's DatasetsCommandTest.
"""
import json
import os

from sklearn.datasets import load_iris, make_blobs, make_moons

OUT = os.path.join(os.path.dirname(__file__), "..", "cli", "src", "test", "resources", "reference")


def dump(name, obj):
    with open(os.path.join(OUT, name), "w") as f:
        f.write(json.dumps(obj, separators=(",", ":")) + "\n")


# ./semaine datasets blobs --samples 50 --centers 2 --features 2 --std 1 --seed 0 --json
X, y = make_blobs(50, centers=2, n_features=2, random_state=0, cluster_std=1)
dump("blobs_50_2_2_1_seed0.json", {"X": X.tolist(), "y": y.tolist()})

# ./semaine datasets moons --samples 20 --noise 0.1 --seed 3 --json
X, y = make_moons(20, noise=0.1, random_state=3)
dump("moons_20_noise0.1_seed3.json", {"X": X.tolist(), "y": y.tolist()})

iris = load_iris()
dump("iris.json", {"feature_names": list(iris.feature_names),
                   "target_names": iris.target_names.tolist(),
                   "X": iris.data.tolist(), "y": iris.target.tolist()})
