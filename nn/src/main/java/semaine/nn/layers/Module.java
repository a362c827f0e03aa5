package semaine.nn.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.nn.Safetensors;
import semaine.nn.Tensor;

/**
 * A layer or a network of layers, after PyTorch's {@code torch.nn.Module}: named parameters and
 * named sub-modules, a training flag, and {@link #forward}.
 *
 * <p>Parameter names join the path of sub-modules with dots ({@code "0.weight"},
 * {@code "attn.c_attn.bias"}), as PyTorch's {@code state_dict}, so {@link #save} and {@link #load}
 * read and write the same safetensors keys as PyTorch.
 */
public abstract class Module {

  private final Map<String, Tensor> parameters = new LinkedHashMap<>();
  private final Map<String, Module> modules = new LinkedHashMap<>();
  private boolean training = true;

  /** The output of this module for input x. */
  public abstract Tensor forward(Tensor x);

  /** Registers a parameter (it will require grad) and returns it. */
  protected final Tensor parameter(String name, Tensor value) {
    parameters.put(name, value.requiresGrad(true));
    return value;
  }

  /** Registers a sub-module and returns it. */
  protected final <M extends Module> M module(String name, M module) {
    modules.put(name, module);
    return module;
  }

  /** Every parameter by its dotted name, in registration order (this module's first). */
  public final Map<String, Tensor> namedParameters() {
    Map<String, Tensor> out = new LinkedHashMap<>(parameters);
    modules.forEach((prefix, m) -> m.namedParameters().forEach((k, v) -> out.put(prefix + "." + k, v)));
    return out;
  }

  public final List<Tensor> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** Switches training mode (dropout active) on or off, for this module and all below it. */
  public Module train(boolean on) {
    training = on;
    modules.values().forEach(m -> m.train(on));
    return this;
  }

  /** Inference mode: {@code train(false)}. */
  public Module eval() {
    return train(false);
  }

  public final boolean isTraining() {
    return training;
  }

  public final void zeroGrad() {
    parameters().forEach(Tensor::zeroGrad);
  }

  /** Writes the parameters to a safetensors file (F32). */
  public final void save(Path path) throws IOException {
    Safetensors.write(path, namedParameters());
  }

  /**
   * Copies parameters from a safetensors file into this module; every parameter must be present
   * with its shape.
   */
  public final void load(Path path) throws IOException {
    Map<String, Tensor> stored = Safetensors.read(path);
    for (var entry : namedParameters().entrySet()) {
      Tensor value = stored.get(entry.getKey());
      if (value == null) {
        throw new IllegalArgumentException(path + " has no tensor named \"" + entry.getKey() + "\"");
      }
      assign(entry.getKey(), entry.getValue(), value);
    }
  }

  /** Copies the values of {@code source} into {@code target} (shapes must match). */
  public static void assign(String name, Tensor target, Tensor source) {
    if (!java.util.Arrays.equals(target.shape(), source.shape())) {
      throw new IllegalArgumentException(name + ": shape " + java.util.Arrays.toString(source.shape())
          + " does not match the parameter's shape " + java.util.Arrays.toString(target.shape()));
    }
    float[] values = source.toFloatArray();
    System.arraycopy(values, 0, target.storage(), 0, values.length);
  }
}
