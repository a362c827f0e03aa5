package semaine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV read as float32 ({@link Csv#readFloat32}): the features are the float64 reading rounded to
 * float32 ({@code pd.read_csv(f).to_numpy(np.float32)}), the float64 target is untouched, class
 * targets are as before, and the errors are the float64 reading's.
 */
class CsvFloat32Test {

  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path path = dir.resolve("f.csv");
    Files.writeString(path, text);
    return path;
  }

  @Test
  void featuresAreTheFloat64ValuesRoundedAndTheTargetStaysFloat64() throws IOException {
    StringBuilder text = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 10_000; i++) { // more than a block of 4096
      text.append(i * 0.1).append(',').append(-1.0 / (i + 3)).append(',').append(i / 7.0)
          .append('\n');
    }
    Path path = file(text.toString());
    Dataset expected = Csv.read(path).toDataset("y", Set.of());
    Float32Dataset data = Csv.readFloat32(path, Set.of(), Set.of("y")).toFloat32Dataset("y",
        Set.of(), false);
    double[][] X = expected.X();
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals((float) X[i][j], data.X()[i][j], 0f, i + "," + j);
      }
    }
    assertArrayEquals(expected.y(), data.y(), 0.0);
    assertEquals(List.of("a", "b"), data.featureNames());
    float[][] all = Csv.readFloat32(path, Set.of(), Set.of()).toFloat32Matrix(Set.of("y"));
    assertArrayEquals(data.X()[9999], all[9999], 0f);
    // a float64 table gives the same float32 matrix
    assertArrayEquals(data.X()[1234], Csv.read(path).toFloat32Matrix(Set.of("y"))[1234], 0f);
  }

  @Test
  void classTargetsAndErrorsAreThoseOfTheFloat64Reading() throws IOException {
    Path path = file("x,label\n1.5,b\n2,a\n3,b\n");
    Float32Dataset data = Csv.readFloat32(path, Set.of("label"), Set.of())
        .toFloat32Dataset("label", Set.of(), true);
    assertArrayEquals(new int[] {1, 0, 1}, data.labels());
    assertEquals(List.of("a", "b"), data.targetNames());
    Path bad = file("x,y\n1,2\nabc,3\n");
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> Csv.readFloat32(bad, Set.of(), Set.of("y")).toFloat32Dataset("y", Set.of(), false));
    CsvFormatException e64 = assertThrows(CsvFormatException.class,
        () -> Csv.read(bad).toDataset("y", Set.of()));
    assertEquals(e64.getMessage(), e.getMessage());
  }
}
