package semaine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM killed while it writes over an existing file: the old file is intact and no truncated
 * file is at the target, after SIGTERM (the shutdown hook also removes the temporary file) and after
 * SIGKILL (nothing runs; only a hidden temporary name may stay).
 */
class AtomicFilesKillTest {

  @TempDir
  Path dir;

  /** The child: writes the target forever, saying "writing" once the temporary file has data. */
  public static void main(String[] args) throws IOException {
    AtomicFiles.write(Path.of(args[0]), out -> {
      byte[] chunk = new byte[4096];
      out.write(chunk);
      out.flush();
      System.out.println("writing");
      System.out.flush();
      while (true) {
        out.write(chunk);
        out.flush();
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
    });
  }

  @Test
  void sigtermDuringAWriteKeepsTheOldFileAndRemovesTheTemporaryOne() throws Exception {
    Path target = Files.writeString(dir.resolve("prev.gif"), "the old file");
    Process child = startWriting(target);
    child.destroy(); // SIGTERM
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals("the old file", Files.readString(target));
    assertEquals(List.of(target), AtomicFilesTest.entries(dir));
  }

  @Test
  void sigkillDuringAWriteKeepsTheOldFile() throws Exception {
    Path target = Files.writeString(dir.resolve("prev.gif"), "the old file");
    Process child = startWriting(target);
    child.destroyForcibly(); // SIGKILL
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals("the old file", Files.readString(target));
    for (Path p : AtomicFilesTest.entries(dir)) {
      String name = p.getFileName().toString();
      assertTrue(p.equals(target) || name.startsWith(".prev.gif.") && name.endsWith(".tmp"), name);
    }
  }

  private static Process startWriting(Path target) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AtomicFilesKillTest.class.getName(), target.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("writing", lines.readLine(), "the child started writing");
    assertEquals("the old file", Files.readString(target), "mid-write, the target is still old");
    return child;
  }
}
