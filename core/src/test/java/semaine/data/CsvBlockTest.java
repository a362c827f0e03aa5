package semaine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading in blocks gives the rows, lines and errors of reading the whole file. */
class CsvBlockTest {

  @TempDir Path dir;

  @Test
  void blocksPutEndToEndAreTheWholeRead() throws IOException {
    Random random = new Random(5);
    StringBuilder text = new StringBuilder("\uFEFFa,\"b, quoted\",label,c\r\n");
    for (int i = 0; i < 1000; i++) {
      text.append(Csv.formatDouble(random.nextGaussian())).append(',')
          .append(i % 7 == 0 ? "\"" + i + "\"" : " " + random.nextInt(9)).append(',')
          .append(i % 3 == 0 ? "\"x\ny\"" : "z").append(',')
          .append(Csv.formatDouble(Double.longBitsToDouble(random.nextLong() >>> 2)))
          .append(i % 50 == 0 ? "\r\n\r\n" : "\n");
    }
    Path path = dir.resolve("rows.csv");
    Files.writeString(path, text);
    CsvColumns whole = CsvReader.read(path);
    double[][] expected = whole.toMatrix(0, 1, 3);
    for (int blockRows : new int[] {1, 7, 1000, 4096}) {
      List<double[]> rows = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      List<CsvBlock> blocks = new ArrayList<>();
      CsvReader.forEachBlock(path, blockRows, Set.of("label"), block -> {
        assertEquals(rows.size(), block.firstRow());
        assertEquals(block.lines()[0], block.firstLine());
        assertTrue(block.nRows() <= blockRows);
        rows.addAll(List.of(block.X()));
        for (int line : block.lines()) {
          lines.add(line);
        }
        blocks.add(block);
      });
      assertEquals((1000 + blockRows - 1) / blockRows, blocks.size());
      assertEquals(List.of("a", "b, quoted", "c"), blocks.getFirst().columns());
      assertArrayEquals(expected, rows.toArray(double[][]::new));
      for (int i = 0; i < whole.nRows(); i++) {
        assertEquals(whole.line(i), lines.get(i));
      }
    }
  }

  @Test
  void lentBlocksHoldTheSameRowsInOneBufferWrittenAgain() throws IOException {
    Random random = new Random(6);
    StringBuilder text = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 1000; i++) {
      text.append(random.nextGaussian()).append(',').append(random.nextInt(9)).append(',')
          .append(random.nextGaussian()).append('\n');
    }
    Path path = dir.resolve("lent.csv");
    Files.writeString(path, text);
    double[][] expected = CsvReader.read(path).toMatrix(0, 2);
    for (int blockRows : new int[] {1, 7, 1000, 4096}) {
      List<double[]> rows = new ArrayList<>();
      List<double[]> firstRows = new ArrayList<>();
      CsvReader.forEachBlock(path, blockRows, Set.of("b"), true, block -> {
        assertEquals(rows.size(), block.firstRow());
        for (double[] row : block.X()) {
          rows.add(row.clone());
        }
        firstRows.add(block.X()[0]);
      });
      assertArrayEquals(expected, rows.toArray(double[][]::new));
      // every block was written into the same rows
      assertTrue(firstRows.stream().allMatch(row -> row == firstRows.getFirst()));
      List<double[]> read = new ArrayList<>();
      CsvReader.blocks(path, Set.of("b")).forEach(blockRows, block -> {
        for (double[] row : block) {
          read.add(row.clone());
        }
      });
      assertArrayEquals(expected, read.toArray(double[][]::new));
    }
  }

  @Test
  void errorsAreThoseOfTheWholeReadThrownWhereMet() throws IOException {
    String[][] cases = {
        {"a,b\n1,2\n3,x\n5,6\n", "b.csv line 3, column 'b': 'x' is not a number"},
        {"a,b\n1,2\n3,\n", "b.csv line 3, column 'b': empty field (missing values are not allowed)"},
        {"a,b\n1,2\n3,4,5\n", "b.csv line 3: expected 2 fields but found 3"},
        {"a,b\n1,\"2\n", "b.csv line 2, field 2: the quoted field is never closed"},
        {"a,a\n1,2\n", "b.csv line 1: column name 'a' appears twice (columns 1 and 2)"},
        {"", "b.csv: empty file: a header row is required"},
        {"a,b\n\n", "b.csv: no data rows after the header"},
        {"a,b\n1,1e999\n", "b.csv line 2, column 'b': '1e999' overflows a double"},
    };
    for (String[] c : cases) {
      Path path = dir.resolve("b.csv");
      Files.writeString(path, c[0]);
      CsvFormatException e = assertThrows(CsvFormatException.class,
          () -> CsvReader.forEachBlock(path, 1, Set.of(), block -> { }));
      assertEquals(c[1], e.getMessage());
    }
    Path path = dir.resolve("b.csv");
    Files.writeString(path, "a,b\n1,2\n3,x\n");
    List<Long> given = new ArrayList<>();
    assertThrows(CsvFormatException.class,
        () -> CsvReader.forEachBlock(path, 1, Set.of(), block -> given.add(block.firstRow())));
    assertEquals(List.of(0L), given); // the row before the error was given
    assertEquals("b.csv: cannot drop 'z': no column of that name; columns are a, b",
        assertThrows(CsvFormatException.class,
            () -> CsvReader.forEachBlock(path, 1, Set.of("z"), block -> { })).getMessage());
    assertEquals("b.csv: no feature column left; columns are a, b",
        assertThrows(CsvFormatException.class,
            () -> CsvReader.forEachBlock(path, 1, Set.of("a", "b"), block -> { })).getMessage());
    Files.write(path, "a\n1\n\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("b.csv line 3, byte offset 4: 0xE9 is not valid UTF-8: the file is not UTF-8"
        + " (Latin-1 or Windows-1252?); save it as UTF-8", assertThrows(CsvFormatException.class,
            () -> CsvReader.forEachBlock(path, 8, Set.of(), block -> { })).getMessage());
  }

  @Test
  void aRecordLongerThanTheBufferIsReadWhole() throws IOException {
    String longField = "x".repeat(600_000);
    Path path = dir.resolve("long.csv");
    Files.writeString(path, "a,t\n1,\"" + longField + "\"\n2," + longField + "\n");
    CsvColumns table = CsvReader.read(path);
    assertEquals(List.of(longField, longField), table.text(1));
    assertArrayEquals(new double[] {1, 2}, table.values(0));
  }
}
