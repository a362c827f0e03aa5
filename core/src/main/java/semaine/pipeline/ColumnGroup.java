package semaine.pipeline;

import java.util.List;
import semaine.base.Component;
import semaine.base.Estimator;
import semaine.base.Transformer;

/**
 * One entry of a {@link ColumnTransformer}: scikit-learn's {@code (name, transformer, columns)}.
 *
 * @param name the entry's name, unique in its column transformer and free of {@code "__"} (it
 *     prefixes the transformer's parameters and, with verbose names, its output names)
 * @param estimator the transformer fitted on these columns
 * @param columns the columns, all by name ({@code String}) or all by index ({@code Integer})
 */
public record ColumnGroup(String name, Estimator estimator, List<?> columns)
    implements Component {

  /**
   * @throws IllegalArgumentException for a bad name, a transformer that is none, or columns that
   *     are empty or mix names and indices
   */
  public ColumnGroup {
    Component.checkName("transformer", name);
    if (!(estimator instanceof Transformer)) {
      throw new IllegalArgumentException("transformer \"" + name + "\" ("
          + (estimator == null ? "null" : estimator.getClass().getSimpleName())
          + ") must be a transformer");
    }
    if (columns == null || columns.isEmpty()
        || !(columns.stream().allMatch(String.class::isInstance)
            || columns.stream().allMatch(Integer.class::isInstance))) {
      throw new IllegalArgumentException("the columns of transformer \"" + name + "\" ("
          + columns + ") must be a non-empty list of column names or of column indices");
    }
    columns = List.copyOf(columns);
  }

  /** The entry {@code (name, transformer, columns)}, columns by name. */
  public static ColumnGroup of(String name, Transformer transformer, String... columns) {
    return new ColumnGroup(name, transformer, List.of(columns));
  }

  /** The entry {@code (name, transformer, columns)}, columns by index. */
  public static ColumnGroup of(String name, Transformer transformer, int... columns) {
    return new ColumnGroup(name, transformer, java.util.Arrays.stream(columns).boxed().toList());
  }

  @Override
  public ColumnGroup with(Estimator replacement) {
    return new ColumnGroup(name, replacement, columns);
  }
}
