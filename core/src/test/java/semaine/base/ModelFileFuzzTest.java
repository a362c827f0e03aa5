package semaine.base;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import semaine.testsupport.FuzzBounds;

/**
 * Model files ({@code .semaine}) on arbitrary bytes, as {@link Models#load} reads them: a hostile
 * or broken file is refused with one {@link IllegalArgumentException} naming it, never another
 * exception, a large allocation from the sizes it claims, or a long run. The seeds are committed
 * model files of format version 1.
 */
class ModelFileFuzzTest {

  @FuzzTest(maxDuration = "6s")
  void modelFilesAreLoadedOrRefused(byte[] input) {
    FuzzBounds.check(input.length, () -> {
      try {
        Models.load(new ByteArrayInputStream(input), "fuzz.semaine");
      } catch (java.io.IOException e) {
        throw new AssertionError(e);   // a byte array never fails to read
      }
    }, IllegalArgumentException.class);
  }
}
