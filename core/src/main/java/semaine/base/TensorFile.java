package semaine.base;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.util.Json;

/**
 * Named arrays of numbers and string metadata in the safetensors layout (Hugging Face): an 8-byte
 * little-endian header length N, N bytes of JSON mapping each name to
 * {@code {"dtype", "shape", "data_offsets": [begin, end]}} plus {@code "__metadata__"} (strings
 * only), then the raw little-endian data, tensors back to back in header order. Python's
 * {@code safetensors.numpy.load_file} reads these files.
 *
 * <p>Arrays: {@code double[]} and {@code double[][]} as F64, {@code float[]} / {@code float[][]}
 * as F32, {@code int[]} / {@code int[][]} as I32, {@code long[]} as I64; 1-D or 2-D. Reading checks
 * every claim of the header against the real length before allocating anything: the header length
 * (at most 100 MB and inside the input), each dtype and shape, offsets inside the data, covering
 * it without holes or overlaps, and {@code product(shape) × size of dtype = end − begin}.
 */
final class TensorFile {

  /** The largest header accepted, as the reference implementation's limit. */
  static final long MAX_HEADER = 100_000_000L;

  /** The file read back: arrays by name, in header order, and the metadata. */
  record Contents(Map<String, Object> arrays, Map<String, String> metadata) {}

  private TensorFile() {}

