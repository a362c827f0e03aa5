"""Reference values for semaine.rl.agents.Discretizer: np.linspace, np.digitize and the C-order
state number of the book's LunarLander discretisation (10 edges in [-1, 1] per coordinate).

Run: python reference/discretize.py > rl/src/test/resources/reference/discretize.json
"""
import json
import sys

import numpy as np

rng = np.random.RandomState(0)
cases = []
for low, high, num in [(-1.0, 1.0, 10), (0.0, 1.0, 7), (-2.5, 2.5, 11), (-3.14159, 3.14159, 13),
                       (0.1, 0.7, 3), (5.0, 5.5, 2)]:
    bins = np.linspace(low, high, num)
    x = np.concatenate([rng.uniform(low - 0.5, high + 0.5, 40).astype(np.float32).astype(np.float64),
                        bins, [low - 1.0, high + 1.0, np.nextafter(bins[1], -np.inf)]])
    cases.append({"low": low, "high": high, "num": num, "bins": bins.tolist(),
                  "x": x.tolist(), "digitize": np.digitize(x, bins).tolist()})

bins = np.linspace(-1, 1, 10)
observations = rng.uniform(-1.3, 1.3, (50, 8)).astype(np.float32).astype(np.float64)
states = [int(np.ravel_multi_index(tuple(np.digitize(o, bins)), (11,) * 8)) for o in observations]
json.dump({"numpy": np.__version__, "cases": cases,
           "lander": {"observations": observations.tolist(), "states": states,
                      "n_states": 11 ** 8}}, sys.stdout)
