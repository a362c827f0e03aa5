"""Reference values for semaine.clustering.MiniBatchKMeans (scikit-learn 1.9's MiniBatchKMeans).

Run from the repository root with one OpenMP thread (scikit-learn's single-thread results are the
bit-exact reference, as for reference/kmeans.py):

    OMP_NUM_THREADS=1 python reference/minibatch_kmeans.py

Writes core/src/test/resources/reference/minibatch_kmeans.json. Data sets are named by their
make_blobs arguments (semaine.data.MakeBlobs reproduces them bit for bit) or "iris"; each case
lists the parameters given to MiniBatchKMeans and what fit (or a sequence of partial_fit calls)
learned: cluster_centers_, labels_, inertia_, n_iter_, n_steps_.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import MiniBatchKMeans
from sklearn.datasets import load_iris, make_blobs

OUT = "core/src/test/resources/reference/minibatch_kmeans.json"

DATA = {
    "blobs50": dict(n_samples=50, centers=2, n_features=2, random_state=0, cluster_std=1.0),
    "blobs200": dict(n_samples=200, centers=4, n_features=2, random_state=0, cluster_std=0.5),
    "blobs20000x5": dict(n_samples=20000, centers=6, n_features=5, random_state=3, cluster_std=1.0),
}


def data(name):
    if name == "iris":
        return load_iris().data
    X, _ = make_blobs(**DATA[name])
    return X


def fitted(model):
    out = {
        "centers": model.cluster_centers_.tolist(),
        "n_steps": int(model.n_steps_),
    }
    if hasattr(model, "n_iter_"):
        out["n_iter"] = int(model.n_iter_)
    if hasattr(model, "labels_"):
        out["labels"] = model.labels_.tolist()
    if hasattr(model, "inertia_"):
        out["inertia"] = float(model.inertia_)
    return out


fits = []


def fit(name, params, sample_weight=None, init_rows=None):
    X = data(name)
    params = dict(params)
    if init_rows is not None:
        params["init"] = X[init_rows]
    m = MiniBatchKMeans(**params)
    m.fit(X, sample_weight=sample_weight)
    case = {"data": name, "params": {k: v for k, v in params.items() if k != "init" or isinstance(v, str)}}
    if init_rows is not None:
        case["init_rows"] = list(init_rows)
    if sample_weight is not None:
        case["sample_weight"] = sample_weight.tolist()
    case.update(fitted(m))
    fits.append(case)


# 1. The book's blobs and iris, several seeds, defaults (batch of the whole set, reassignment on).
for seed in (0, 1, 2):
    fit("blobs50", dict(n_clusters=2, random_state=seed))
    fit("blobs200", dict(n_clusters=4, random_state=seed))
    fit("iris", dict(n_clusters=3, random_state=seed))
# 2. Small batches: many steps, random reassignment of small clusters, early stopping.
for seed in (0, 5):
    fit("blobs200", dict(n_clusters=8, batch_size=16, random_state=seed))
    fit("blobs200", dict(n_clusters=8, batch_size=16, random_state=seed, reassignment_ratio=0.0))
    fit("blobs200", dict(n_clusters=8, batch_size=16, random_state=seed, reassignment_ratio=0.3))
    fit("iris", dict(n_clusters=5, batch_size=10, random_state=seed, max_no_improvement=None,
                     max_iter=20))
    fit("iris", dict(n_clusters=5, batch_size=10, random_state=seed, max_no_improvement=2))
    fit("blobs200", dict(n_clusters=4, batch_size=20, random_state=seed, tol=1e-3))
    fit("blobs200", dict(n_clusters=8, batch_size=16, random_state=seed, max_no_improvement=None,
                         max_iter=10))
# 3. More centres than half a batch: the reassignment keeps the heaviest ones.
fit("blobs50", dict(n_clusters=12, batch_size=8, random_state=3, reassignment_ratio=0.5))
# 4. 'random' init with n_init runs compared on the validation set, init_size, explicit centres.
fit("blobs200", dict(n_clusters=4, init="random", random_state=0))
fit("blobs200", dict(n_clusters=4, init="random", n_init=5, batch_size=32, init_size=40,
                     random_state=1))
fit("iris", dict(n_clusters=3, n_init=4, batch_size=20, random_state=2))
fit("blobs200", dict(n_clusters=3, batch_size=25, max_iter=5, random_state=7), init_rows=[0, 1, 2])
# 5. compute_labels=False: inertia_ from the smoothed batch inertia.
fit("blobs200", dict(n_clusters=4, batch_size=20, random_state=4, compute_labels=False))
# 6. Sample weights (they steer the minibatch draws and the inertia).
w = np.random.RandomState(0).uniform(0.5, 2.0, size=200)
fit("blobs200", dict(n_clusters=4, batch_size=20, init="random", random_state=6), sample_weight=w)
# 7. 20,000 x 5: several chunks of samples, default batch 1024, seeds.
for seed in (0, 1):
    fit("blobs20000x5", dict(n_clusters=6, random_state=seed))
fit("blobs20000x5", dict(n_clusters=10, batch_size=256, random_state=2, max_iter=3))

# partial_fit: the same model fed consecutive blocks of rows.
partial = []


def partial_fit(name, params, block, sample_weight=None, fit_first=False):
    X = data(name)
    m = MiniBatchKMeans(**params)
    if fit_first:  # partial_fit continues a fit: its centres, counts and batch size
        m.fit(X)
    steps = []
    for start in range(0, X.shape[0], block):
        sw = None if sample_weight is None else sample_weight[start:start + block]
        m.partial_fit(X[start:start + block], sample_weight=sw)
        steps.append(fitted(m))
    case = {"data": name, "params": params, "block": block, "steps": steps, "fit_first": fit_first}
    if sample_weight is not None:
        case["sample_weight"] = sample_weight.tolist()
    partial.append(case)


partial_fit("blobs200", dict(n_clusters=4, random_state=0), 40)
partial_fit("blobs200", dict(n_clusters=8, random_state=1, reassignment_ratio=0.2), 25)
partial_fit("iris", dict(n_clusters=3, init="random", random_state=2), 30)
partial_fit("blobs200", dict(n_clusters=4, init="random", random_state=3), 50, sample_weight=w)
partial_fit("blobs20000x5", dict(n_clusters=6, random_state=0, compute_labels=False), 4000)
partial_fit("blobs200", dict(n_clusters=5, batch_size=16, random_state=8), 60, fit_first=True)

out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "data": DATA, "fits": fits,
       "partial_fit": partial}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump(out, f)
print(f"{len(fits)} fits, {len(partial)} partial_fit sequences -> {OUT}")

# The BLAS sums k-means++ relies on (semaine.clustering.BlasSums): a (1, n) row times ones (ddot)
# and each row of a (T, n) matrix times a column of ones (dgemv), for lengths around the kernels'
# blocks (4, 16, 2048). A = RandomState(seed).uniform(size=(T, n)), every third entry times 1000.
sums = []
seed = 0
for n in (1, 3, 4, 7, 15, 16, 17, 33, 250, 2047, 2048, 2049, 4099, 5000):
    for T in (2, 3, 4, 5, 6, 7):
        seed += 1
        A = np.random.RandomState(seed).uniform(size=(T, n))
        A[:, ::3] *= 1000.0
        sums.append({"seed": seed, "T": T, "n": n,
                     "ddot": [float((A[[t]] @ np.ones(n))[0]) for t in range(T)],
                     "gemv": (A @ np.ones((n, 1))).ravel().tolist()})
with open("core/src/test/resources/reference/blas_sums.json", "w") as f:
    json.dump({"numpy": np.__version__, "cases": sums}, f)
print(f"{len(sums)} BLAS sum cases")

# The command line: `semaine cluster blobs.csv --method minibatch-kmeans --k 4 --seed 0
# --param batch_size=16` on `semaine datasets blobs --samples 200 --centers 4 --features 2
# --std 0.5 --seed 0`.
X = data("blobs200")
m = MiniBatchKMeans(n_clusters=4, batch_size=16, random_state=0).fit(X)
with open("cli/src/test/resources/reference/cluster_minibatch.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "k4_batch16_seed0": fitted(m)}, f)