  /** The bytes of a file holding {@code arrays} (in order) and {@code metadata}. */
  static byte[] write(Map<String, Object> arrays, Map<String, String> metadata) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("__metadata__", new LinkedHashMap<>(metadata));
    long offset = 0;
    for (var e : arrays.entrySet()) {
      Dtype dtype = Dtype.of(e.getValue());
      long[] shape = shape(e.getValue());
      long bytes = dtype.size * shape[0] * (shape.length > 1 ? shape[1] : 1);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("dtype", dtype.name());
      entry.put("shape", shape);
      entry.put("data_offsets", new long[] {offset, offset + bytes});
      header.put(e.getKey(), entry);
      offset += bytes;
    }
    byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
    int padding = (8 - json.length % 8) % 8;   // data aligned on 8 bytes, as safetensors does
    long total = 8L + json.length + padding + offset;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the model is " + total + " bytes: more than a model file"
          + " can hold (2 GiB)");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(json.length + padding);
    out.put(json);
    for (int i = 0; i < padding; i++) {
      out.put((byte) ' ');
    }
    for (Object array : arrays.values()) {
      put(out, array);
    }
    return out.array();
  }

  /**
   * Reads a file's bytes.
   *
   * @throws IllegalArgumentException naming {@code source} and what is wrong, for any malformed or
   *     hostile content
   */
  static Contents read(byte[] file, String source) {
    Header header = header(file, source);
    ByteBuffer data = ByteBuffer.wrap(file, header.dataStart, file.length - header.dataStart)
        .slice().order(ByteOrder.LITTLE_ENDIAN);
    Map<String, Object> arrays = new LinkedHashMap<>();
    for (Entry e : header.entries) {
      arrays.put(e.name, e.read(data));
    }
    return new Contents(arrays, header.metadata);
  }

  /** The metadata and each tensor's shape, from a header checked as {@link #read} does. */
  record Layout(Map<String, String> metadata, Map<String, List<Long>> shapes) {}

  /** The file's layout, read from its checked header alone (no array is read). */
  static Layout layout(byte[] file, String source) {
    Header header = header(file, source);
    Map<String, List<Long>> shapes = new LinkedHashMap<>();
    for (Entry e : header.entries) {
      shapes.put(e.name, java.util.Arrays.stream(e.shape).boxed().toList());
    }
    return new Layout(header.metadata, shapes);
  }

  private enum Dtype {
    F64(8), F32(4), I64(8), I32(4);

    final int size;

    Dtype(int size) {
      this.size = size;
    }

    static Dtype of(Object array) {
      return switch (array) {
        case double[] a -> F64;
        case double[][] a -> F64;
        case float[] a -> F32;
        case float[][] a -> F32;
        case int[] a -> I32;
        case int[][] a -> I32;
        case long[] a -> I64;
        default -> throw new IllegalArgumentException("a model file holds no "
            + array.getClass().getSimpleName());
      };
    }
  }

  private record Header(int dataStart, List<Entry> entries, Map<String, String> metadata) {}

  /** One tensor of the header, already checked against the data's length. */
  private record Entry(String name, Dtype dtype, long[] shape, long begin, long end) {

    Object read(ByteBuffer data) {
      int rows = (int) shape[0];
      int at = (int) begin;
      if (shape.length == 1) {
        return switch (dtype) {
          case F64 -> { double[] a = new double[rows]; data.slice(at, rows * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(a); yield a; }
          case F32 -> { float[] a = new float[rows]; data.slice(at, rows * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(a); yield a; }
          case I32 -> { int[] a = new int[rows]; data.slice(at, rows * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(a); yield a; }
          case I64 -> { long[] a = new long[rows]; data.slice(at, rows * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(a); yield a; }
        };
      }
      int cols = (int) shape[1];
      int rowBytes = cols * dtype.size;
      Object out = switch (dtype) {
        case F64 -> new double[rows][];
        case F32 -> new float[rows][];
        case I32 -> new int[rows][];
        case I64 -> throw new IllegalStateException("checked in the header");
      };
      for (int r = 0; r < rows; r++) {
        ByteBuffer row = data.slice(at + r * rowBytes, rowBytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
          case F64 -> { double[] a = new double[cols]; row.asDoubleBuffer().get(a); ((double[][]) out)[r] = a; }
          case F32 -> { float[] a = new float[cols]; row.asFloatBuffer().get(a); ((float[][]) out)[r] = a; }
          case I32 -> { int[] a = new int[cols]; row.asIntBuffer().get(a); ((int[][]) out)[r] = a; }
          default -> throw new IllegalStateException("checked in the header");
        }
      }
      return out;
    }
  }

  private static Header header(byte[] file, String source) {
    if (file.length < 8) {
      throw bad(source, "is " + file.length + " bytes long, shorter than the 8-byte header length");
    }
    long n = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (n < 2 || n > MAX_HEADER || n > file.length - 8L) {
      throw bad(source, "claims a " + Long.toUnsignedString(n) + "-byte header but has "
          + (file.length - 8L) + " bytes after the length (at most " + MAX_HEADER + ")");
    }
    int dataStart = 8 + (int) n;
    Object parsed;
    try {
      parsed = Json.parse(new String(file, 8, (int) n, StandardCharsets.UTF_8).stripTrailing());
    } catch (IllegalArgumentException e) {
      throw bad(source, "has a header that is not JSON (" + e.getMessage() + ")");
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw bad(source, "has a header that is not a JSON object");
    }
    long dataLength = file.length - (long) dataStart;
    Map<String, String> metadata = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (var e : map.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (name.equals("__metadata__")) {
        if (!(e.getValue() instanceof Map<?, ?> meta)) {
          throw bad(source, "has __metadata__ that is not an object of strings");
        }
        for (var m : meta.entrySet()) {
          if (!(m.getValue() instanceof String value)) {
            throw bad(source, "has __metadata__ entry " + m.getKey() + " that is not a string");
          }
          metadata.put(String.valueOf(m.getKey()), value);
        }
      } else {
        entries.add(entry(name, e.getValue(), dataLength, source));
      }
    }
    checkLayout(entries, dataLength, source);
    return new Header(dataStart, entries, metadata);
  }

  private static Entry entry(String name, Object spec, long dataLength, String source) {
    if (!(spec instanceof Map<?, ?> m) || !(m.get("dtype") instanceof String dtypeName)
        || !(m.get("shape") instanceof List<?> shape) || !(m.get("data_offsets") instanceof List<?> off)
        || off.size() != 2 || !(off.get(0) instanceof Long begin) || !(off.get(1) instanceof Long end)) {
      throw bad(source, "has tensor " + name + " without a dtype, a shape and two data_offsets");
    }
    Dtype dtype;
    try {
      dtype = Dtype.valueOf(dtypeName);
    } catch (IllegalArgumentException e) {
      throw bad(source, "has tensor " + name + " of dtype " + dtypeName
          + ": a model file holds F64, F32, I64 or I32");
    }
    if (shape.isEmpty() || shape.size() > 2 || (dtype == Dtype.I64 && shape.size() > 1)) {
      throw bad(source, "has tensor " + name + " of shape " + shape + ": a model file holds 1-D"
          + " arrays and 2-D F64/F32/I32 matrices");
    }
    long[] dims = new long[shape.size()];
    long count = 1;
    for (int i = 0; i < dims.length; i++) {
      if (!(shape.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
        throw bad(source, "has tensor " + name + " with a bad dimension " + shape.get(i));
      }
      dims[i] = d;
      count = Math.multiplyHigh(count, d) != 0 ? -1 : count * d;
      if (count < 0 || count > dataLength) {
        throw bad(source, "has tensor " + name + " of shape " + shape + ", larger than the "
            + dataLength + " bytes of data");
      }
    }
    if (begin < 0 || end < begin || end > dataLength) {
      throw bad(source, "has tensor " + name + " at bytes [" + begin + ", " + end
          + ") outside the " + dataLength + " bytes of data");
    }
    if (count * dtype.size != end - begin) {
      throw bad(source, "has tensor " + name + " of shape " + shape + " and dtype " + dtype
          + " (" + count * dtype.size + " bytes) stored in " + (end - begin) + " bytes");
    }
    return new Entry(name, dtype, dims, begin, end);
  }

  /** Tensors cover the data from its start to its end, without holes or overlaps. */
  private static void checkLayout(List<Entry> entries, long dataLength, String source) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    long at = 0;
    for (Entry e : sorted) {
      if (e.begin != at) {
        throw bad(source, "has tensor " + e.name + " at byte " + e.begin + " where " + at
            + " was expected: tensors overlap or leave a hole");
      }
      at = e.end;
    }
    if (at != dataLength) {
      throw bad(source, "has " + (dataLength - at) + " bytes of data that no tensor covers");
    }
  }

  private static long[] shape(Object array) {
    return switch (array) {
      case double[][] m -> new long[] {m.length, columns(m)};
      case float[][] m -> new long[] {m.length, columns(m)};
      case int[][] m -> new long[] {m.length, columns(m)};
      default -> new long[] {java.lang.reflect.Array.getLength(array)};
    };
  }

  /** The common length of the rows of a matrix: a ragged one cannot be a tensor. */
  private static long columns(Object[] rows) {
    int columns = rows.length == 0 ? 0 : java.lang.reflect.Array.getLength(rows[0]);
    for (int r = 1; r < rows.length; r++) {
      int length = java.lang.reflect.Array.getLength(rows[r]);
      if (length != columns) {
        throw new IllegalArgumentException("a model file holds rectangular arrays only: row " + r
            + " has " + length + " values, row 0 has " + columns);
      }
    }
    return columns;
  }

  private static void put(ByteBuffer out, Object array) {
    switch (array) {
      case double[] a -> { for (double v : a) out.putDouble(v); }
      case float[] a -> { for (float v : a) out.putFloat(v); }
      case int[] a -> { for (int v : a) out.putInt(v); }
      case long[] a -> { for (long v : a) out.putLong(v); }
      case double[][] m -> { for (double[] row : m) put(out, row); }
      case float[][] m -> { for (float[] row : m) put(out, row); }
      case int[][] m -> { for (int[] row : m) put(out, row); }
      default -> throw new IllegalArgumentException("a model file holds no "
          + array.getClass().getSimpleName());
    }
  }

  private static IllegalArgumentException bad(String source, String what) {
    return new IllegalArgumentException(source + " is not a valid model file: it " + what);
  }
}
