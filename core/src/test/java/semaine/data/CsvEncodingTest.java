package semaine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV file that is not UTF-8 is refused with its line and byte, never read with '?' in it. */
class CsvEncodingTest {

  @TempDir
  Path dir;

  @Test
  void aLatin1FileIsAnErrorNamingFileLineAndByte() throws IOException {
    Path file = dir.resolve("cafes.csv");
    Files.write(file, "name,price\ncafe,1.5\ncaf\u00e9,2.0\n".getBytes(StandardCharsets.ISO_8859_1));
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> Csv.read(file));
    assertEquals("cafes.csv line 3, byte offset 23: 0xE9 is not valid UTF-8: the file is not UTF-8"
        + " (Latin-1 or Windows-1252?); save it as UTF-8", e.getMessage());
  }

  @Test
  void aTruncatedSequenceAtTheEndIsAnErrorToo() throws IOException {
    Path file = dir.resolve("cut.csv");
    byte[] utf8 = "a,b\n1,\u00e9".getBytes(StandardCharsets.UTF_8);
    Files.write(file, java.util.Arrays.copyOf(utf8, utf8.length - 1));
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> Csv.read(file));
    assertEquals("cut.csv line 2, byte offset 6: 0xC3 is not valid UTF-8: the file is not UTF-8"
        + " (Latin-1 or Windows-1252?); save it as UTF-8", e.getMessage());
  }

  @Test
  void utf8TextWithAccentsReads() throws IOException {
    Path file = dir.resolve("ok.csv");
    Files.writeString(file, "name,price\ncaf\u00e9,2.0\n", StandardCharsets.UTF_8);
    assertEquals("caf\u00e9", Csv.read(file).toDataset("name").targetNames().getFirst());
  }
}
