package semaine.nn.layers;

import java.util.function.UnaryOperator;
import semaine.nn.Tensor;

/**
 * A parameter-free elementwise layer: {@link #relu()}, {@link #sigmoid()}, {@link #tanh()},
 * {@link #gelu()} (exact), {@link #geluTanh()}, {@link #softmax()} and {@link #logSoftmax()} over
 * the last dimension, {@link #identity()} — PyTorch's {@code nn.ReLU}, {@code nn.Sigmoid},
 * {@code nn.Tanh}, {@code nn.GELU(approximate='none'|'tanh')}, {@code nn.Softmax(-1)},
 * {@code nn.LogSoftmax(-1)}, {@code nn.Identity}.
 */
public final class Activation extends Module {

  private final String name;
  private final UnaryOperator<Tensor> f;

  private Activation(String name, UnaryOperator<Tensor> f) {
    this.name = name;
    this.f = f;
  }

  public static Activation relu() {
    return new Activation("relu", Tensor::relu);
  }

  public static Activation sigmoid() {
    return new Activation("sigmoid", Tensor::sigmoid);
  }

  public static Activation tanh() {
    return new Activation("tanh", Tensor::tanh);
  }

  public static Activation gelu() {
    return new Activation("gelu", Tensor::gelu);
  }

  public static Activation geluTanh() {
    return new Activation("gelu_tanh", Tensor::geluTanh);
  }

  public static Activation softmax() {
    return new Activation("softmax", x -> x.softmax(-1));
  }

  public static Activation logSoftmax() {
    return new Activation("log_softmax", x -> x.logSoftmax(-1));
  }

  public static Activation identity() {
    return new Activation("identity", x -> x);
  }

  /**
   * By scikit-learn's or PyTorch's name: relu, logistic or sigmoid, tanh, identity, gelu,
   * gelu_tanh, softmax, log_softmax.
   */
  public static Activation of(String name) {
    return switch (name) {
      case "relu" -> relu();
      case "logistic", "sigmoid" -> sigmoid();
      case "tanh" -> tanh();
      case "identity" -> identity();
      case "gelu" -> gelu();
      case "gelu_tanh" -> geluTanh();
      case "softmax" -> softmax();
      case "log_softmax" -> logSoftmax();
      default -> throw new IllegalArgumentException("activation (\"" + name + "\") must be one of relu,"
          + " logistic, sigmoid, tanh, identity, gelu, gelu_tanh, softmax, log_softmax");
    };
  }

  /** Same shape in and out. */
  @Override
  public Tensor forward(Tensor x) {
    return f.apply(x);
  }

  public String name() {
    return name;
  }
}
