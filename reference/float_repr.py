"""Python's repr of floats, the spelling semaine.data.Csv.formatDouble reproduces.

Run with python from the repository root; writes
core/src/test/resources/reference/float_repr.json as a list of [value, repr(value)] pairs
(json stores the value with repr too, so the Java test reads back the same double).
"""
import json
import struct

import numpy as np

rng = np.random.RandomState(7)
values = [0.1, 0.2 + 0.1, 1.0, 3.0, -0.0, 0.0, 1e-5, 1e-4, 0.001, 123.456, 1e15, 1e16, 1e22, 1e23,
          9.999999999999999e15, 1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, 1e-300,
          -2.5e-7, 2e-323, 9.5e-323, 4.35, 100.0, 12345678901234567.0, 0.30000000000000004]
values += list(rng.randn(100) * 10.0 ** rng.randint(-30, 30, size=100))
# random bit patterns cover the whole exponent range, including subnormals
for bits in rng.randint(0, 2**62, size=300, dtype=np.int64):
    v = struct.unpack("<d", struct.pack("<q", int(bits)))[0]
    values.append(v)
for bits in rng.randint(1, 2**16, size=50, dtype=np.int64):  # smallest subnormals: 1-digit cases
    values.append(struct.unpack("<d", struct.pack("<q", int(bits)))[0])
values = [float(v) for v in values if np.isfinite(v)]
with open("core/src/test/resources/reference/float_repr.json", "w") as f:
    json.dump([[v, repr(v)] for v in values], f)
