package semaine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first CSV reader of semaine, kept as the oracle of {@link CsvReader} and {@link CsvTable}:
 * the whole file decoded to a string, split into records of text fields ({@link
 * ReferenceCsvParser}), each field converted when asked ({@link ReferenceCsvTable}). Slow and
 * about twelve times the file's size in memory, but simple enough to be obviously right; the
 * tests check that the fast reader gives its values and its messages.
 */
final class ReferenceCsv {

  private ReferenceCsv() {}

  /** Reads {@code file} as the first reader did. */
  static ReferenceCsvTable read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Path name = file.getFileName();
    String source = name == null ? file.toString() : name.toString();
    return parse(utf8(bytes, source), source);
  }

  /**
   * {@code bytes} decoded as UTF-8; a byte sequence that is not UTF-8 (a Latin-1 {@code é}, for
   * instance) is an error naming the line and the byte offset, never a replacement character.
   */
  static String utf8(byte[] bytes, String source) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new CsvFormatException(String.format("%s line %d, byte offset %d: 0x%02X is not valid UTF-8:"
          + " the file is not UTF-8 (Latin-1 or Windows-1252?); save it as UTF-8", source, line,
          at, bytes[at] & 0xFF));
    }
    return out.flip().toString();
  }

  /** Parses CSV {@code text} like {@link #read}; {@code source} names it in error messages. */
  static ReferenceCsvTable parse(String text, String source) {
    List<ReferenceCsvParser.Record> records = ReferenceCsvParser.parse(text, source);
    if (records.isEmpty()) {
      throw new CsvFormatException(source + ": empty file: a header row is required");
    }
    List<String> header = records.get(0).fields();
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < header.size(); j++) {
      Integer before = seen.put(header.get(j), j);
      if (before != null) {
        throw new CsvFormatException(source + " line " + records.get(0).line() + ": column name '"
            + header.get(j) + "' appears twice (columns " + (before + 1) + " and " + (j + 1) + ")");
      }
    }
    if (records.size() == 1) {
      throw new CsvFormatException(source + ": no data rows after the header");
    }
    List<List<String>> rows = new ArrayList<>();
    int[] lines = new int[records.size() - 1];
    for (int i = 1; i < records.size(); i++) {
      ReferenceCsvParser.Record record = records.get(i);
      if (record.fields().size() != header.size()) {
        throw new CsvFormatException(source + " line " + record.line() + ": expected "
            + header.size() + " fields but found " + record.fields().size());
      }
      rows.add(record.fields());
      lines[i - 1] = record.line();
    }
    return new ReferenceCsvTable(source, header, rows, lines);
  }

}
