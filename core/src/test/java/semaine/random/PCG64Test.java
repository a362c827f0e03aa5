package semaine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** NumPy 2.4's SeedSequence and PCG64, word for word (values printed by NumPy, see below). */
class PCG64Test {

  // np.random.SeedSequence(s).generate_state(4, np.uint64) and
  // np.random.Generator(np.random.PCG64(s)).bit_generator.random_raw(3)
  @Test
  void seedSequenceAndRawDrawsAreNumPys() {
    check(0, new long[] {0xdb2cd7e7b0f478beL, 0xabf4641a2c71ba49L, 0x20c6ed6d9d7b8d41L,
        0x2c4099de223c39d4L}, new long[] {0xa30febcfd9c2825fL, 0x4510bdf882d9d721L,
        0xa7d3da94ecde8b8L});
    check(42, new long[] {0x9f1e2e6dcd540ab7L, 0xd57873dc79fb94b6L, 0x7d282a1b64d420b7L,
        0x336579714692d5ffL}, new long[] {0xc621fbcd16d92688L, 0x705a5661a791ffc1L,
        0xdbcd12c26eda1624L});
    check(4294967295L, new long[] {0x2a05c5e276c1fe08L, 0x2032e40fc20e8198L,
        0xed4ac06d787f4396L, 0x56896cb4f3db80fdL}, new long[] {0x407f5fa930d8fd9fL,
        0x3814b22eb9684802L, 0x498b7dcee8d8dc95L});
    check(123456789012L, new long[] {0x40c37bb4d69ce1cfL, 0xfaac5cf63c894144L,
        0xc05a734def5ebeadL, 0x3e0afcc0802f29c2L}, new long[] {0x90e99d52f3d2e219L,
        0x156b7415ace0361eL, 0x47a906a82cde44a2L});
  }

  @Test
  void uniformIsNumPysGeneratorUniform() {
    // np.random.Generator(np.random.PCG64(42)).uniform(-0.05, 0.05, size=4)
    assertArrayEquals(new double[] {0.027395604855596334, -0.006112156024794771,
        0.03585979199113824, 0.019736802905936393}, new PCG64(42).uniform(-0.05, 0.05, 4));
  }

  private static void check(long seed, long[] state, long[] raw) {
    assertArrayEquals(state, new SeedSequence(seed).generateState(4));
    PCG64 g = new PCG64(seed);
    for (long r : raw) {
      assertEquals(r, g.nextLong());
    }
  }
}
