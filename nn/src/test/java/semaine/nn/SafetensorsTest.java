package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.nn.layers.Linear;
import semaine.random.RandomState;

class SafetensorsTest {

  @TempDir
  Path dir;

  static byte[] file(String header, byte[] data) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    return b.array();
  }

  @Test
  void writeThenReadGivesTheSameTensors() throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("a", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    tensors.put("b", Tensor.of(new float[] {-1.5f}, 1));
    Path p = dir.resolve("t.safetensors");
    Safetensors.write(p, tensors);
    Map<String, Tensor> back = Safetensors.read(p);
    assertArrayEquals(new int[] {2, 3}, back.get("a").shape());
    assertArrayEquals(tensors.get("a").toFloatArray(), back.get("a").toFloatArray());
    assertArrayEquals(new float[] {-1.5f}, back.get("b").toFloatArray());
  }

  @Test
  void moduleSaveAndLoadRoundTripsParameters() throws IOException {
    Linear a = new Linear(3, 2, new RandomState(0));
    Linear b = new Linear(3, 2, new RandomState(1));
    Path p = dir.resolve("linear.safetensors");
    a.save(p);
    b.load(p);
    assertArrayEquals(a.weight().toFloatArray(), b.weight().toFloatArray());
    assertArrayEquals(a.bias().toFloatArray(), b.bias().toFloatArray());
  }

  @Test
  void readsF16AndBf16() {
    // 1.0 is 0x3C00 in F16 and 0x3F80 in BF16 (little-endian bytes)
    byte[] f16 = file("{\"x\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]}}", new byte[] {0x00, 0x3C});
    assertArrayEquals(new float[] {1f}, Safetensors.parse(f16, "f16").get("x").toFloatArray());
    byte[] bf16 = file("{\"x\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}", new byte[] {(byte) 0x80, 0x3F});
    assertArrayEquals(new float[] {1f}, Safetensors.parse(bf16, "bf16").get("x").toFloatArray());
  }

  static void assertRejected(byte[] bytes, String expected) {
    var e = assertThrows(IllegalArgumentException.class, () -> Safetensors.parse(bytes, "bad"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void malformedFilesAreRejectedWithTheReason() {
    assertRejected(new byte[3], "shorter than the 8-byte header length");
    byte[] huge = new byte[16];
    ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
    assertRejected(huge, "declares a header of");
    assertRejected(file("not json", new byte[0]), "not valid JSON");
    assertRejected(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,16]}}", new byte[8]),
        "outside the 8 data bytes");
    assertRejected(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]),
        "(12 bytes) but data_offsets span 8 bytes");
    assertRejected(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]), "overlap");
    assertRejected(file("{\"x\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]),
        "supported: F32, F16, BF16");
    assertRejected(file("{\"x\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", new byte[4]),
        "dimensions must be whole numbers");
  }
}
