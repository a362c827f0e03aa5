package semaine.bench;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.IntStream;
import semaine.data.Csv;
import semaine.data.CsvColumns;
import semaine.data.CsvReader;

/**
 * Reads a CSV file of numbers, for bench/compare-csv: {@code CsvRead FILE READER REPEATS} reads
 * FILE REPEATS times in this JVM and prints one line of seconds per read, as JSON.
 *
 * <p>READER is {@code columns} ({@link CsvReader#read}: the columns of doubles, as
 * {@code pandas.read_csv} gives a DataFrame), {@code matrix} (the same, then
 * {@link CsvColumns#toMatrix}, a copy into rows), {@code rows} ({@link Csv#readFeatures} then
 * {@code toMatrix()}: the values read straight into rows, the path of every command, as
 * {@code read_csv(...).to_numpy()} gives them), {@code blocks}
 * ({@link CsvReader#forEachBlock} in blocks of 8192 rows, the streaming read) or {@code old}
 * ({@link Csv#read} then {@code toMatrix()}, the reader CsvReader replaces). Run once per fresh JVM
 * for the first-call time and the peak memory, several times for the warm time.
 */
public final class CsvRead {

  private CsvRead() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    String reader = args[1];
    int repeats = Integer.parseInt(args[2]);
    StringBuilder seconds = new StringBuilder();
    long checksum = 0;
    for (int r = 0; r < repeats; r++) {
      long t0 = System.nanoTime();
      checksum += read(file, reader);
      double elapsed = (System.nanoTime() - t0) / 1e9;
      seconds.append(r == 0 ? "" : ", ").append(elapsed);
    }
    System.out.println("{\"seconds\": [" + seconds + "], \"values\": " + checksum + "}");
  }

  /** Reads the file and returns the number of values read. */
  private static long read(Path file, String reader) {
    switch (reader) {
      case "columns" -> {
        CsvColumns table = CsvReader.read(file);
        long n = 0;
        for (int j = 0; j < table.header().size(); j++) {
          n += table.isNumeric(j) ? table.nRows() : 0;
        }
        return n;
      }
      case "matrix" -> {
        CsvColumns table = CsvReader.read(file);
        double[][] X = table.toMatrix(IntStream.range(0, table.header().size()).toArray());
        return (long) X.length * X[0].length;
      }
      case "rows" -> {
        double[][] X = Csv.readFeatures(file, Set.of(), Set.of()).toMatrix();
        return (long) X.length * X[0].length;
      }
      case "blocks" -> {
        long[] n = {0};
        CsvReader.forEachBlock(file, 8192, Set.of(),
            block -> n[0] += (long) block.nRows() * block.columns().size());
        return n[0];
      }
      case "old" -> {
        double[][] X = Csv.read(file).toMatrix();
        return (long) X.length * X[0].length;
      }
      default -> throw new IllegalArgumentException(
          "reader (" + reader + ") must be columns, matrix, rows, blocks or old");
    }
  }
}
