package semaine.nn.gpt2;

/**
 * One keyword argument of a generation call, so that Java reads like transformers'
 * {@code generator(prompt, max_length=50, num_return_sequences=1)}: with
 * {@code import static semaine.nn.gpt2.GenerationParameter.*}, write
 * {@code generator.generate(prompt, MAX_LENGTH.of(50), NUM_RETURN_SEQUENCES.of(1))}. The value is
 * checked when the option is made.
 *
 * @param parameter which parameter
 * @param value its value, of the parameter's type
 */
public record GenerationOption(GenerationParameter parameter, Object value) {

  public GenerationOption {
    value = parameter.check(value);
  }
}
