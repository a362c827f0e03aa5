package semaine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Csv#readFeatures}, whose features are read straight into rows, against {@link Csv#read}
 * of the same file: the same samples, columns, datasets and messages, whatever the target and
 * the dropped columns, read in one pass or in parallel.
 */
class CsvReadFeaturesTest {

  @TempDir Path dir;

  private static final List<String> FILES = List.of(
      "a,b,y\n1,2,3\n4.5,-6e-3,7\n",
      "a,b,y\n1,2,3\n4,,6\n",
      "a,b,y\n1,x,3\n4,5,6\n",
      "a,b,y\n1,2,cat\n4,5,dog\n",
      "a,b,y\n1,2,3\n4,5\n",
      "a,b,y\n\"1\",2,3\n4,5,6\n",
      "a,b,y\r\n1,2,3\r\n\r\n4,5,6\r\n",
      "a,b,y\n1,nan,3\n4,5,6\n",
      "a,b,y\n1,1e999,3\n4,5,6\n",
      "a,b,y\n",
      "a,a,y\n1,2,3\n",
      "y\n1\n2\n",
      "a, b ,y\n 1 ,2, 3\n4,5,6\n");

  @Test
  void smallFilesGiveWhatCsvReadGives() throws IOException {
    for (String text : FILES) {
      assertSame(text, false);
    }
  }

  @Test
  void filesReadInParallelGiveWhatCsvReadGives() throws IOException {
    Random random = new Random(5);
    for (String tail : List.of("", "7,x,9\n")) { // read in chunks; read again with b as text
      StringBuilder text = new StringBuilder("a,b,y\n");
      while (text.length() < CsvReader.PARALLEL_BYTES + 1000) {
        text.append(Csv.formatDouble(random.nextGaussian())).append(',')
            .append(Csv.formatDouble(random.nextDouble() * 1e-300)).append(',')
            .append(random.nextInt(5)).append('\n');
      }
      assertSame(text.append(tail).toString(), true);
    }
  }

  /**
   * Every target (or none) and dropped column (for a {@code large} file, target y and nothing
   * dropped): the same outcome from both reads.
   */
  private void assertSame(String text, boolean large) throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, text);
    List<String> header;
    try {
      header = Csv.read(file).header();
    } catch (CsvFormatException e) {
      assertEquals(e.getMessage(), message(() -> Csv.readFeatures(file, Set.of(), Set.of("y"))));
      return;
    }
    List<String> targets = new ArrayList<>(large ? List.of("y") : header);
    if (!large) {
      targets.add(null);
    }
    List<String> drops = large ? Arrays.asList((String) null) : targets;
    for (String target : targets) {
      for (String dropped : drops) {
        if (dropped != null && dropped.equals(target)) {
          continue;
        }
        Set<String> drop = dropped == null ? Set.of() : Set.of(dropped);
        Set<String> notFeatures = new LinkedHashSet<>(drop);
        if (target != null) {
          notFeatures.add(target);
        }
        Set<String> keep = target == null ? Set.of() : Set.of(target);
        String where = text.length() > 200 ? text.substring(text.length() - 40) : text;
        String context = where + " target " + target + " drop " + drop;
        for (Function<CsvTable, Object> use : uses(target, drop, notFeatures)) {
          assertEquals(outcome(() -> use.apply(Csv.read(file, keep))),
              outcome(() -> use.apply(Csv.readFeatures(file, keep, notFeatures))), context);
        }
        if (target != null) { // the rows given, then the same columns again: a copy
          CsvTable table = readOrNull(file, keep, notFeatures);
          CsvTable.Samples first = table == null ? null : orNull(() -> table.toSamples(target, drop));
          if (first != null) {
            double[][] again = table.toMatrix(notFeatures);
            assertEquals(outcome(() -> first.X()), outcome(() -> again), context);
            assertNotSame(first.X()[0], again[0], context);
          }
        }
      }
    }
  }

  /** What the commands ask of a table, each as a value that compares by content. */
  private static List<Function<CsvTable, Object>> uses(String target, Set<String> drop,
      Set<String> notFeatures) {
    List<Function<CsvTable, Object>> uses = new ArrayList<>();
    uses.add(t -> matrix(t.toMatrix(notFeatures)));
    uses.add(t -> {
      double[][] X = t.toMatrix(notFeatures);
      return List.of(matrix(X), matrix(t.toMatrix(Set.of())), matrix(t.toMatrix(drop)));
    });
    uses.add(t -> Arrays.deepToString(t.toFloat32Matrix(notFeatures)));
    uses.add(t -> t.header().stream().map(c -> outcome(() -> Arrays.toString(t.toVector(c))))
        .toList());
    if (target != null) {
      uses.add(t -> samples(t.toSamples(target, drop)));
      uses.add(t -> samples(t.toClassSamples(target, drop)));
      uses.add(t -> List.of(samples(t.toSamples(target, drop)), t.column(target)));
      uses.add(t -> Arrays.deepToString(t.toFields(target, drop).X()));
      uses.add(t -> t.textColumns(target, drop));
    }
    return uses;
  }

  private static String samples(CsvTable.Samples s) {
    return matrix(s.X()) + Arrays.toString(s.y()) + s.featureNames() + s.targetNames();
  }

  private static String matrix(double[][] X) {
    StringBuilder bits = new StringBuilder().append(X.length).append(':');
    for (double[] row : X) {
      for (double v : row) {
        bits.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(',');
      }
      bits.append(';');
    }
    return bits.toString();
  }

  private static Object outcome(java.util.function.Supplier<Object> use) {
    try {
      Object value = use.get();
      return value instanceof double[][] X ? matrix(X) : value;
    } catch (IllegalArgumentException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static String message(Runnable read) {
    try {
      read.run();
      return "no error";
    } catch (CsvFormatException e) {
      return e.getMessage();
    }
  }

  private static CsvTable readOrNull(Path file, Set<String> keep, Set<String> notFeatures) {
    try {
      return Csv.readFeatures(file, keep, notFeatures);
    } catch (CsvFormatException e) {
      return null;
    }
  }

  private static <T> T orNull(java.util.function.Supplier<T> get) {
    try {
      return get.get();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Test
  void theRowsAreTheFeaturesInFileOrder() throws IOException {
    Path file = dir.resolve("rows.csv");
    Files.writeString(file, "y,a,skip,b\n1,2,3,4\n5,6,7,8\n");
    CsvTable.Samples s = Csv.readFeatures(file, Set.of(), Set.of("y", "skip"))
        .toSamples("y", Set.of("skip"));
    assertArrayEquals(new double[][] {{2, 4}, {6, 8}}, s.X());
    assertArrayEquals(new double[] {1, 5}, s.y());
    assertEquals(List.of("a", "b"), s.featureNames());
  }
}
