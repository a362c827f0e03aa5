"""Reference vectors for semaine.random.PythonRandom (Python's own `random` module).

The book's LunarLander listing draws its exploration coin with `random.random()`; Python seeds
that generator with init_by_array over the 32-bit words of |seed|, not NumPy's init_genrand.
Writes python_random.json (run from the repository root with the reference venv, e.g.
.venv/bin/python reference/python_random.py core/src/test/resources/reference).
"""
import os
import random
import sys

from common import dump

SEEDS = [0, 1, 42, 12345, 4294967295, 4294967296, -5, 9223372036854775807]


def main(out_dir):
    cases = []
    for seed in SEEDS:
        r = random.Random(seed)
        cases.append({"seed": seed, "random": [r.random() for _ in range(1000)]})
    dump({"python": sys.version.split()[0], "cases": cases},
         os.path.join(out_dir, "python_random.json"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
