package semaine.data;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Rows given block by block, in order, as many times as a fit needs: a CSV file larger than memory
 * ({@link CsvReader#blocks}) or an array. A model that learns from a summary of its data
 * ({@code LinearRegression}'s triangular factor) fits from it in the memory of one block, where
 * {@code pandas.read_csv(..., chunksize=...)} would leave the summing to the user.
 */
@FunctionalInterface
public interface RowBlocks {

  /**
   * Gives the rows, from the first, to {@code action} in blocks of {@code blockRows} rows (the last
   * may be shorter); each call reads them again from the start. A block and its rows are lent:
   * they may be written over once {@code action} returns, so an action copies what it keeps.
   */
  void forEach(int blockRows, Consumer<double[][]> action);

  /** The rows of an array, in blocks that share its row arrays. */
  static RowBlocks of(double[][] rows) {
    return (blockRows, action) -> {
      for (int from = 0; from < rows.length; from += blockRows) {
        action.accept(Arrays.copyOfRange(rows, from, Math.min(rows.length, from + blockRows)));
      }
    };
  }
}
