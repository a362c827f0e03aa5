package semaine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvTable#takeFloat32Matrix}: the rows of {@link CsvTable#toFloat32Matrix}, built while
 * the columns are let go block by block, with the same errors.
 */
class CsvTakeFloat32Test {

  @TempDir
  Path tmp;

  @Test
  void takesTheSameRowsAsToFloat32Matrix() throws IOException {
    StringBuilder text = new StringBuilder("a,b,y,c\n");
    for (int i = 0; i < 10_000; i++) { // more than two blocks of 4096, the last one partial
      text.append(i * 0.1).append(',').append(-1.0 / (i + 3)).append(',').append(i % 3)
          .append(',').append(i / 7.0).append('\n');
    }
    Path path = Files.writeString(tmp.resolve("t.csv"), text);
    float[][] expected = Csv.readFloat32(path, Set.of(), Set.of("y")).toFloat32Matrix(Set.of("y"));
    float[][] taken = Csv.readFloat32(path, Set.of(), Set.of("y")).takeFloat32Matrix(Set.of("y"));
    assertEquals(10_000, taken.length);
    assertArrayEquals(expected, taken);
    // a numeric column kept as text is not in blocks: the same rows all the same
    float[][] kept = Csv.readFloat32(path, Set.of("c"), Set.of("y")).takeFloat32Matrix(Set.of("y"));
    assertArrayEquals(expected, kept);
  }

  @Test
  void aBadFieldIsTheSameError() throws IOException {
    Path path = Files.writeString(tmp.resolve("bad.csv"), "a,b\n1,2\n3,x\n");
    var expected = assertThrows(CsvFormatException.class,
        () -> Csv.readFloat32(path, Set.of(), Set.of()).toFloat32Matrix(Set.of()));
    var taken = assertThrows(CsvFormatException.class,
        () -> Csv.readFloat32(path, Set.of(), Set.of()).takeFloat32Matrix(Set.of()));
    assertEquals(expected.getMessage(), taken.getMessage());
  }
}
