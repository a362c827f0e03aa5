package semaine.nn.hub;

import java.io.IOException;

/**
 * The Hugging Face Hub could not be reached at all (connection refused, unknown host, timeout), as
 * opposed to a Hub that answered with an error: a caller may fall back to a local model.
 */
public final class HubUnreachableException extends IOException {

  HubUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
