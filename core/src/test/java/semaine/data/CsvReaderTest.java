package semaine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.util.Json;

/**
 * CsvReader against the reader it replaces ({@link ReferenceCsv#parse} and {@link ReferenceCsvTable}, kept as its oracle): the same
 * header, values, texts and error messages on every input, read in one pass or in parallel chunks.
 */
class CsvReaderTest {

  @TempDir Path dir;

  /** Chunk counts tried for each input: 1 is the sequential read. */
  private static final int[] CHUNKS = {1, 2, 3, 7};

  @Test
  void bundledDatasetFilesReadAsTheOldReaderReadsThem() throws IOException {
    for (String name : List.of("iris.csv", "wine_data.csv", "breast_cancer.csv")) {
      try (InputStream in = Datasets.class.getResourceAsStream(name)) {
        assertSameAsCsvTable(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
      }
    }
  }

  @Test
  void everyCsvTestInputReadsAsTheOldReaderReadsIt() {
    List<String> inputs = List.of(
        "a,b,species\n1,2,virginica\n3,4.5,setosa\n-5e-1,6,virginica\n7,8,versicolor\n",
        "y,x\n1.5,1\n-2,2\n",
        "id,a,b,y\n10,1,2,0\n11,3,4,1\n",
        "\uFEFF\"x, first\",\"say \"\"hi\"\"\",label\r\n1,2,\"a,b\"\r\n\r\n3,4,\"line\nbreak\"\r\n"
            + "5,6,\"q\"\"uote\"",
        "a,b\n\"x\ny\",1\nz,1\n",
        "a,b\n1,\"x\ny\"\nz,3\n",
        "a,b,c,d,e\n1,2,3,4,5\n1,2,3,4\n",
        "sepal_length,species\n1,a\nabc,b\n",
        "a,b\n1,\n", "a,b\n1,2\nNaN,2\n", "a,b\n1,-inf\n", "a\n1e999\n", "a\n1.5d\n", "a\n0x1p3\n",
        "a,y\n1, \n", "a,b,c\n1,2,3\n", "", "\uFEFF\r\n", "a,b\n", "a,b,a\n1,2,3\n",
        "a,b\n1,\"2\n3\n", "a\n\"1\"x\n", "a\n1\"\n",
        "x0,x1,y\n1.0,2.0,1\n3.0,4.0,0\n", "x0\n1e-05\n0.0001\n");
    for (String text : inputs) {
      assertSameAsCsvTable(text, "t.csv");
    }
  }

  @Test
  void oddFieldsLineEndingsAndErrorsReadAsTheOldReaderReadsThem() {
    List<String> inputs = List.of(
        "a,b\r1,2\r3,4", // lone CR line ends
        "a,b\r\n1,2\r\n\r\n\n3,4\r\n\r\n", // blank lines of every kind
        "a,b\n 1 ,\t2\n3 , 4\u2003\n", // spaces CsvTable strips (an em space too)
        "a,b\n1\u00a0,2\n", // a no-break space: not white space for strip(), so not a number
        "a,b\n\"1.5\",\"-2e3\"\n", // quoted numbers
        "a,b\n1_000,2\n", "a,b\n+inf,2\n", "a,b\nInfinity,2\n", "a,b\n-nan,2\n",
        "a,b\n1e,2\n", "a,b\n.,2\n", "a,b\n1.2.3,2\n", "a,b\n\u0661,2\n", // not numbers
        "a,y\n1,cat\n2,\n3,dog\n", // a blank target after a class name
        "a,y\n1,2\n2,x\n3,\n", // numeric first, then a class name, then a blank
        "a,b\n1,2\n3,\n5,x\n", // an empty field before a text one in the same column
        "a,b,c\n1,2,3\n4,5\n6,7,8,9\n", // the first wrong length wins
        "a,b\n1,2\n3,4,5\n\"x,y\n", // a quote error after a wrong length wins
        "a,a\n1,2\n3\n", // a duplicate name before a wrong length
        "a,a\n1,\"2\n", // a quote error before a duplicate name
        "a\n", "\n\n\r\n", "a,b\n\n\n", // no rows
        "a,b\n1,2,", "a,b,c\n1,2,", "a\n\"x\"\"y\"\n", "a\n\"\"\n", "a\n\"\n\"\n", // edge quoting
        "a,b\n1,\"2\"\u00e9\n", "a,b\n1,\"2\"\"", // unexpected non-ASCII after a quote; never closed
        "h\u00e9,b\ncaf\u00e9,1\n\u00e9t\u00e9,2\n", // UTF-8 text
        "a,b\n1,2\n3,\"\r\n\r\"\nx,4\n", // quoted CR LF and CR count as lines before 'x'
        "a,b\r1,\"\r\"\r\r2,\"\n\"\rx,y\r"); // the same with lone CRs
    for (String text : inputs) {
      assertSameAsCsvTable(text, "odd.csv");
    }
  }

  @Test
  void randomFilesReadInParallelGiveTheSequentialResult() {
    java.util.Random random = new java.util.Random(17);
    for (int trial = 0; trial < 40; trial++) {
      int columns = 1 + random.nextInt(5);
      int rows = 1 + random.nextInt(300);
      StringBuilder text = new StringBuilder();
      String[] breaks = {"\n", "\r\n", trial % 5 == 0 ? "\r" : "\n"};
      String lineBreak = breaks[random.nextInt(breaks.length)];
      for (int j = 0; j < columns; j++) {
        text.append(j == 0 ? "" : ",").append("c").append(j);
      }
      text.append(lineBreak);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < columns; j++) {
          text.append(j == 0 ? "" : ",").append(randomField(random, trial, j));
        }
        text.append(random.nextInt(20) == 0 ? lineBreak + lineBreak : lineBreak);
      }
      assertSameAsCsvTable(text.toString(), "random" + trial + ".csv");
    }
  }

  private static String randomField(java.util.Random random, int trial, int column) {
    int kind = random.nextInt(100);
    if (trial % 4 == 1 && column == 0) {
      return random.nextBoolean() ? "setosa" : "virginica"; // a class-name column
    }
    if (trial % 4 == 2 && kind < 2) {
      return random.nextBoolean() ? "" : "\"q,\n" + kind + "\""; // a missing value, a quoted field
    }
    if (trial % 4 == 3 && kind < 1) {
      return "abc"; // a numeric column with one word in it
    }
    double value = Double.longBitsToDouble(random.nextLong());
    if (!Double.isFinite(value) || kind < 50) {
      value = random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
    }
    return Csv.formatDouble(value); // Python's repr
  }

  @Test
  void everySpellingReadsAsPythonFloatReadsIt() {
    @SuppressWarnings("unchecked")
    List<List<String>> pairs = (List<List<String>>) (Object) Json.parse(
        new String(resource("/reference/csv_float_spellings.json"), StandardCharsets.UTF_8));
    assertTrue(pairs.size() > 6000);
    StringBuilder text = new StringBuilder("x\n");
    for (List<String> pair : pairs) {
      text.append(pair.get(0)).append('\n');
    }
    for (int chunks : CHUNKS) {
      double[] values = read(text.toString(), "spellings.csv", chunks).values(0);
      for (int i = 0; i < pairs.size(); i++) {
        double expected = Double.parseDouble(pairs.get(i).get(1)); // float(s).hex()
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(values[i]),
            pairs.get(i).get(0));
      }
    }
  }

  @Test
  void shortDecimalsTakeTheExactPathAndAgreeWithParseDouble() {
    java.util.Random random = new java.util.Random(11);
    for (int trial = 0; trial < 200_000; trial++) {
      StringBuilder number = new StringBuilder(random.nextBoolean() ? "-" : "");
      int digits = 1 + random.nextInt(random.nextBoolean() ? 15 : 19);
      int point = random.nextInt(digits + 1);
      for (int d = 0; d < digits; d++) {
        number.append(d == point ? "." : "").append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextBoolean()) {
        number.append(random.nextBoolean() ? "e" : "E").append(random.nextInt(61) - 30);
      }
      String text = number.toString();
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
          Double.doubleToRawLongBits(CsvNumbers.parse(bytes, 0, bytes.length)), text);
    }
    for (String notPlain : List.of("", "+", "-", ".", "1e", "1e+", "1.2.3", "1_000", " 1", "1 ",
        "0x1p3", "1.5d", "inf", "NaN", "e5", ".e5", "1e5.0", "--1")) {
      byte[] bytes = notPlain.getBytes(StandardCharsets.US_ASCII);
      assertTrue(Double.isNaN(CsvNumbers.parse(bytes, 0, bytes.length)), notPlain);
    }
  }

  @Test
  void bytesThatAreNotUtf8AreAnErrorNamingLineAndByteOffset() {
    byte[][] bad = {
        latin1("name,price\ncafe,1.5\ncaf\u00e9,2.0\n"), // a Latin-1 é
        truncate("a,b\n1,\u00e9".getBytes(StandardCharsets.UTF_8)), // cut inside a sequence
        bytes("a,b\n1,", 0xC0, 0x80, "\n"), // an overlong NUL
        bytes("a,b\n1,", 0xED, 0xA0, 0x80, "\n"), // a UTF-16 surrogate
        bytes("a,b\n1,", 0xF4, 0x90, 0x80, 0x80, "\n"), // past U+10FFFF
        bytes("a,b\n1,", 0xF5, "\n"), bytes("a,b\n1,", 0x80, "\n"), // never a first byte
        bytes("a,b\n1,\"x\ny\"\n\r", 0xE2, 0x82, "\n"), // after a quoted line break and a CR
        bytes("a,b\n1,\"x\"z\n2,", 0xFF, "\n"), // after a quote error: not UTF-8 wins
        bytes("a,b\n1,2,3\n\"", 0xFF, "\"\n"), // inside a quoted field, after a wrong length
    };
    for (byte[] file : bad) {
      String expected = decodeError(file, "u.csv");
      for (int chunks : CHUNKS) {
        CsvFormatException e = assertThrows(CsvFormatException.class,
            () -> CsvReader.read(CsvScanner.bytes(file), "u.csv", Set.of(), true, chunks));
        assertEquals(expected, e.getMessage());
        assertTrue(e.getMessage().contains("is not UTF-8"), e.getMessage());
      }
    }
    assertEquals("cafes.csv line 3, byte offset 23: 0xE9 is not valid UTF-8: the file is not UTF-8"
        + " (Latin-1 or Windows-1252?); save it as UTF-8", assertThrows(CsvFormatException.class,
            () -> CsvReader.parse(bad[0], "cafes.csv")).getMessage());
  }

  @Test
  void keptTextOfANumericColumnIsItsFieldsAsWritten() {
    byte[] text = "a,y\n1,0\n2,1.0\n3, 2\n".getBytes(StandardCharsets.UTF_8);
    CsvColumns table = CsvReader.read(CsvScanner.bytes(text), "k.csv", Set.of("y"), true, 1);
    assertEquals(List.of("0", "1.0", " 2"), table.text(1));
    assertArrayEquals(new double[] {0, 1, 2}, table.values(1));
    assertArrayEquals(new double[][] {{1, 0}, {2, 1}, {3, 2}}, table.toMatrix(0, 1));
    assertArrayEquals(new double[][] {{0}, {1}, {2}}, table.toMatrix(1));
    assertEquals("column (2) must be in [0, 1]: k.csv has 2 columns",
        assertThrows(IllegalArgumentException.class, () -> table.toMatrix(0, 2)).getMessage());
    assertEquals("columns must name at least one column",
        assertThrows(IllegalArgumentException.class, () -> table.toMatrix()).getMessage());
    assertTrue(table.isNumeric(1));
    assertFalse(table.hasText(0));
    IllegalStateException notKept = assertThrows(IllegalStateException.class, () -> table.text(0));
    assertEquals("column 'a' of k.csv is numeric and its text was not kept: read it with keepText",
        notKept.getMessage());
    assertEquals("k.csv: no column named 'z'; columns are a, y", assertThrows(
        CsvFormatException.class,
        () -> CsvReader.read(CsvScanner.bytes(text), "k.csv", Set.of("z"), true, 1)).getMessage());
  }

  @Test
  void aFileOfEightMegabytesIsReadInParallelWithTheSequentialResult() throws IOException {
    Path path = dir.resolve("big.csv");
    java.util.Random random = new java.util.Random(3);
    StringBuilder text = new StringBuilder("a,b,c,label\n");
    while (text.length() < CsvReader.PARALLEL_BYTES + 1000) {
      text.append(Csv.formatDouble(random.nextGaussian())).append(',')
          .append(Csv.formatDouble(random.nextDouble() * 1e-300)).append(',')
          .append(random.nextInt(1000)).append(',').append(random.nextBoolean() ? "yes" : "no")
          .append('\n');
    }
    Files.writeString(path, text);
    CsvColumns parallel = CsvReader.read(path);
    CsvColumns sequential = read(text.toString(), "big.csv", 1);
    assertSameColumns(sequential, parallel);
    assertEquals(List.of("no", "yes"), parallel.text(3).stream().distinct().sorted().toList());
  }

  /** Reads {@code text} with {@code chunks} chunks. */
  static CsvColumns read(String text, String source, int chunks) {
    return CsvReader.read(
        CsvScanner.bytes(text.getBytes(StandardCharsets.UTF_8)), source, Set.of(), true, chunks);
  }

  /** The old reader and the new one, with every chunk count, agree on {@code text}. */
  static void assertSameAsCsvTable(String text, String source) {
    ReferenceCsvTable old;
    try {
      old = ReferenceCsv.parse(text, source);
    } catch (CsvFormatException e) {
      for (int chunks : CHUNKS) {
        assertEquals(e.getMessage(), assertThrows(CsvFormatException.class,
            () -> read(text, source, chunks), text).getMessage(), text);
      }
      return;
    }
    CsvColumns first = null;
    for (int chunks : CHUNKS) {
      CsvColumns table = read(text, source, chunks);
      assertEquals(old.header(), table.header(), text);
      assertEquals(old.nRows(), table.nRows(), text);
      int width = old.header().size();
      for (int j = 0; j < width; j++) {
        int column = j;
        assertSameOutcome(() -> old.toMatrix(otherThan(old, column)),
            () -> table.toMatrix(column), text);
        if (table.hasText(j)) {
          List<String> oldText = new ArrayList<>();
          for (List<String> row : old.rows()) {
            oldText.add(row.get(j));
          }
          assertEquals(oldText, table.text(j), text);
        } else {
          assertTrue(table.isNumeric(j) || table.firstBlankRow(j) >= 0, text);
        }
      }
      int[] all = java.util.stream.IntStream.range(0, width).toArray();
      assertSameOutcome(old::toMatrix, () -> table.toMatrix(all), text);
      assertSameTable(old, Csv.parse(text, source), text);
      if (first == null) {
        first = table;
      } else {
        assertSameColumns(first, table);
      }
    }
  }

  /**
   * The table the commands read ({@link CsvTable}) gives the oracle's datasets, class datasets and
   * columns, or its messages, with each column as the target.
   */
  private static void assertSameTable(ReferenceCsvTable old, CsvTable table, String text) {
    for (String target : old.header()) {
      assertSameDataset(() -> old.toDataset(target, Set.of()),
          () -> table.toDataset(target, Set.of()), text);
      assertSameDataset(() -> old.toClassDataset(target, Set.of()),
          () -> table.toClassDataset(target, Set.of()), text);
      assertEquals(old.column(target), table.column(target), text);
    }
  }

  private static void assertSameDataset(java.util.function.Supplier<Dataset> expected,
      java.util.function.Supplier<Dataset> actual, String text) {
    Dataset want;
    try {
      want = expected.get();
    } catch (CsvFormatException e) {
      assertEquals(e.getMessage(), assertThrows(CsvFormatException.class, actual::get, text)
          .getMessage(), text);
      return;
    }
    Dataset got = actual.get();
    assertArrayEquals(want.X(), got.X(), text);
    assertArrayEquals(want.y(), got.y(), 0.0, text);
    assertEquals(want.featureNames(), got.featureNames(), text);
    assertEquals(want.targetNames(), got.targetNames(), text);
  }

  /** Every column name but {@code column}'s. */
  private static Set<String> otherThan(ReferenceCsvTable table, int column) {
    Set<String> drop = new java.util.HashSet<>(table.header());
    drop.remove(table.header().get(column));
    return drop;
  }

  /** Both give the same matrix bit for bit, or both fail with the same message. */
  private static void assertSameOutcome(
      java.util.function.Supplier<double[][]> expected, java.util.function.Supplier<double[][]> actual,
      String text) {
    double[][] want;
    try {
      want = expected.get();
    } catch (CsvFormatException e) {
      assertEquals(e.getMessage(),
          assertThrows(CsvFormatException.class, actual::get, text).getMessage(), text);
      return;
    }
    double[][] got = actual.get();
    assertEquals(want.length, got.length, text);
    for (int i = 0; i < want.length; i++) {
      for (int j = 0; j < want[i].length; j++) {
        assertEquals(Double.doubleToRawLongBits(want[i][j]), Double.doubleToRawLongBits(got[i][j]),
            text + " [" + i + "][" + j + "]");
      }
    }
  }

  /** Same header, lines, numeric values (bit for bit), texts and first blank rows. */
  static void assertSameColumns(CsvColumns expected, CsvColumns actual) {
    assertEquals(expected.header(), actual.header());
    assertEquals(expected.nRows(), actual.nRows());
    for (int i = 0; i < expected.nRows(); i++) {
      assertEquals(expected.line(i), actual.line(i), "line of row " + i);
    }
    for (int j = 0; j < expected.header().size(); j++) {
      assertEquals(expected.isNumeric(j), actual.isNumeric(j));
      assertEquals(expected.hasText(j), actual.hasText(j));
      assertEquals(expected.firstBlankRow(j), actual.firstBlankRow(j));
      if (expected.hasText(j)) {
        assertEquals(expected.text(j), actual.text(j));
      }
      if (expected.isNumeric(j)) {
        assertArrayEquals(expected.values(j), actual.values(j), 0.0);
      } else {
        int column = j;
        assertEquals(assertThrows(CsvFormatException.class, () -> expected.values(column))
            .getMessage(), assertThrows(CsvFormatException.class, () -> actual.values(column))
            .getMessage());
      }
    }
  }

  /** The message of the old reader's decoding ({@code ReferenceCsv.utf8}): Java's decoder decides. */
  private static String decodeError(byte[] bytes, String source) {
    var decoder = StandardCharsets.UTF_8.newDecoder();
    var in = java.nio.ByteBuffer.wrap(bytes);
    var result = decoder.decode(in, java.nio.CharBuffer.allocate(bytes.length), true);
    assertTrue(result.isError(), "the test input must not be UTF-8");
    int at = in.position();
    int line = 1;
    for (int i = 0; i < at; i++) {
      line += bytes[i] == '\n' ? 1 : 0;
    }
    return String.format("%s line %d, byte offset %d: 0x%02X is not valid UTF-8: the file is not"
        + " UTF-8 (Latin-1 or Windows-1252?); save it as UTF-8", source, line, at, bytes[at] & 0xFF);
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] truncate(byte[] bytes) {
    return java.util.Arrays.copyOf(bytes, bytes.length - 1);
  }

  /** Text and raw bytes (ints) end to end. */
  private static byte[] bytes(Object... parts) {
    var out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }

  static byte[] resource(String name) {
    try (InputStream in = CsvReaderTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
