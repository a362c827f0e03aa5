"""Reference values of the C library's log() for semaine.random.GlibcLog.

NumPy's legacy Gaussian sampler calls C's log(); GlibcLog reproduces glibc's. Python's math.log
calls the same C function, so it is the oracle. Run on a glibc system (Linux) with NumPy 2.x:
    python reference/glibc_log.py OUT_DIR
writes glibc_log.json: cases of inputs "x" and outputs "log", both as float.hex() strings
(exact), for positive finite x. Special values (0, negatives, inf, NaN) are tested by hand.

Each case keeps every input whose glibc log is NOT correctly rounded (found with decimal's
correctly rounded ln at 50 digits: the hard cases, where Math.log differs) plus a plain sample.
"""
import decimal
import json
import math
import os
import platform
import sys

import numpy as np

SAMPLE = 1000
CONTEXT = decimal.Context(prec=50)


def correctly_rounded_log(x):
    return float(CONTEXT.ln(decimal.Decimal(x)))


def polar_r2(seed, n):
    """The r2 values of the first n accepted iterations of NumPy's legacy polar method."""
    rs = np.random.RandomState(seed)
    u = rs.random_sample(4 * n)  # acceptance rate is pi/4, so 2n pairs are plenty
    x1 = 2.0 * u[0::2] - 1.0
    x2 = 2.0 * u[1::2] - 1.0
    r2 = x1 * x1 + x2 * x2
    return r2[(r2 < 1.0) & (r2 != 0.0)][:n]


def selected(xs, sample=SAMPLE):
    """The first `sample` inputs plus every input whose glibc log is not correctly rounded."""
    xs = [float(x) for x in xs]
    hard = [x for x in xs[sample:] if math.log(x) != correctly_rounded_log(x)]
    return xs[:sample] + hard, len(hard)


def case(name, xs, sample=SAMPLE):
    chosen, hard = selected(xs, sample)
    return {"name": name, "candidates": len(xs), "not_correctly_rounded": hard,
            "x": [x.hex() for x in chosen], "log": [math.log(x).hex() for x in chosen]}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    rng = np.random.default_rng(2024)
    near_lo, near_hi = 1.0 - 2.0**-4, 1.0 + float.fromhex("0x1.09p-4")
    edges = [near_lo, near_hi, np.nextafter(near_lo, 0.0), np.nextafter(near_hi, 0.0),
             np.nextafter(1.0, 0.0), np.nextafter(1.0, 2.0), 1.0, 0.5, 2.0,
             float.fromhex("0x1.6p-1"), float.fromhex("0x1.6p0"), 5e-324, 2.0**-1022,
             np.nextafter(2.0**-1022, 0.0), sys.float_info.max]
    all_exponents = rng.integers(1, 0x7ff0000000000000, 200_000, dtype=np.uint64)
    subnormals = rng.integers(1, 2**52, 20_000, dtype=np.uint64)
    cases = [
        case("polar r2, seed 0", polar_r2(0, 50_000)),
        case("polar r2, seed 42", polar_r2(42, 50_000)),
        case("near 1 (the polynomial path)", rng.uniform(near_lo, near_hi, 200_000), 500),
        case("near 1, tiny |x - 1|", 1.0 + rng.uniform(-1e-6, 1e-6, 20_000), 200),
        case("positive doubles, every exponent", all_exponents.view(np.float64), 500),
        case("subnormals", subnormals.view(np.float64), 200),
        case("powers of two", [2.0**k for k in range(-1074, 1024, 7)], 400),
        case("edges", edges, len(edges)),
    ]
    meta = {"libc": " ".join(platform.libc_ver()), "python": platform.python_version(),
            "machine": platform.machine(),
            "note": "x and log are float.hex() strings; GlibcLog.log(x) must equal log exactly"}
    with open(os.path.join(out, "glibc_log.json"), "w") as f:
        json.dump({"meta": meta, "cases": cases}, f, indent=0)


if __name__ == "__main__":
    main()
