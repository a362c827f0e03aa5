package semaine.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A partition's rows with answers appended, computed block by block: the features of up to
 * {@code blockRows} rows are read into one {@code double[][]}, answered by one call, and the rows
 * go out in order, each followed by its answer's values.
 */
final class AnsweredRows implements Iterator<Row> {

  /** The answer columns' values for each row of a block, in column order. */
  @FunctionalInterface
  interface Answers {
    Object[][] answer(double[][] X);
  }

  private final Iterator<Row> in;
  private final Answers answers;
  private final int[] positions;
  private final List<String> features;
  private final int blockRows;
  private final List<Row> block = new ArrayList<>();
  private Object[][] values = new Object[0][];
  private int next;

  /**
   * @param in the partition's rows
   * @param answers what a block of feature rows answers
   * @param positions the feature columns' positions in a row
   * @param features their names, for messages
   */
  AnsweredRows(Iterator<Row> in, Answers answers, int[] positions, List<String> features,
      int blockRows) {
    this.in = in;
    this.answers = answers;
    this.positions = positions;
    this.features = features;
    this.blockRows = blockRows;
  }

  @Override
  public boolean hasNext() {
    if (next < block.size()) {
      return true;
    }
    if (!in.hasNext()) {
      return false;
    }
    block.clear();
    while (block.size() < blockRows && in.hasNext()) {
      block.add(in.next());
    }
    double[][] X = new double[block.size()][positions.length];
    for (int i = 0; i < X.length; i++) {
      Row row = block.get(i);
      for (int f = 0; f < positions.length; f++) {
        if (row.isNullAt(positions[f])) {
          throw new IllegalArgumentException("column '" + features.get(f) + "' is null in row "
              + row + ": every feature needs a value");
        }
        X[i][f] = ((Number) row.get(positions[f])).doubleValue();
      }
    }
    values = answers.answer(X);
    next = 0;
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = block.get(next);
    Object[] out = new Object[row.length() + values[next].length];
    for (int c = 0; c < row.length(); c++) {
      out[c] = row.get(c);
    }
    System.arraycopy(values[next], 0, out, row.length(), values[next].length);
    next++;
    return RowFactory.create(out);
  }
}
