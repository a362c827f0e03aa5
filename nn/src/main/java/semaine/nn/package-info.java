/**
 * Neural networks, the book's last chapter: float32 {@link semaine.nn.Tensor}s with reverse-mode
 * automatic differentiation, {@link semaine.nn.Losses}, {@link semaine.nn.Functional} operations,
 * and below it layers ({@code semaine.nn.layers}) and optimizers ({@code semaine.nn.optim}).
 *
 * <p>It mirrors a small part of PyTorch ({@code torch.Tensor}, {@code torch.nn},
 * {@code torch.optim}) with the same initialisation and update rules, checked against PyTorch by
 * the tests. Legend for shapes in comments: B batch, T sequence length, C channels (embedding
 * size), V vocabulary, nh heads, hs head size (C / nh). The Vector API is used only in the
 * kernel classes ({@code Kernels}, {@code MatMulSimd}, {@code FloatLanes}, {@code InferenceKernels},
 * and Adam's update in {@code semaine.nn.optim}).
 */
package semaine.nn;
