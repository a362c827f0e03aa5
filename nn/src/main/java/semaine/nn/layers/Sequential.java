package semaine.nn.layers;

import java.util.List;
import semaine.nn.Tensor;

/** Modules applied one after the other ({@code torch.nn.Sequential}); children are named 0, 1, ... */
public final class Sequential extends Module {

  private final List<Module> layers;

  public Sequential(Module... layers) {
    this.layers = List.of(layers);
    for (int i = 0; i < layers.length; i++) {
      module(Integer.toString(i), layers[i]);
    }
  }

  @Override
  public Tensor forward(Tensor x) {
    Tensor y = x;
    for (Module layer : layers) {
      y = layer.forward(y);
    }
    return y;
  }

  public List<Module> layers() {
    return layers;
  }
}
