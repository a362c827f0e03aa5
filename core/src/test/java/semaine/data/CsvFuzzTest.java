package semaine.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import semaine.testsupport.FuzzBounds;

/**
 * The CSV reader on arbitrary bytes, as {@link Csv#read} gets them from a file: read, then turned into a matrix and into a dataset on its last column. The only documented
 * refusal is {@link CsvFormatException} (and the {@link IllegalArgumentException}s of the table's
 * column checks), each naming the file.
 */
class CsvFuzzTest {

  @FuzzTest(maxDuration = "6s")
  void csvBytesAreReadOrRefusedWithACsvError(byte[] input) {
    FuzzBounds.check(input.length, () -> {
      CsvTable table = Csv.parse(input, "fuzz.csv");
      try {
        table.toMatrix();
      } catch (IllegalArgumentException refused) {
        // a column that is not numeric: refused with its line and column
      }
      table.toDataset(table.header().getLast());
    }, IllegalArgumentException.class);
  }
}
