/**
 * Optimizers after {@code torch.optim}: {@link semaine.nn.optim.SGD} (momentum, weight decay,
 * Nesterov), {@link semaine.nn.optim.Adam} (and AdamW through {@code Adam.adamW} or the
 * {@code decoupled} flag), and the {@link semaine.nn.optim.CosineSchedule} learning rate with
 * warm-up used by nanoGPT.
 */
package semaine.nn.optim;
