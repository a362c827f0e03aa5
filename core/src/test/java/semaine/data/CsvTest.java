package semaine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, text, StandardCharsets.UTF_8);
    return path;
  }

  private static void assertMessage(String expected, RuntimeException e) {
    assertEquals(expected, e.getMessage());
  }

  @Test
  void readsFeaturesAndStringTargetLikeNpUnique() throws IOException {
    Path path = file("flowers.csv",
        "a,b,species\n1,2,virginica\n3,4.5,setosa\n-5e-1,6,virginica\n7,8,versicolor\n");
    Dataset data = Csv.read(path).toDataset("species");
    assertArrayEquals(new double[][] {{1, 2}, {3, 4.5}, {-0.5, 6}, {7, 8}}, data.X());
    assertEquals(List.of("a", "b"), data.featureNames());
    assertEquals(List.of("setosa", "versicolor", "virginica"), data.targetNames()); // sorted
    assertArrayEquals(new int[] {2, 0, 2, 1}, data.labels());
  }

  @Test
  void numericTargetStaysNumbersWithoutNames() throws IOException {
    Dataset data = Csv.read(file("r.csv", "y,x\n1.5,1\n-2,2\n")).toDataset("y");
    assertArrayEquals(new double[] {1.5, -2}, data.y());
    assertArrayEquals(new double[][] {{1}, {2}}, data.X());
    assertTrue(data.targetNames().isEmpty());
  }

  @Test
  void classDatasetReadsNumbersAsClassesInNumericOrderNamedAsWritten() throws IOException {
    CsvTable table = Csv.read(file("c.csv", "x,y\n1,10\n2,3\n3,3.0\n4,-1\n5,10\n"));
    Dataset data = table.toClassDataset("y", Set.of());
    assertEquals(List.of("-1", "3", "10"), data.targetNames()); // np.unique: -1 < 3 < 10
    assertArrayEquals(new int[] {2, 1, 1, 0, 2}, data.labels()); // "3.0" is class "3"
    assertEquals(List.of(-1L, 3L, 10L), data.classValues());
    Dataset decimals = Csv.parse("x,y\n1,0.5\n2,1\n", "d.csv").toClassDataset("y", Set.of());
    assertEquals(List.of(0.5, 1L), decimals.classValues());
    Dataset names = Csv.parse("x,y\n1,b\n2,10\n3,a\n", "n.csv").toClassDataset("y", Set.of());
    assertEquals(List.of("10", "a", "b"), names.classValues()); // strings, sorted as strings
    assertEquals(table.toDataset("y").X().length, data.nSamples());
    assertEquals(List.of(), table.toDataset("y").classValues());
  }

  @Test
  void samplesMustHaveTheFittedFeaturesInOrderWithTargetAndDropOptional() {
    List<String> fitted = List.of("a", "b");
    CsvTable withTarget = Csv.parse("id,a,b,y\n7,1,2,0\n", "q.csv");
    assertArrayEquals(new double[][] {{1, 2}},
        withTarget.toSamples(fitted, "y", Set.of("id")));
    CsvTable bare = Csv.parse("a,b\n3,4\n", "bare.csv");
    assertArrayEquals(new double[][] {{3, 4}}, bare.toSamples(fitted, "y", Set.of("id")));
    CsvTable swapped = Csv.parse("b,a\n3,4\n", "swapped.csv");
    assertMessage("swapped.csv has feature columns [b, a] but the model was fitted on [a, b]: "
        + "they must be the same, in the same order",
        assertThrows(CsvFormatException.class, () -> swapped.toSamples(fitted, "y", Set.of())));
  }

  @Test
  void columnGivesFieldsAsWrittenAndToVectorNumbers() {
    CsvTable table = Csv.parse("a,y\n1, setosa \n2.5,x\n", "t.csv");
    assertEquals(List.of("setosa", "x"), table.column("y"));
    assertArrayEquals(new double[] {1, 2.5}, table.toVector("a"));
    assertMessage("t.csv line 2, column 'y': 'setosa' is not a number",
        assertThrows(CsvFormatException.class, () -> table.toVector("y")));
    assertMessage("t.csv: no column named 'z'; columns are a, y",
        assertThrows(CsvFormatException.class, () -> table.column("z")));
  }

  @Test
  void dropRemovesColumnsAndToMatrixKeepsAll() throws IOException {
    CsvTable table = Csv.read(file("t.csv", "id,a,b,y\n10,1,2,0\n11,3,4,1\n"));
    Dataset data = table.toDataset("y", Set.of("id"));
    assertEquals(List.of("a", "b"), data.featureNames());
    assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, data.X());
    assertArrayEquals(new double[][] {{10, 1, 2, 0}, {11, 3, 4, 1}}, table.toMatrix());
    assertArrayEquals(new double[][] {{1, 2, 0}, {3, 4, 1}}, table.toMatrix(Set.of("id")));
  }

  @Test
  void handlesQuotesCrlfBomBlankLinesAndNoTrailingNewline() throws IOException {
    String text = "\uFEFF\"x, first\",\"say \"\"hi\"\"\",label\r\n"
        + "1,2,\"a,b\"\r\n"
        + "\r\n"
        + "3,4,\"line\nbreak\"\r\n"
        + "5,6,\"q\"\"uote\"";
    CsvTable table = Csv.read(file("q.csv", text));
    assertEquals(List.of("x, first", "say \"hi\"", "label"), table.header());
    assertEquals(List.of("5", "6", "q\"uote"), table.header().stream()
        .map(name -> table.column(name).get(2)).toList());
    Dataset data = table.toDataset("label");
    assertEquals(List.of("a,b", "line\nbreak", "q\"uote"), data.targetNames());
    // a quoted line break must not shift the line numbers that errors report
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> Csv.parse("a,b\n\"x\ny\",1\nz,1\n", "m.csv").toMatrix());
    assertMessage("m.csv line 2, column 'a': 'x\ny' is not a number", e);
    CsvFormatException later = assertThrows(CsvFormatException.class,
        () -> Csv.parse("a,b\n1,\"x\ny\"\nz,3\n", "m.csv").toMatrix(Set.of("b")));
    assertMessage("m.csv line 4, column 'a': 'z' is not a number", later);
  }

  @Test
  void raggedRowNamesFileAndLine() throws IOException {
    Path path = file("data.csv", "a,b,c,d,e\n1,2,3,4,5\n1,2,3,4\n");
    assertMessage("data.csv line 3: expected 5 fields but found 4",
        assertThrows(CsvFormatException.class, () -> Csv.read(path)));
  }

  @Test
  void nonNumericFeatureNamesLineAndColumn() throws IOException {
    Path path = file("data.csv", "sepal_length,species\n1,a\nabc,b\n");
    assertMessage("data.csv line 3, column 'sepal_length': 'abc' is not a number",
        assertThrows(CsvFormatException.class, () -> Csv.read(path).toDataset("species")));
  }

  @Test
  void emptyFieldNanAndInfinityAreRefused() {
    assertMessage("d.csv line 2, column 'b': empty field (missing values are not allowed)",
        assertThrows(CsvFormatException.class, () -> Csv.parse("a,b\n1,\n", "d.csv").toMatrix()));
    assertMessage("d.csv line 3, column 'a': 'NaN' is not a number (NaN and infinities are not allowed)",
        assertThrows(CsvFormatException.class,
            () -> Csv.parse("a,b\n1,2\nNaN,2\n", "d.csv").toMatrix()));
    assertMessage("d.csv line 2, column 'b': '-inf' is not a number (NaN and infinities are not allowed)",
        assertThrows(CsvFormatException.class, () -> Csv.parse("a,b\n1,-inf\n", "d.csv").toMatrix()));
    assertMessage("d.csv line 2, column 'a': '1e999' overflows a double",
        assertThrows(CsvFormatException.class, () -> Csv.parse("a\n1e999\n", "d.csv").toMatrix()));
    // Java's parseDouble would accept these; a CSV of numbers should not
    assertThrows(CsvFormatException.class, () -> Csv.parse("a\n1.5d\n", "d.csv").toMatrix());
    assertThrows(CsvFormatException.class, () -> Csv.parse("a\n0x1p3\n", "d.csv").toMatrix());
    assertMessage("d.csv line 2, column 'y': empty target value",
        assertThrows(CsvFormatException.class, () -> Csv.parse("a,y\n1, \n", "d.csv").toDataset("y")));
  }

  @Test
  void missingTargetAndUnknownDropListTheColumns() {
    CsvTable table = Csv.parse("a,b,c\n1,2,3\n", "data.csv");
    assertMessage("data.csv: no column named 'species'; columns are a, b, c",
        assertThrows(CsvFormatException.class, () -> table.toDataset("species")));
    assertMessage("data.csv: cannot drop 'foo': no column of that name; columns are a, b, c",
        assertThrows(CsvFormatException.class, () -> table.toDataset("c", Set.of("foo"))));
    assertMessage("data.csv: cannot drop 'c': it is the target column",
        assertThrows(CsvFormatException.class, () -> table.toDataset("c", Set.of("c"))));
    assertMessage("data.csv: no feature column left; columns are a, b, c",
        assertThrows(CsvFormatException.class, () -> table.toDataset("c", Set.of("a", "b"))));
  }

  @Test
  void emptyFileHeaderOnlyDuplicateNamesAndBadQuotesAreRefused() throws IOException {
    assertMessage("data.csv: empty file: a header row is required",
        assertThrows(CsvFormatException.class, () -> Csv.read(file("data.csv", ""))));
    assertMessage("data.csv: empty file: a header row is required",
        assertThrows(CsvFormatException.class, () -> Csv.read(file("data.csv", "\uFEFF\r\n"))));
    assertMessage("data.csv: no data rows after the header",
        assertThrows(CsvFormatException.class, () -> Csv.read(file("data.csv", "a,b\n"))));
    assertMessage("data.csv line 1: column name 'a' appears twice (columns 1 and 3)",
        assertThrows(CsvFormatException.class, () -> Csv.read(file("data.csv", "a,b,a\n1,2,3\n"))));
    assertMessage("data.csv line 2, field 2: the quoted field is never closed",
        assertThrows(CsvFormatException.class, () -> Csv.read(file("data.csv", "a,b\n1,\"2\n3\n"))));
    assertMessage("data.csv line 2, field 1: unexpected 'x' after the closing quote",
        assertThrows(CsvFormatException.class, () -> Csv.read(file("data.csv", "a\n\"1\"x\n"))));
    assertMessage("data.csv line 2, field 1: a quote inside an unquoted field "
            + "(quote the whole field and double the quote)",
        assertThrows(CsvFormatException.class, () -> Csv.read(file("data.csv", "a\n1\"\n"))));
  }

  @Test
  void writeThenReadGivesIdenticalDoubles() throws IOException {
    double[][] X = {
        {0.1, 1e-300, -0.0, 1.7976931348623157e308},
        {Double.MIN_VALUE, -Double.MIN_NORMAL, 3.0, 0.30000000000000004},
        {1e16, 123456.789, -1e-5, 2.5e-7}};
    double[] y = {0.5, -1e100, 42};
    Path path = dir.resolve("out.csv");
    Csv.write(path, new String[] {"a", "b,c", "d\"q", "e"}, X, "target", y);
    Dataset back = Csv.read(path).toDataset("target");
    assertEquals(List.of("a", "b,c", "d\"q", "e"), back.featureNames());
    double[][] read = back.X();
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < X[i].length; j++) {
        assertEquals(Double.doubleToRawLongBits(X[i][j]), Double.doubleToRawLongBits(read[i][j]),
            "X[" + i + "][" + j + "] = " + X[i][j]);
      }
    }
    assertArrayEquals(y, back.y(), 0.0);
    String text = Files.readString(path);
    assertTrue(text.startsWith("a,\"b,c\",\"d\"\"q\",e,target\n0.1,1e-300,-0.0,1.7976931348623157e+308,0.5\n"),
        text);
  }

  @Test
  void writeDatasetWithClassNamesReadsBackTheSame() throws IOException {
    Dataset iris = Datasets.loadIris();
    Path path = dir.resolve("iris.csv");
    Csv.write(path, iris, "species");
    Dataset back = Csv.read(path).toDataset("species");
    assertArrayEquals(iris.X(), back.X());
    assertArrayEquals(iris.labels(), back.labels());
    assertEquals(iris.targetNames(), back.targetNames());
    assertEquals(iris.featureNames(), back.featureNames());
    assertTrue(Files.readString(path).contains("\n5.1,3.5,1.4,0.2,setosa\n"));
  }

  @Test
  void writeIntegerLabelsAndPlainMatrix() throws IOException {
    Path labelled = dir.resolve("blobs.csv");
    Csv.write(labelled, new String[] {"x0", "x1"}, new double[][] {{1, 2}, {3, 4}}, "y", new int[] {1, 0});
    assertEquals("x0,x1,y\n1.0,2.0,1\n3.0,4.0,0\n", Files.readString(labelled));
    Path plain = dir.resolve("m.csv");
    Csv.write(plain, new String[] {"x0"}, new double[][] {{1e-5}, {0.0001}});
    assertEquals("x0\n1e-05\n0.0001\n", Files.readString(plain));
    assertArrayEquals(new double[][] {{1e-5}, {0.0001}}, Csv.read(plain).toMatrix());
  }

  @Test
  void writeChecksShapes() {
    Path path = dir.resolve("bad.csv");
    IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
        () -> Csv.write(path, new String[] {"a"}, new double[][] {{1, 2}}));
    assertEquals("header has 1 names but X has 2 columns", header.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> Csv.write(path, new String[] {"a"}, new double[][] {{Double.NaN}}));
    assertTrue(nan.getMessage().startsWith("X has a non-finite value (NaN)"), nan.getMessage());
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> Csv.write(path, new String[] {"a"}, new double[][] {{1}}, "y", new int[] {0, 1}));
    assertEquals("X has 1 rows but y has 2 values", length.getMessage());
  }

  @Test
  void formatDoubleSpellsNumbersLikePythonRepr() {
    @SuppressWarnings("unchecked")
    List<List<Object>> pairs = (List<List<Object>>) (Object) semaine.util.Json.parse(
        new String(readResource("/reference/float_repr.json"), StandardCharsets.UTF_8));
    assertTrue(pairs.size() > 400);
    for (List<Object> pair : pairs) {
      double value = ((Number) pair.get(0)).doubleValue();
      String repr = (String) pair.get(1);
      assertEquals(repr, Csv.formatDouble(value), "repr of " + value);
      assertEquals(Double.doubleToRawLongBits(value),
          Double.doubleToRawLongBits(Double.parseDouble(Csv.formatDouble(value))));
    }
  }

  private static byte[] readResource(String name) {
    try (var in = CsvTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
