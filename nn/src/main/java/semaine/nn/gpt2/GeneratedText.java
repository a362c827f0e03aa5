package semaine.nn.gpt2;

/**
 * One continuation from {@link TextGenerationPipeline}: transformers' {@code {'generated_text': ...}}
 * plus the token ids.
 *
 * @param generatedText the prompt followed by the decoded new tokens (special tokens skipped)
 * @param ids the prompt ids then the generated ids (an end-of-text id kept)
 */
public record GeneratedText(String generatedText, int[] ids) {

  public GeneratedText {
    ids = ids.clone();
  }

  @Override
  public int[] ids() {
    return ids.clone();
  }
}
