package semaine.nn;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A safetensors file opened by memory mapping, for checkpoints too large to read whole (GPT-2's
 * 548 MB, gpt2-xl's 6.4 GB): the header is read and validated as {@link Safetensors} does, and a
 * tensor's values are copied out (widened to float) only when asked for.
 *
 * <p>Nothing is allocated from the header's claims before they are checked against the file
 * size, so a hostile header cannot cause a large allocation. Close it to unmap the file.
 */
public final class SafetensorsFile implements AutoCloseable {

  private static final ValueLayout.OfFloat F32 =
      ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfShort U16 =
      ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private final String source;
  private final Arena arena;
  private final MemorySegment data;
  private final Map<String, TensorEntry> entries = new LinkedHashMap<>();

  private SafetensorsFile(String source, Arena arena, MemorySegment data) {
    this.source = source;
    this.arena = arena;
    this.data = data;
  }

  /** Maps {@code path} and validates its header. */
  public static SafetensorsFile open(Path path) throws IOException {
    String source = path.toString();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 8) {
        throw TensorEntry.bad(source, "is " + size + " bytes long, shorter than the 8-byte header length");
      }
      ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, head, 0);
      long n = Safetensors.checkHeaderLength(head.getLong(0), size, source);
      ByteBuffer json = ByteBuffer.allocate((int) n);
      readFully(channel, json, 8);
      String header = new String(json.array(), StandardCharsets.UTF_8);
      var entries = Safetensors.entries(header, size - 8 - n, source);
      Arena arena = Arena.ofShared();
      MemorySegment data = channel.map(FileChannel.MapMode.READ_ONLY, 8 + n, size - 8 - n, arena);
      SafetensorsFile file = new SafetensorsFile(source, arena, data);
      entries.forEach(e -> file.entries.put(e.name(), e));
      return file;
    }
  }

  /** The tensor names, in header order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  /** True when the file holds a tensor of this name. */
  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  /** The shape of a tensor. */
  public int[] shape(String name) {
    return entry(name).shape().clone();
  }

  /** The dtype of a tensor: "F32", "F16" or "BF16". */
  public String dtype(String name) {
    return entry(name).dtype();
  }

  /** The values of a tensor, row-major, widened to float. */
  public float[] floats(String name) {
    TensorEntry e = entry(name);
    int count = (int) ((e.end() - e.begin()) / TensorEntry.width(e.dtype()));
    float[] out = new float[count];
    switch (e.dtype()) {
      case "F32" -> MemorySegment.copy(data, F32, e.begin(), out, 0, count);
      case "F16" -> {
        for (int i = 0; i < count; i++) {
          out[i] = Float.float16ToFloat(data.get(U16, e.begin() + 2L * i));
        }
      }
      default -> { // BF16: the high half of a float32
        for (int i = 0; i < count; i++) {
          out[i] = Float.intBitsToFloat((data.get(U16, e.begin() + 2L * i) & 0xffff) << 16);
        }
      }
    }
    return out;
  }

  /** The file this was opened from. */
  public String source() {
    return source;
  }

  @Override
  public void close() {
    arena.close();
  }

  private TensorEntry entry(String name) {
    TensorEntry e = entries.get(name);
    if (e == null) {
      throw TensorEntry.bad(source, "has no tensor \"" + name + "\"");
    }
    return e;
  }

  private static void readFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
    while (buf.hasRemaining()) {
      int read = channel.read(buf, position + buf.position());
      if (read < 0) {
        throw new java.io.EOFException("unexpected end of file at byte " + (position + buf.position()));
      }
    }
  }
}
