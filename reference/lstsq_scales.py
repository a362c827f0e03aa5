"""Reference values for least squares on data near the ends of the double range (NumPy 2.x).

Run with /work/venv/bin/python from the repository root; writes
core/src/test/resources/reference/lstsq_scales.json.

Each case centres X and y by their column means, as scikit-learn's LinearRegression does before it
calls lstsq, and stores numpy.linalg.lstsq(Xc, yc, rcond=None)'s solution and singular values (LAPACK
gelsd, whose QR and SVD never square an entry, so values near 1e160, 1e-170 or 1e300 are solved as
well as values near 1). semaine's closed form and Householder norms square entries, which overflow
or underflow there; the test checks that its scaling recovers gelsd's numbers.
"""
import numpy as np

from common import META, dump


def case(name, X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean(axis=0)
    coef, _, rank, singular = np.linalg.lstsq(Xc, yc, rcond=None)
    return {"name": name, "X": X.tolist(), "y": y.T.tolist() if y.ndim == 2 else [y.tolist()],
            "x_mean": X.mean(axis=0).tolist(),
            "y_mean": np.atleast_1d(y.mean(axis=0)).tolist(),
            "coef": np.atleast_2d(coef.T).tolist(), "rank": int(rank),
            "singular": singular.tolist()}


def main():
    rng = np.random.RandomState(0)
    t = np.arange(1.0, 9.0)
    noise = rng.normal(size=8) * 0.1
    cases = [
        case("one feature near 1e160", (t * 1e160)[:, None], 2 * t + noise),
        case("one feature near 1e-170", (t * 1e-170)[:, None], 3 * t + 0.5 + noise),
        case("one feature near 1e300", (t * 1e300 / 10)[:, None], 1.5 * t + noise),
        case("target near 1e300", t[:, None], 1e300 * (t / 10 + noise / 100)),
        case("target near 1e-300", t[:, None], 1e-300 * (t + noise)),
        case("two features near 1e160", np.c_[t, t ** 2 / 3 + noise] * 1e160, 2 * t - t ** 2 / 9),
        case("two features near 1e-170", np.c_[t, rng.normal(size=8)] * 1e-170, 5 * t + noise),
        case("two targets, X near 1e300", np.c_[t, t[::-1] * t / 7 + noise] * 1e299,
             np.c_[2 * t + noise, -t]),
    ]
    dump({"meta": META, "cases": cases}, "core/src/test/resources/reference/lstsq_scales.json")


if __name__ == "__main__":
    main()
