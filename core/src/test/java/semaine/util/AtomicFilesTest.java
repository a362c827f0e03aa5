package semaine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of {@link AtomicFiles}: refused targets stay as they were, replacements are whole. */
class AtomicFilesTest {

  @TempDir
  Path dir;

  @Test
  void writeReplacesAnExistingFileWholeAndKeepsItsPermissions() throws IOException {
    Path file = Files.writeString(dir.resolve("data.csv"), "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    AtomicFiles.writeString(file, "new content");
    assertEquals("new content", Files.readString(file));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(List.of(file), entries(dir), "no temporary file is left");
  }

  @Test
  void writeRefusesADirectoryAndLeavesItThere() throws IOException {
    Path target = Files.createDirectory(dir.resolve("out.gif"));
    OutputPathException e = assertThrows(OutputPathException.class,
        () -> AtomicFiles.writeString(target, "x"));
    assertEquals(target + " is a directory: the output must be a regular file or a new name",
        e.getMessage());
    assertTrue(Files.isDirectory(target));
    assertEquals(List.of(target), entries(dir));
  }

  @Test
  void writeRefusesAFifoWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("pipe.gif");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    OutputPathException e = assertThrows(OutputPathException.class,
        () -> AtomicFiles.writeString(fifo, "x"));
    assertTrue(e.getMessage().startsWith(fifo + " is not a regular file (a FIFO, device or socket)"),
        e.getMessage());
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo) && !Files.isDirectory(fifo));
  }

  @Test
  void writeRefusesADeviceNode() throws Exception {
    Path device = dir.resolve("full");
    // the same node as /dev/full, made here so that no test ever aims at the real one
    assertEquals(0, new ProcessBuilder("mknod", device.toString(), "c", "1", "7").start().waitFor());
    assertThrows(OutputPathException.class, () -> AtomicFiles.writeString(device, "x"));
    assertFalse(Files.isRegularFile(device), "the device node is still a device");
  }

  @Test
  void writeRefusesASocket() throws IOException {
    Path socket = dir.resolve("s.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      assertThrows(OutputPathException.class, () -> AtomicFiles.writeString(socket, "x"));
      assertFalse(Files.isRegularFile(socket));
    }
  }

  @Test
  void writeRefusesProcAndSys() {
    OutputPathException e = assertThrows(OutputPathException.class,
        () -> AtomicFiles.writeString(Path.of("/proc/x.gif"), "x"));
    assertEquals("/proc/x.gif is on a proc file system, which holds system state, not files: the"
        + " output must be a regular file", e.getMessage());
    assertThrows(OutputPathException.class,
        () -> AtomicFiles.writeString(Path.of("/sys/x.csv"), "x"));
  }

  @Test
  void missingFoldersAreCreatedOnlyWhenTheCallerAsks() throws IOException {
    Path file = dir.resolve("a/b/c.csv");
    OutputPathException e = assertThrows(OutputPathException.class,
        () -> AtomicFiles.writeString(file, "x"));
    assertTrue(e.getMessage().contains("the folder " + dir.resolve("a/b") + " does not exist"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("a")), "no folder was created");
    AtomicFiles.write(file, true, out -> out.write('x'));
    assertEquals("x", Files.readString(file));
  }

  @Test
  void aSymbolicLinkIsKeptAndItsFileReplaced() throws IOException {
    Path real = Files.writeString(dir.resolve("real.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
    AtomicFiles.writeString(link, "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("none"));
    assertThrows(OutputPathException.class, () -> AtomicFiles.writeString(dangling, "x"));
  }

  @Test
  void aFailureWhileWritingLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = Files.writeString(dir.resolve("model.csv"), "old");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
      out.write("half of the new".getBytes());
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("old", Files.readString(file));
    assertEquals(List.of(file), entries(dir));
  }

  @Test
  void writeFolderCreatesReplacesAndOnFailureKeepsTheOldFolder() throws IOException {
    Path folder = dir.resolve("model");
    AtomicFiles.writeFolder(folder, f -> Files.writeString(f.resolve("a.txt"), "1"));
    assertEquals("1", Files.readString(folder.resolve("a.txt")));

    AtomicFiles.writeFolder(folder, f -> Files.writeString(f.resolve("b.txt"), "2"));
    assertEquals(List.of(folder.resolve("b.txt")), entries(folder), "replaced whole, not merged");

    assertThrows(IOException.class, () -> AtomicFiles.writeFolder(folder, f -> {
      Files.writeString(f.resolve("b.txt"), "half");
      throw new IOException("failed halfway");
    }));
    assertEquals("2", Files.readString(folder.resolve("b.txt")));
    assertEquals(List.of(folder), entries(dir), "no temporary or old folder is left");
  }

  @Test
  void writeFolderRefusesAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("model"), "x");
    OutputPathException e = assertThrows(OutputPathException.class,
        () -> AtomicFiles.writeFolder(file, f -> { }));
    assertTrue(e.getMessage().startsWith(file + " is not a directory"), e.getMessage());
    assertEquals("x", Files.readString(file));
  }

  static List<Path> entries(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.sorted().toList();
    }
  }
}
