package semaine.data;

/**
 * A CSV file that cannot be read as a table of samples. The message names the file and, when the
 * problem is in one place, its line and column, for example
 * {@code data.csv line 3, column 'sepal_length': 'abc' is not a number}.
 */
public final class CsvFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** An exception with the full message (file, place and problem). */
  public CsvFormatException(String message) {
    super(message);
  }
}
