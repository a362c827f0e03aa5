package semaine.nn.gpt2;

/**
 * One keyword argument of a generation call, {@code max_length=50} in transformers: with
 * {@code import static semaine.nn.gpt2.GenerationParameter.*}, write
 * {@code generator.generate(prompt, MAX_LENGTH.of(50), NUM_RETURN_SEQUENCES.of(1))}, as the book's
 * {@code generator(prompt, max_length=50, num_return_sequences=1)}. {@link GenerationParameter#of}
 * checks the value; {@link GenerationConfig#with} applies it.
 *
 * @param key the transformers name of the parameter ({@link GenerationParameter#key()})
 * @param value its value
 */
public record GenerationOption(String key, Object value) {}
