package semaine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields (RFC 4180): fields separated by commas, records by
 * {@code \n}, {@code \r\n} or {@code \r}; a field in double quotes may hold commas, line breaks and
 * doubled quotes ({@code ""} for one {@code "}). A leading UTF-8 byte-order mark is skipped, blank
 * lines are ignored and the last line may or may not end with a line break.
 */
final class ReferenceCsvParser {

  /** One record and the line (1-based) on which it starts. */
  record Record(List<String> fields, int line) {}

  private final String text;
  private final String source;
  private int pos;
  private int line = 1;

  private ReferenceCsvParser(String text, String source) {
    this.text = text;
    this.source = source;
    this.pos = text.startsWith("\uFEFF") ? 1 : 0;
  }

  /** All records of {@code text}; {@code source} names the file in error messages. */
  static List<Record> parse(String text, String source) {
    return new ReferenceCsvParser(text, source).records();
  }

  private List<Record> records() {
    List<Record> records = new ArrayList<>();
    while (pos < text.length()) {
      if (atLineBreak()) { // a blank line
        skipLineBreak();
        continue;
      }
      int start = line;
      List<String> fields = new ArrayList<>();
      while (true) {
        fields.add(peek() == '"' ? quoted(start, fields.size() + 1) : unquoted(fields.size() + 1));
        if (pos >= text.length()) {
          break;
        }
        if (atLineBreak()) {
          skipLineBreak();
          break;
        }
        pos++; // the comma
      }
      records.add(new Record(List.copyOf(fields), start));
    }
    return records;
  }

  private String unquoted(int field) {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) != ',' && !atLineBreak()) {
      if (text.charAt(pos) == '"') {
        throw new CsvFormatException(source + " line " + line + ", field " + field
            + ": a quote inside an unquoted field (quote the whole field and double the quote)");
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private String quoted(int recordLine, int field) {
    pos++; // the opening quote
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new CsvFormatException(source + " line " + recordLine + ", field " + field
            + ": the quoted field is never closed");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        if (peek() == '"') {
          value.append('"');
          pos++;
          continue;
        }
        if (pos < text.length() && peek() != ',' && !atLineBreak()) {
          throw new CsvFormatException(source + " line " + line + ", field " + field
              + ": unexpected '" + peek() + "' after the closing quote");
        }
        return value.toString();
      }
      if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
      value.append(c);
    }
  }

  private boolean atLineBreak() {
    char c = peek();
    return c == '\n' || c == '\r';
  }

  private void skipLineBreak() {
    if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
      pos++;
    }
    pos++;
    line++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }
}
