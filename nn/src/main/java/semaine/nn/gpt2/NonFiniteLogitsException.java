package semaine.nn.gpt2;

/**
 * The model produced a NaN or infinite logit: not the caller's fault but the model's numbers
 * (corrupt or diverged weights), so generation stops rather than print a text built from it.
 */
public final class NonFiniteLogitsException extends IllegalStateException {

  NonFiniteLogitsException(String message) {
    super(message);
  }
}
