package semaine.cli;

/**
 * A usage error found by a command after parsing (an unknown dataset name, options that contradict
 * each other): exit code 2 and the message on one line, which names the option, the value and the rule.
 */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
