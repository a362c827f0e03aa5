package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

  @TempDir
  Path dir;

  @Test
  void mappedReadGivesWhatWasWritten() throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("a", Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    tensors.put("b", Tensor.wrap(new float[] {-0.5f}, 1));
    Path file = dir.resolve("t.safetensors");
    Safetensors.write(file, tensors);
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      assertEquals(java.util.List.of("a", "b"), java.util.List.copyOf(st.names()));
      assertArrayEquals(new int[] {2, 3}, st.shape("a"));
      assertEquals("F32", st.dtype("a"));
      assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, st.floats("a"));
      assertArrayEquals(new float[] {-0.5f}, st.floats("b"));
      var e = assertThrows(IllegalArgumentException.class, () -> st.floats("c"));
      assertTrue(e.getMessage().contains("no tensor \"c\""), e.getMessage());
    }
  }

  @Test
  void halfAndBfloat16AreWidened() throws IOException {
    byte[] data = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putShort(Float.floatToFloat16(1.5f)).putShort((short) (Float.floatToIntBits(-2f) >>> 16))
        .array();
    Path file = write("{\"h\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]},"
        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[2,4]}}", data);
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      assertArrayEquals(new float[] {1.5f}, st.floats("h"));
      assertArrayEquals(new float[] {-2f}, st.floats("b"));
    }
  }

  @Test
  void aTruncatedFileIsRefused() throws IOException {
    Path file = dir.resolve("short.safetensors");
    Files.write(file, new byte[] {1, 2, 3});
    var e = assertThrows(IllegalArgumentException.class, () -> SafetensorsFile.open(file));
    assertTrue(e.getMessage().contains("3 bytes long"), e.getMessage());
    Path cut = write("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]);
    var offsets = assertThrows(IllegalArgumentException.class, () -> SafetensorsFile.open(cut));
    assertTrue(offsets.getMessage().contains("data_offsets [0, 16] outside the 8 data bytes"),
        offsets.getMessage());
  }

  @Test
  void aHeaderThatClaimsAHugeLengthAllocatesNothing() throws IOException {
    Path file = dir.resolve("huge.safetensors");
    byte[] bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE)
        .array();
    Files.write(file, bytes);
    var e = assertThrows(IllegalArgumentException.class, () -> SafetensorsFile.open(file));
    assertTrue(e.getMessage().contains("declares a header of " + Long.MAX_VALUE), e.getMessage());
    // a shape of 2^31 x 2^31 elements on a tiny file: refused before any allocation
    Path shape = write("{\"a\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647],"
        + "\"data_offsets\":[0,4]}}", new byte[4]);
    var big = assertThrows(IllegalArgumentException.class, () -> SafetensorsFile.open(shape));
    assertTrue(big.getMessage().contains("too many elements"), big.getMessage());
  }

  @Test
  void lyingOffsetsAndUnknownDtypesAreRefusedNamingTheEntry() throws IOException {
    Path overlap = write("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]);
    var e = assertThrows(IllegalArgumentException.class, () -> SafetensorsFile.open(overlap));
    assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    Path size = write("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]);
    var mismatch = assertThrows(IllegalArgumentException.class, () -> SafetensorsFile.open(size));
    assertTrue(mismatch.getMessage().contains("entry \"a\" has shape [3]"), mismatch.getMessage());
    Path dtype = write("{\"a\":{\"dtype\":\"I4\",\"shape\":[2],\"data_offsets\":[0,1]}}", new byte[1]);
    var unknown = assertThrows(IllegalArgumentException.class, () -> SafetensorsFile.open(dtype));
    assertTrue(unknown.getMessage().contains("entry \"a\" has dtype I4"), unknown.getMessage());
  }

  private Path write(String header, byte[] data) throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(json.length).put(json).put(data);
    Path file = dir.resolve("f" + Arrays.hashCode(buf.array()) + ".safetensors");
    Files.write(file, buf.array());
    return file;
  }
}
