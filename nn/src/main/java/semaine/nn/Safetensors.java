package semaine.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.util.Json;
import semaine.util.AtomicFiles;

/**
 * Reads and writes the safetensors format (Hugging Face): an 8-byte little-endian header length
 * N, N bytes of JSON mapping each name to {@code {"dtype", "shape", "data_offsets": [begin, end]}}
 * (offsets relative to the end of the header), then the raw little-endian data.
 *
 * <p>Writes F32. Reads F32, F16 and BF16 (widened to float). Reading validates everything before
 * allocating: the header length against the file size and a 100 MB cap, each entry's dtype,
 * shape and offsets, offsets inside the data, {@code product(shape) × dtype size = end − begin},
 * and no two tensors overlapping. Never uses Java serialization.
 */
public final class Safetensors {

  /** Largest header accepted, as the reference implementation's limit. */
  static final long MAX_HEADER = 100_000_000L;

  private Safetensors() {}

  /** Writes tensors in the given order as F32. */
  public static void write(Path path, Map<String, Tensor> tensors) throws IOException {
    write(path, tensors, Map.of());
  }

  /**
   * Writes tensors in the given order as F32, with string {@code metadata} as the header's
   * {@code __metadata__} (omitted when empty); PyTorch checkpoints carry {@code format: pt}.
   */
  public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    Map<String, Object> header = new LinkedHashMap<>();
    if (!metadata.isEmpty()) {
      header.put("__metadata__", new LinkedHashMap<>(metadata));
    }
    long offset = 0;
    for (var e : tensors.entrySet()) {
      Tensor t = e.getValue();
      long bytes = 4L * t.numel();
      List<Object> shape = new ArrayList<>();
      for (int d : t.shape) {
        shape.add((long) d);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("dtype", "F32");
      entry.put("shape", shape);
      entry.put("data_offsets", List.of(offset, offset + bytes));
      header.put(e.getKey(), entry);
      offset += bytes;
    }
    byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
    // pad the header with spaces to a multiple of 8 so the data is aligned, as the Python writer does
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(padded);
    out.put(json);
    for (int i = json.length; i < padded; i++) {
      out.put((byte) ' ');
    }
    for (Tensor t : tensors.values()) {
      for (float v : t.contiguousData()) {
        out.putFloat(v);
      }
    }
    AtomicFiles.write(path, stream -> stream.write(out.array()));
  }

  /** Reads every tensor of a file, in header order. */
  public static Map<String, Tensor> read(Path path) throws IOException {
    return parse(Files.readAllBytes(path), path.toString());
  }

  /** Reads tensors from the bytes of a safetensors file; {@code source} names it in errors. */
  public static Map<String, Tensor> parse(byte[] file, String source) {
    if (file.length < 8) {
      throw TensorEntry.bad(source, "is " + file.length + " bytes long, shorter than the 8-byte header length");
    }
    long n = checkHeaderLength(ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0),
        file.length, source);
    String json = new String(file, 8, (int) n, StandardCharsets.UTF_8);
    int dataStart = 8 + (int) n;
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (TensorEntry entry : entries(json, file.length - (long) dataStart, source)) {
      out.put(entry.name(), entry.decode(file, dataStart));
    }
    return out;
  }

  /** The header length {@code n} read from the first 8 bytes, checked against the file size. */
  static long checkHeaderLength(long n, long fileLength, String source) {
    if (n < 2 || n > MAX_HEADER || n > fileLength - 8L) {
      throw TensorEntry.bad(source, "declares a header of " + n + " bytes; it must be in [2, "
          + Math.min(MAX_HEADER, fileLength - 8L) + "] for this file");
    }
    return n;
  }

  /** The validated entries of a JSON header, in header order, none overlapping another. */
  static List<TensorEntry> entries(String json, long dataLength, String source) {
    Object parsed;
    try {
      parsed = Json.parse(json);
    } catch (RuntimeException e) {
      throw TensorEntry.bad(source, "has a header that is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> header)) {
      throw TensorEntry.bad(source, "has a header that is not a JSON object");
    }
    List<TensorEntry> entries = new ArrayList<>();
    List<long[]> ranges = new ArrayList<>();
    for (var e : header.entrySet()) {
      String name = (String) e.getKey();
      if (name.equals("__metadata__")) {
        continue;
      }
      TensorEntry entry = TensorEntry.of(source, name, e.getValue(), dataLength);
      ranges.add(new long[] {entry.begin(), entry.end()});
      entries.add(entry);
    }
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    for (int i = 1; i < ranges.size(); i++) {
      if (ranges.get(i)[0] < ranges.get(i - 1)[1]) {
        throw TensorEntry.bad(source, "has tensors whose data overlap (bytes " + ranges.get(i)[0] + " to "
            + ranges.get(i - 1)[1] + ")");
      }
    }
    return entries;
  }
}
