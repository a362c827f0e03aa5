package semaine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a byte range of a UTF-8 CSV source into records, as {@link CsvParser} splits text (RFC
 * 4180: commas, {@code \n}, {@code \r\n} or {@code \r}, quoted fields with doubled quotes, a leading
 * byte-order mark skipped, blank lines ignored), reading through one bounded buffer that grows only
 * to hold the longest record. Every byte is checked to be UTF-8 on the way.
 *
 * <p>After {@link #next()} the record's fields are spans of the buffer (unquoted fields) or of a
 * scratch array (quoted fields, unescaped); {@link #number} and {@link #text} convert one field.
 * Errors carry {@link CsvParser}'s messages; one that is not UTF-8 names the line and the byte offset
 * and wins over any other, as when the whole file was decoded before parsing.
 */
final class CsvScanner {

  /** Where the bytes come from: a file, an array or a stream. */
  interface Input {
    /** Number of bytes; {@link #UNKNOWN} for a stream, read until it ends. */
    long size();

    /** Reads up to {@code length} bytes at {@code position} into {@code into[offset...]}. */
    int read(byte[] into, int offset, int length, long position);
  }

  /** Thrown, in a chunk read in parallel, when only a read from the start can decide. */
  static final class NeedSequential extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NeedSequential() {
      super(null, null, false, false);
    }
  }

  /** The size of a stream: its end is where a read first returns -1. */
  static final long UNKNOWN = Long.MAX_VALUE;

  private static final int MORE = -1; // the record runs past the buffer: refill and parse again
  private static final int BLANK = 0;
  private static final int RECORD = 1;
  private static final int END = 2;
  private static final byte[] SPECIAL = new byte[256]; // bytes that stop an unquoted field
  private static final int INITIAL_BUFFER = 1 << 18;

  static {
    for (int b = 0x80; b < 0x100; b++) {
      SPECIAL[b] = 1;
    }
    SPECIAL[','] = 1;
    SPECIAL['\n'] = 1;
    SPECIAL['\r'] = 1;
    SPECIAL['"'] = 1;
  }

  private final Input input;
  private final String source;
  private long end; // the range read is [start, end); a stream's end is set when it is met
  private final boolean chunk; // a piece read in parallel: quotes and errors need a sequential read
  private byte[] buffer = new byte[INITIAL_BUFFER];
  private long base; // offset in the input of buffer[0]
  private int pos;
  private int limit;
  private boolean eof; // buffer[limit - 1] is the last byte of the range
  private int line;
  private byte[] scratch = new byte[64];
  private int scratchLength;

  int fields; // the current record: its number of fields, their spans and the line it starts on
  int[] starts = new int[16];
  int[] ends = new int[16];
  boolean[] quoted = new boolean[16];
  int recordLine;
  String problem; // set by number(): null, CsvNumbers.EMPTY or what is wrong with the field

  /**
   * A scanner of {@code input[start, end)} whose first line is numbered {@code firstLine}; a
   * {@code chunk} throws {@link NeedSequential} at a quote or an error.
   */
  CsvScanner(Input input, String source, long start, long end, int firstLine, boolean chunk) {
    this.input = input;
    this.source = source;
    this.end = end;
    this.chunk = chunk;
    this.base = start;
    this.line = firstLine;
    this.eof = start >= end;
    fill();
    if (start == 0 && limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB
        && (buffer[2] & 0xFF) == 0xBF) {
      pos = 3; // the UTF-8 byte-order mark
    }
  }

  /** Reads the next record; false at the end of the range. */
  boolean next() {
    while (true) {
      int start = pos;
      int startLine = line;
      int result = record();
      if (result == MORE) {
        pos = start;
        line = startLine;
        refill();
      } else if (result != BLANK) {
        return result == RECORD;
      }
    }
  }

  /** The offset in the input of the next byte to read. */
  long position() {
    return base + pos;
  }

  /** The line the next record would start on (one more than the lines read so far). */
  int line() {
    return line;
  }

  /** Field {@code f} of the record as text, as it is in the file (quotes removed). */
  String text(int f) {
    byte[] bytes = quoted[f] ? scratch : buffer;
    return new String(bytes, starts[f], ends[f] - starts[f], StandardCharsets.UTF_8);
  }

  /**
   * Field {@code f} as a number; when it is not a finite number, NaN with {@link #problem} saying
   * why ({@link CsvNumbers#EMPTY} for a blank field), else {@code problem} is null.
   */
  double number(int f) {
    if (!quoted[f]) {
      double value = CsvNumbers.parse(buffer, starts[f], ends[f]);
      if (!Double.isNaN(value) && !Double.isInfinite(value)) {
        problem = null;
        return value;
      }
    }
    String field = text(f);
    problem = CsvNumbers.problem(field);
    return problem == null ? CsvNumbers.value(field) : Double.NaN;
  }

  private int record() {
    if (pos >= limit) {
      return eof ? END : MORE;
    }
    if (buffer[pos] == '\n' || buffer[pos] == '\r') { // a blank line
      return lineBreak() ? BLANK : MORE;
    }
    recordLine = line;
    fields = 0;
    scratchLength = 0;
    while (true) {
      if (fields == starts.length) {
        starts = Arrays.copyOf(starts, 2 * fields);
        ends = Arrays.copyOf(ends, 2 * fields);
        quoted = Arrays.copyOf(quoted, 2 * fields);
      }
      boolean ok = pos < limit && buffer[pos] == '"' ? quotedField() : unquotedField();
      if (!ok) {
        return MORE;
      }
      fields++;
      if (pos >= limit) {
        return eof ? RECORD : MORE;
      }
      if (buffer[pos] == ',') {
        pos++;
      } else {
        return lineBreak() ? RECORD : MORE;
      }
    }
  }

  /** Steps over the line break at pos; false if a {@code \r} ends the buffer (need more). */
  private boolean lineBreak() {
    if (buffer[pos] == '\r') {
      if (pos + 1 >= limit && !eof) {
        return false;
      }
      if (pos + 1 < limit && buffer[pos + 1] == '\n') {
        pos++;
      }
    }
    pos++;
    line++;
    return true;
  }

  private boolean unquotedField() {
    int from = pos;
    byte[] b = buffer;
    while (pos < limit) {
      int c = b[pos] & 0xFF;
      if (SPECIAL[c] == 0) {
        pos++;
      } else if (c >= 0x80) {
        int n = utf8Length(pos);
        if (n == MORE) {
          return false;
        }
        pos += n;
      } else if (c == '"') {
        fail(source + " line " + line + ", field " + (fields + 1)
            + ": a quote inside an unquoted field (quote the whole field and double the quote)");
      } else {
        break;
      }
    }
    if (pos >= limit && !eof) {
      return false;
    }
    starts[fields] = from;
    ends[fields] = pos;
    quoted[fields] = false;
    return true;
  }

  private boolean quotedField() {
    if (chunk) {
      throw new NeedSequential();
    }
    int from = scratchLength;
    pos++; // the opening quote
    while (true) {
      if (pos >= limit) {
        if (!eof) {
          return false;
        }
        fail(source + " line " + recordLine + ", field " + (fields + 1)
            + ": the quoted field is never closed");
      }
      int c = buffer[pos] & 0xFF;
      if (c == '"') {
        if (pos + 1 >= limit && !eof) {
          return false;
        }
        pos++;
        if (pos < limit && buffer[pos] == '"') {
          append(pos, 1);
          pos++;
          continue;
        }
        if (pos < limit && buffer[pos] != ',' && buffer[pos] != '\n' && buffer[pos] != '\r') {
          int n = utf8Length(pos);
          if (n == MORE) {
            return false;
          }
          char after = new String(buffer, pos, n, StandardCharsets.UTF_8).charAt(0);
          fail(source + " line " + line + ", field " + (fields + 1)
              + ": unexpected '" + after + "' after the closing quote");
        }
        break;
      }
      int n = 1;
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        if (pos + 1 >= limit && !eof) {
          return false;
        }
        if (pos + 1 >= limit || buffer[pos + 1] != '\n') {
          line++;
        }
      } else if (c >= 0x80) {
        n = utf8Length(pos);
        if (n == MORE) {
          return false;
        }
      }
      append(pos, n);
      pos += n;
    }
    starts[fields] = from;
    ends[fields] = scratchLength;
    quoted[fields] = true;
    return true;
  }

  private void append(int at, int n) {
    if (scratchLength + n > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(2 * scratch.length, scratchLength + n));
    }
    System.arraycopy(buffer, at, scratch, scratchLength, n);
    scratchLength += n;
  }

  /**
   * The length of the UTF-8 sequence at {@code at}, {@link #MORE} if the buffer ends inside it;
   * throws if it is not UTF-8 (Java's decoder rules: no overlong forms, no surrogates, at most
   * U+10FFFF).
   */
  private int utf8Length(int at) {
    int lead = buffer[at] & 0xFF;
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (lead < 0x80) {
      return 1;
    } else if (lead < 0xC2) {
      length = 0;
    } else if (lead < 0xE0) {
      length = 2;
    } else if (lead < 0xF0) {
      length = 3;
      low = lead == 0xE0 ? 0xA0 : low;
      high = lead == 0xED ? 0x9F : high;
    } else if (lead < 0xF5) {
      length = 4;
      low = lead == 0xF0 ? 0x90 : low;
      high = lead == 0xF4 ? 0x8F : high;
    } else {
      length = 0;
    }
    for (int k = 1; k < length; k++) {
      if (at + k >= limit) {
        if (!eof) {
          return MORE;
        }
        length = 0;
        break;
      }
      int next = buffer[at + k] & 0xFF;
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) {
        length = 0;
        break;
      }
    }
    if (length == 0) {
      if (chunk) {
        throw new NeedSequential();
      }
      throw notUtf8(base + at, lead);
    }
    return length;
  }

  /** Throws the first byte that is not UTF-8 from pos on if there is one, else {@code message}. */
  private void fail(String message) {
    if (chunk) {
      throw new NeedSequential();
    }
    while (true) {
      while (pos < limit) {
        int n = utf8Length(pos);
        if (n == MORE) {
          break;
        }
        pos += n;
      }
      if (eof) {
        throw new CsvFormatException(message);
      }
      refill();
    }
  }

  /** Decoding failed at {@code offset}: named with its line as {@link Csv} names it. */
  private CsvFormatException notUtf8(long offset, int lead) {
    if (input.size() == UNKNOWN) { // a stream cannot be read again: the line the record starts on
      return new CsvFormatException(String.format("%s line %d, byte offset %d: 0x%02X is not valid"
          + " UTF-8: the data is not UTF-8 (Latin-1 or Windows-1252?); send it as UTF-8",
          source, recordLine, offset, lead));
    }
    long newlines = 0;
    byte[] window = new byte[1 << 16];
    for (long at = 0; at < offset; ) {
      int n = input.read(window, 0, (int) Math.min(window.length, offset - at), at);
      for (int i = 0; i < n; i++) {
        newlines += window[i] == '\n' ? 1 : 0;
      }
      at += n;
    }
    return new CsvFormatException(String.format("%s line %d, byte offset %d: 0x%02X is not valid"
        + " UTF-8: the file is not UTF-8 (Latin-1 or Windows-1252?); save it as UTF-8",
        source, newlines + 1, offset, lead));
  }

  /** Keeps the bytes from pos on, growing the buffer if they fill it, and reads after them. */
  private void refill() {
    int kept = limit - pos;
    if (kept == buffer.length) {
      buffer = Arrays.copyOf(buffer, 2 * buffer.length);
    } else {
      System.arraycopy(buffer, pos, buffer, 0, kept);
    }
    base += pos;
    pos = 0;
    limit = kept;
    fill();
  }

  private void fill() {
    while (limit < buffer.length && base + limit < end) {
      int n = input.read(buffer, limit, (int) Math.min(buffer.length - limit, end - base - limit),
          base + limit);
      if (n < 0 && end == UNKNOWN) {
        end = base + limit;
        break;
      }
      if (n <= 0) {
        throw new UncheckedIOException(new IOException(source + " is shorter than its size"));
      }
      limit += n;
    }
    eof = base + limit >= end;
  }

  /** A file as input, read with positional reads (safe from several threads). */
  static Input file(FileChannel channel, long size) {
    return new Input() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public int read(byte[] into, int offset, int length, long position) {
        try {
          return channel.read(ByteBuffer.wrap(into, offset, length), position);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** A stream as input (standard input, a named pipe), read once, in order. */
  static Input stream(InputStream in) {
    return new Input() {
      private long at;

      @Override
      public long size() {
        return UNKNOWN;
      }

      @Override
      public int read(byte[] into, int offset, int length, long position) {
        if (position != at) {
          throw new IllegalStateException("a stream is read once, in order: asked for byte "
              + position + " at byte " + at);
        }
        try {
          int n = in.read(into, offset, length);
          at += Math.max(n, 0);
          return n;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** An array as input. */
  static Input bytes(byte[] bytes) {
    return new Input() {
      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public int read(byte[] into, int offset, int length, long position) {
        int n = (int) Math.min(length, bytes.length - position);
        System.arraycopy(bytes, (int) position, into, offset, n);
        return n;
      }
    };
  }

  /** The first record's fields; an empty file is an error. */
  static List<String> header(CsvScanner scanner, String source) {
    if (!scanner.next()) {
      throw new CsvFormatException(source + ": empty file: a header row is required");
    }
    List<String> header = new ArrayList<>();
    for (int f = 0; f < scanner.fields; f++) {
      header.add(scanner.text(f));
    }
    return header;
  }

  /** The error for a column name that appears twice, or null. */
  static CsvFormatException duplicate(String source, List<String> header, int line) {
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < header.size(); j++) {
      Integer before = seen.put(header.get(j), j);
      if (before != null) {
        return new CsvFormatException(source + " line " + line + ": column name '" + header.get(j)
            + "' appears twice (columns " + (before + 1) + " and " + (j + 1) + ")");
      }
    }
    return null;
  }
}
