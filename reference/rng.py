"""Reference vectors for semaine.random.RandomState (NumPy's legacy MT19937 RandomState).

Writes two files (run with NumPy 2.x, e.g. python reference/rng.py OUT_DIR):
  rng.json        14 call patterns x 5 seeds, compared with == by RandomStateTest
  rng_extra.json  longer and rarer paths (64-bit randint, 2**32 range, 2-D shuffle, the gauss
                  cache across calls, a long randn stream for the glibc log caveat)
"""
import os
import sys

import numpy as np
from common import META, dump

SEEDS = [0, 1, 42, 12345, 4294967295]


def tolist(a):
    return np.asarray(a).tolist()


def patterns(rs):
    """(name, callable) pairs; each callable draws from a freshly seeded RandomState."""
    def mixed():
        parts = [rs.randn(3), rs.rand(2), rs.randn(1), rs.randint(0, 100, 3), rs.randn(2)]
        return np.concatenate(parts)

    def shuffled():
        a = np.arange(20)
        rs.shuffle(a)
        return a

    return [
        ("random_sample(10)", lambda: rs.random_sample(10)),
        ("randn(10)", lambda: rs.randn(10)),
        ("randn(3,4)", lambda: rs.randn(3, 4)),
        ("uniform(-3,5,10)", lambda: rs.uniform(-3, 5, 10)),
        ("normal(5,2,6)", lambda: rs.normal(5, 2, 6)),
        ("randint(0,10,20)", lambda: rs.randint(0, 10, 20)),
        ("randint(-5,17,12)", lambda: rs.randint(-5, 17, 12)),
        ("randint(0,2**40,4)", lambda: rs.randint(0, 2**40, 4)),
        ("permutation(10)", lambda: rs.permutation(10)),
        ("choice([2,3,4,5,6,7,8]) x8 scalar calls",
         lambda: [rs.choice([2, 3, 4, 5, 6, 7, 8]) for _ in range(8)]),
        ("choice(10,4,replace=False)", lambda: rs.choice(10, 4, replace=False)),
        ("choice(4,6,p=[0.1,0.2,0.3,0.4])", lambda: rs.choice(4, 6, p=[0.1, 0.2, 0.3, 0.4])),
        ("mixed: randn(3), rand(2), randn(1), randint(0,100,3), randn(2)", mixed),
        ("shuffle(arange(20))", shuffled),
    ]


def main_cases():
    cases = []
    for seed in SEEDS:
        for name, _ in patterns(None):
            rs = np.random.RandomState(seed)
            fn = dict(patterns(rs))[name]
            cases.append({"name": name, "seed": seed, "value": tolist(fn())})
    return cases


def extra_cases():
    cases = []

    def add(name, seed, fn):
        rs = np.random.RandomState(seed)
        cases.append({"name": name, "seed": seed, "value": tolist(fn(rs))})

    add("randn(2000)", 0, lambda rs: rs.randn(2000))
    add("randint(0,2**40,50)", 7, lambda rs: rs.randint(0, 2**40, 50))
    add("randint(-2**62,2**62,20)", 3, lambda rs: rs.randint(-2**62, 2**62, 20))
    add("randint(0,2**32,20)", 0, lambda rs: rs.randint(0, 2**32, 20))
    add("randint(-2**31,2**31,10)", 5, lambda rs: rs.randint(-2**31, 2**31, 10))
    add("randint(0,2**32+1,10)", 5, lambda rs: rs.randint(0, 2**32 + 1, 10))
    add("randint(4,5,5) then randint(0,1000,3)", 9,
        lambda rs: np.concatenate([rs.randint(4, 5, 5), rs.randint(0, 1000, 3)]))
    add("choice(12,12,replace=False)", 1, lambda rs: rs.choice(12, 12, replace=False))
    add("choice(5,0,replace=False)", 1, lambda rs: rs.choice(5, 0, replace=False))
    add("choice(7,size=10)", 2, lambda rs: rs.choice(7, size=10))
    add("choice(3,p=[0.5,0,0.5]) x10 scalar calls", 4,
        lambda rs: [rs.choice(3, p=[0.5, 0.0, 0.5]) for _ in range(10)])

    def shuffle_rows(rs):
        a = np.arange(18, dtype=float).reshape(6, 3)
        rs.shuffle(a)
        return a
    add("shuffle(arange(18.).reshape(6,3))", 11, shuffle_rows)
    add("permutation(arange(12.).reshape(4,3))", 11,
        lambda rs: rs.permutation(np.arange(12, dtype=float).reshape(4, 3)))
    add("permutation(1000)", 123, lambda rs: rs.permutation(1000))

    def interleave(rs):
        return np.concatenate([rs.normal(1, 2, 3), rs.uniform(0, 1, 2), rs.randn(1),
                               rs.standard_normal(2), rs.uniform(-1, 1, 1), rs.normal(-3, 0.5, 1),
                               rs.randn(2, 2).ravel()])
    add("interleave: normal(1,2,3), uniform(0,1,2), randn(1), standard_normal(2), "
        "uniform(-1,1,1), normal(-3,0.5,1), randn(2,2)", 17, interleave)

    def reseed(rs):
        first = rs.randn(1)
        rs.seed(17)
        return np.concatenate([first, rs.randn(2)])
    add("reseed clears cache: randn(1), seed(17), randn(2)", 17, reseed)

    def normal_rows(rs):
        return rs.normal(loc=[0.0, 10.0, -5.0], scale=2.0, size=(4, 3))
    add("normal(loc=[0,10,-5],scale=2,size=(4,3))", 8, normal_rows)
    add("uniform(-10,10,(3,2))", 8, lambda rs: rs.uniform(-10, 10, (3, 2)))
    add("random_sample(10)", 4294967295, lambda rs: rs.random_sample(10))
    add("randn(11)", 4294967295, lambda rs: rs.randn(11))
    add("raw uint32 via randint(0,2**32,dtype=uint64) x10", 0,
        lambda rs: rs.randint(0, 2**32, 10, dtype=np.uint64))
    return cases


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    meta = META
    dump({"meta": meta, "cases": main_cases()}, os.path.join(out, "rng.json"))
    dump({"meta": meta, "cases": extra_cases()}, os.path.join(out, "rng_extra.json"))


if __name__ == "__main__":
    main()
