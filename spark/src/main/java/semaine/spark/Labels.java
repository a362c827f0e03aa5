package semaine.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * A label column turned into class ids for a semaine classifier: the distinct values sorted
 * (numbers by value, otherwise as text), each row's id its value's place, and the names the
 * model file records (numbers as Java writes doubles, so predictions come back as the same
 * doubles).
 *
 * @param ids each row's class id
 * @param names the classes, in id order
 */
record Labels(int[] ids, List<String> names) {

  /** The labels in column {@code at} of {@code rows}, named {@code column} in messages. */
  static Labels of(List<Row> rows, int at, String column) {
    boolean numbers = true;
    for (Row row : rows) {
      if (row.isNullAt(at)) {
        throw new IllegalArgumentException("label column '" + column + "' is null in row " + row
            + ": every row needs a label");
      }
      numbers &= row.get(at) instanceof Number;
    }
    TreeSet<Double> values = new TreeSet<>();
    TreeSet<String> texts = new TreeSet<>();
    for (Row row : rows) {
      if (numbers) {
        double v = ((Number) row.get(at)).doubleValue();
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("label column '" + column + "' holds " + v
              + ": labels must be finite");
        }
        values.add(v);
      } else {
        texts.add(String.valueOf(row.get(at)));
      }
    }
    List<String> names = new ArrayList<>();
    if (numbers) {
      values.forEach(v -> names.add(Double.toString(v)));
    } else {
      names.addAll(texts);
    }
    Map<String, Integer> id = new HashMap<>();
    for (int c = 0; c < names.size(); c++) {
      id.put(names.get(c), c);
    }
    int[] ids = new int[rows.size()];
    for (int i = 0; i < ids.length; i++) {
      Object value = rows.get(i).get(at);
      ids[i] = id.get(numbers ? Double.toString(((Number) value).doubleValue())
          : String.valueOf(value));
    }
    return new Labels(ids, List.copyOf(names));
  }
}
