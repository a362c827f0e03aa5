package semaine.nn.gpt2;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Builds pipelines from a model name, as transformers' {@code pipeline(task, model=...)}.
 */
public final class Pipeline {

  private Pipeline() {}

  /**
   * {@code pipeline('text-generation', model=model)}: {@code model} is a folder holding
   * config.json, model.safetensors, vocab.json and merges.txt, or a Hub id found in the local
   * Hugging Face cache (see {@link ModelHub}).
   */
  public static TextGenerationPipeline textGeneration(String model) throws IOException {
    return textGeneration(model, ModelHub.fromEnvironment());
  }

  /** {@link #textGeneration(String)} looking in a given cache. */
  public static TextGenerationPipeline textGeneration(String model, ModelHub hub) throws IOException {
    Path folder = hub.resolveOrDownload(model, ProgressListener.NONE);
    return new TextGenerationPipeline(model, GPT2Model.fromPretrained(folder),
        GPT2Tokenizer.fromPretrained(folder));
  }
}
