package semaine.data;

import java.math.BigInteger;

/**
 * The double nearest {@code w × 10^q} for a decimal significand {@code w} of at most 19 digits,
 * by Eisel and Lemire's algorithm (Lemire, "Number parsing at a gigabyte per second", 2021): one
 * or two 64 × 64-bit products with a 128-bit truncation of {@code 10^q} give the 54 leading bits
 * of the exact product, enough to round correctly (to nearest, ties to even, as Python's
 * {@code float()} and {@link Double#parseDouble}) unless the truncation could decide the
 * rounding; then it answers NaN and the caller takes an exact path. Subnormal and overflowing
 * results are left to that path too.
 *
 * <p>This is what lets {@link CsvNumbers#parse} convert the digits it has already read (Python's
 * repr writes up to 17) without reading the field a second time.
 */
final class EiselLemire {

  /** The powers of ten in the table: {@code 10^MIN_POWER .. 10^MAX_POWER}. */
  static final int MIN_POWER = -348;
  static final int MAX_POWER = 347;

  /**
   * {@code 10^q} rounded down to 128 bits, {@code hi·2^64 + lo} in [2^127, 2^128), times the
   * power of two that puts it there; made on first use (a file uses a few exponents).
   */
  record Power(long hi, long lo) {}

  private static final Power[] POWERS = new Power[MAX_POWER - MIN_POWER + 1];

  private EiselLemire() {}

  /**
   * The double nearest {@code (negative ? -1 : 1) × w × 10^q}, with {@code w} read as an unsigned
   * integer other than 0; NaN when the fast path cannot decide (the exact path must).
   */
  static double toDouble(long w, int q, boolean negative) {
    if (q < MIN_POWER || q > MAX_POWER || w == 0) {
      return Double.NaN;
    }
    Power power = power(q);
    int shift = Long.numberOfLeadingZeros(w);
    long m = w << shift;
    // the binary exponent of the result, from floor(q log2(10)) = (217706 q) >> 16 for |q| < 700
    long exponent = ((217706L * q) >> 16) + 64 + 1023 - shift;
    long hi = Math.unsignedMultiplyHigh(m, power.hi());
    long lo = m * power.hi();
    if ((hi & 0x1FF) == 0x1FF && Long.compareUnsigned(lo + m, m) < 0) {
      // the 9 bits below the 55 kept are all ones: the truncated low half may carry into them
      long lowHi = Math.unsignedMultiplyHigh(m, power.lo());
      long lowLo = m * power.lo();
      long mergedLo = lo + lowHi;
      long mergedHi = Long.compareUnsigned(mergedLo, lo) < 0 ? hi + 1 : hi;
      if ((mergedHi & 0x1FF) == 0x1FF && mergedLo == -1L
          && Long.compareUnsigned(lowLo + m, m) < 0) {
        return Double.NaN;
      }
      hi = mergedHi;
      lo = mergedLo;
    }
    long top = hi >>> 63;
    long mantissa = hi >>> (top + 9); // 54 bits
    exponent -= 1 ^ top;
    if (lo == 0 && (hi & 0x1FF) == 0 && (mantissa & 3) == 1) {
      return Double.NaN; // maybe exactly halfway between two doubles
    }
    mantissa = (mantissa + (mantissa & 1)) >>> 1;
    if ((mantissa >>> 53) != 0) {
      mantissa >>>= 1;
      exponent++;
    }
    if (exponent <= 0 || exponent >= 0x7FF) {
      return Double.NaN; // subnormal or overflow
    }
    long bits = exponent << 52 | (mantissa & 0x000F_FFFF_FFFF_FFFFL);
    return Double.longBitsToDouble(negative ? bits | Long.MIN_VALUE : bits);
  }

  private static Power power(int q) {
    Power power = POWERS[q - MIN_POWER];
    if (power == null) { // a race computes the same value twice: the record's fields are final
      power = truncated(q);
      POWERS[q - MIN_POWER] = power;
    }
    return power;
  }

  /** {@code 10^q × 2^k} rounded down, for the k that gives it 128 bits. */
  static Power truncated(int q) {
    BigInteger ten = BigInteger.TEN.pow(Math.abs(q));
    BigInteger scaled;
    if (q >= 0) {
      int excess = ten.bitLength() - 128;
      scaled = excess >= 0 ? ten.shiftRight(excess) : ten.shiftLeft(-excess);
    } else { // 2^(bits + 127) / 10^-q lies in (2^127, 2^128): 10^-q is no power of two
      scaled = BigInteger.ONE.shiftLeft(ten.bitLength() + 127).divide(ten);
    }
    return new Power(scaled.shiftRight(64).longValue(), scaled.longValue());
  }
}
