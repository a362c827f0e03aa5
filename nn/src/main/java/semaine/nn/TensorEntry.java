package semaine.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/** One validated header entry of a safetensors file: dtype, shape and data offsets. */
record TensorEntry(String name, String dtype, int[] shape, long begin, long end) {

  /** The error for a malformed safetensors file: the file, then what is wrong with it. */
  static IllegalArgumentException bad(String source, String what) {
    return new IllegalArgumentException("safetensors file " + source + " " + what);
  }

  /** Bytes per element of the dtypes we read. */
  static int width(String dtype) {
    return switch (dtype) {
      case "F32" -> 4;
      case "F16", "BF16" -> 2;
      default -> -1;
    };
  }

  static TensorEntry of(String source, String name, Object value, long dataLength) {
    if (!(value instanceof Map<?, ?> entry)) {
      throw bad(source, "entry \"" + name + "\" is not a JSON object");
    }
    if (!(entry.get("dtype") instanceof String dtype) || width(dtype) < 0) {
      throw bad(source, "entry \"" + name + "\" has dtype " + entry.get("dtype")
          + "; supported: F32, F16, BF16");
    }
    if (!(entry.get("shape") instanceof List<?> dims)) {
      throw bad(source, "entry \"" + name + "\" has no shape list");
    }
    int[] shape = new int[dims.size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (!(dims.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
        throw bad(source, "entry \"" + name + "\" has shape " + dims
            + "; dimensions must be whole numbers >= 0");
      }
      shape[i] = d.intValue();
      count *= d;
      if (count > Integer.MAX_VALUE) {
        throw bad(source, "entry \"" + name + "\" has shape " + dims + " with too many elements");
      }
    }
    if (!(entry.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2
        || !(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end)) {
      throw bad(source, "entry \"" + name + "\" needs data_offsets [begin, end]");
    }
    if (begin < 0 || end < begin || end > dataLength) {
      throw bad(source, "entry \"" + name + "\" has data_offsets [" + begin + ", " + end
          + "] outside the " + dataLength + " data bytes");
    }
    if (count * width(dtype) != end - begin) {
      throw bad(source, "entry \"" + name + "\" has shape " + dims + " of " + dtype
          + " (" + count * width(dtype) + " bytes) but data_offsets span " + (end - begin) + " bytes");
    }
    return new TensorEntry(name, dtype, shape, begin, end);
  }

  /** The values, widened to float. */
  Tensor decode(byte[] file, int dataStart) {
    ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int count = (int) ((end - begin) / width(dtype));
    float[] out = new float[count];
    int at = dataStart + (int) begin;
    for (int i = 0; i < count; i++) {
      out[i] = switch (dtype) {
        case "F32" -> buf.getFloat(at + 4 * i);
        case "F16" -> Float.float16ToFloat(buf.getShort(at + 2 * i));
        default -> Float.intBitsToFloat((buf.getShort(at + 2 * i) & 0xffff) << 16); // BF16
      };
    }
    return Tensor.wrap(out, shape.clone());
  }
}
