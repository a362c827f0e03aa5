"""Decimal spellings of numbers and the double Python's float() reads from each, bit for bit.

Run with python from the repository root; writes
core/src/test/resources/reference/csv_float_spellings.json as a list of [spelling, float(s).hex()]
pairs: repr of random doubles over the whole exponent range (subnormals included), and odd
spellings of the same and other values: exponents with signs and leading zeros, leading zeros,
"+" signs, no integer or no fraction digits, long mantissas (17 to 40 digits, which need correct
rounding past the 19 digits a long holds), halfway cases between two doubles, and values at the
edges (the largest double, past it, the smallest subnormal, below half of it).
semaine.data.CsvReaderTest checks that CsvReader reads every spelling as the same double.
"""
import json
import random
import struct
from decimal import Decimal, getcontext

getcontext().prec = 60
rng = random.Random(26)
spellings = []


def double_from_bits(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


for _ in range(1500):
    v = double_from_bits(rng.getrandbits(63))
    if v != v or v in (float("inf"),):
        continue
    spellings.append(repr(v))
    spellings.append(repr(-v))
for _ in range(500):  # ordinary magnitudes, Python repr and odd spellings of the same value
    v = rng.uniform(-1e6, 1e6) * 10.0 ** rng.randint(-12, 12)
    r = repr(v)
    spellings.append(r)
    spellings.append(f"{v:.25e}")
    spellings.append(f"{v:.17g}")
    spellings.append(("+" if v >= 0 else "") + f"{v:.20f}")
    mantissa, _, exponent = f"{v:e}".partition("e")
    spellings.append(mantissa + "E" + ("+" if int(exponent) >= 0 else "-") + "000"
                     + str(abs(int(exponent))))
    spellings.append("000" + r.lstrip("-") if v > 0 else "-000" + r.lstrip("-"))
for _ in range(300):  # long mantissas, 17 to 40 digits
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(17, 40)))
    point = rng.randint(0, len(digits))
    text = digits[:point] + "." + digits[point:]
    spellings.append(text + f"e{rng.randint(-330, 300)}")
for _ in range(300):  # exactly halfway between two neighbouring doubles: ties to even
    v = abs(double_from_bits(rng.getrandbits(63)))
    if v != v or v == float("inf") or v == 0:
        continue
    nxt = double_from_bits(struct.unpack("<Q", struct.pack("<d", v))[0] + 1)
    if nxt == float("inf"):
        continue
    half = (Decimal(v) + Decimal(nxt)) / 2
    spellings.append(format(half, "e"))
spellings += ["0", "-0", "+0", "0.0", "-0.0", ".5", "5.", "-.5", "+5.", "1e0", "1E+0", "1e-0",
              "00012", "0.000", "1.7976931348623157e308", "1.7976931348623158e308",
              "1.7976931348623159e308", "4.9e-324", "5e-324", "2.4703282292062327e-324",
              "2.4703282292062328e-324", "1e-400", "-1e-400", "2.2250738585072011e-308",
              "2.2250738585072012e-308", "9007199254740993", "9007199254740993.0000000001",
              "123456789012345678901234567890", "0." + "0" * 300 + "1"]
pairs = [[s, float(s).hex()] for s in spellings if abs(float(s)) != float("inf")]
with open("core/src/test/resources/reference/csv_float_spellings.json", "w") as f:
    json.dump(pairs, f)
print(len(pairs), "spellings")
