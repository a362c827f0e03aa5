package semaine.cli.tour;

import java.util.List;

/**
 * A small table shown in a tour section (and in its JSON numbers as a list of rows).
 *
 * @param caption a sentence above the table
 * @param headers the column names
 * @param rows the cells, each row as long as {@code headers}
 */
public record Table(String caption, List<String> headers, List<List<Object>> rows) {

  public Table {
    headers = List.copyOf(headers);
    rows = rows.stream().map(row -> List.copyOf(row)).toList();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != headers.size()) {
        throw new IllegalArgumentException("table row " + i + " has " + rows.get(i).size()
            + " cells but there are " + headers.size() + " headers");
      }
    }
  }
}
