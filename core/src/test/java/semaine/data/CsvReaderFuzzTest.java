package semaine.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import semaine.testsupport.FuzzBounds;

/**
 * The byte-level CSV reader ({@link CsvReader}) on arbitrary bytes: read into columns, then turned
 * into a matrix. The only documented refusal is {@link CsvFormatException} (an
 * {@link IllegalArgumentException}), naming the file and the line.
 */
class CsvReaderFuzzTest {

  @FuzzTest(maxDuration = "6s")
  void csvBytesAreReadOrRefused(byte[] input) {
    FuzzBounds.check(input.length, () -> {
      CsvColumns columns = CsvReader.parse(input, "fuzz.csv");
      int[] all = new int[columns.header().size()];
      for (int j = 0; j < all.length; j++) {
        all[j] = j;
      }
      columns.toMatrix(all);
    }, IllegalArgumentException.class);
  }
}
