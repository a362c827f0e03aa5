package semaine.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/** The checks every reader of feature columns makes on a DataFrame's schema. */
final class FeatureColumns {

  private FeatureColumns() {}

  /**
   * Checks that {@code schema} has each of {@code names}, each numeric; {@code whose} ends the
   * message about a missing one (", a feature of the model m").
   *
   * @return the positions of the columns in the schema
   * @throws IllegalArgumentException naming the first missing or non-numeric column
   */
  static int[] check(StructType schema, List<String> names, String whose) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("the feature columns must name at least one column, got "
          + names);
    }
    List<String> present = Arrays.asList(schema.fieldNames());
    int[] positions = new int[names.size()];
    for (int f = 0; f < positions.length; f++) {
      String name = names.get(f);
      if (!present.contains(name)) {
        throw new IllegalArgumentException("the DataFrame has no column '" + name + "'" + whose
            + " (its columns: " + String.join(", ", present) + ")");
      }
      DataType type = schema.apply(name).dataType();
      if (!(type instanceof NumericType)) {
        throw new IllegalArgumentException("column '" + name + "' is of type "
            + type.simpleString() + ": a feature must be numeric");
      }
      positions[f] = schema.fieldIndex(name);
    }
    return positions;
  }

  /** Checks that {@code schema} has no column named {@code name}. */
  static void checkAbsent(StructType schema, String name, String how) {
    if (Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException("the DataFrame already has a column '" + name
          + "': choose another output column name " + how);
    }
  }
}
