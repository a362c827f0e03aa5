/**
 * Layers for the book's neural networks, after {@code torch.nn}: {@link semaine.nn.layers.Module}
 * (named parameters, save and load as safetensors), {@link semaine.nn.layers.Linear},
 * {@link semaine.nn.layers.Activation} (ReLU, sigmoid, tanh, GELU, softmax),
 * {@link semaine.nn.layers.Dropout}, {@link semaine.nn.layers.LayerNorm},
 * {@link semaine.nn.layers.Embedding}, {@link semaine.nn.layers.Sequential},
 * {@link semaine.nn.layers.Conv2d}, {@link semaine.nn.layers.MaxPool2d},
 * {@link semaine.nn.layers.Flatten}, the recurrent cells {@link semaine.nn.layers.RNNCell} and
 * {@link semaine.nn.layers.LSTMCell}, and GPT-2's
 * {@link semaine.nn.layers.CausalSelfAttention} and {@link semaine.nn.layers.TransformerBlock}.
 * Initialisation follows PyTorch's defaults with numbers drawn from {@code RandomState}.
 */
package semaine.nn.layers;
