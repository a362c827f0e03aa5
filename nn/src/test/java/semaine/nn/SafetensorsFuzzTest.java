package semaine.nn;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import semaine.testsupport.FuzzBounds;

/**
 * The safetensors reader on arbitrary bytes, both ways it reads: {@link Safetensors#parse} on the
 * bytes and {@link SafetensorsFile#open} on them as a mapped file, then every tensor. A hostile
 * header (a length of 2^60, offsets past the end, overlapping tensors) is refused with an
 * {@link IllegalArgumentException} naming the file, before anything is allocated from it.
 */
class SafetensorsFuzzTest {

  private static final Path FILE = temporaryFile();

  @FuzzTest(maxDuration = "6s")
  void safetensorsBytesAreReadOrRefusedNamingTheFile(byte[] input) throws IOException {
    Files.write(FILE, input);
    FuzzBounds.check(input.length, () -> {
      for (Tensor t : Safetensors.parse(input, "fuzz.safetensors").values()) {
        t.numel();
      }
    }, IllegalArgumentException.class);
    FuzzBounds.check(input.length, () -> {
      try (SafetensorsFile file = SafetensorsFile.open(FILE)) {
        for (String name : file.names()) {
          file.floats(name);
        }
      }
    }, IllegalArgumentException.class, IOException.class);
  }

  private static Path temporaryFile() {
    try {
      Path file = Files.createTempFile("semaine-fuzz-", ".safetensors");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
