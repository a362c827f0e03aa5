package semaine.nn.gpt2;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import semaine.nn.hub.HubUnreachableException;
import semaine.nn.hub.ModelHub;
import semaine.nn.hub.ProgressListener;

/**
 * Builds pipelines from a model name, as transformers' {@code pipeline(task, model=...)}.
 */
public final class Pipeline {

  private Pipeline() {}

  /**
   * {@code pipeline('text-generation', model=model)}: {@code model} is a folder holding
   * config.json, model.safetensors, vocab.json and merges.txt, a Hub id found in the Hugging Face
   * cache or downloaded into it (see {@link ModelHub}), or {@code moby-dick}, the
   * {@link EmbeddedModel}.
   *
   * <p>When a Hub id is neither cached nor downloadable (HF_HUB_OFFLINE, or the Hub out of
   * reach), the pipeline falls back to the embedded model and says so in a warning (logger
   * {@code semaine.nn.gpt2.Pipeline}) and in {@link TextGenerationPipeline#notice()}. Other
   * failures (a missing folder, an unknown or gated repository, a corrupt download) are thrown.
   */
  public static TextGenerationPipeline textGeneration(String model) throws IOException {
    return textGeneration(model, ModelHub.fromEnvironment());
  }

  /** {@link #textGeneration(String)} looking in a given cache. */
  public static TextGenerationPipeline textGeneration(String model, ModelHub hub) throws IOException {
    return textGeneration(model, hub, ProgressListener.NONE);
  }

  /** {@link #textGeneration(String, ModelHub)} telling {@code listener} how downloads progress. */
  public static TextGenerationPipeline textGeneration(String model, ModelHub hub,
      ProgressListener listener) throws IOException {
    if (EmbeddedModel.isEmbedded(model)) {
      return EmbeddedModel.pipeline();
    }
    Path folder;
    try {
      folder = hub.resolveOrDownload(model, listener);
    } catch (FileNotFoundException | HubUnreachableException e) {
      if (!ModelHub.isHubId(model) || Files.exists(Path.of(model))) {
        throw e;
      }
      String notice = e.getMessage() + ". Using semaine's small embedded model \""
          + EmbeddedModel.NAME + "\" (trained on Moby-Dick) instead.";
      System.getLogger(Pipeline.class.getName()).log(System.Logger.Level.WARNING, notice);
      return EmbeddedModel.pipeline().withNotice(notice);
    }
    return TextGenerationPipeline.fromPretrained(model, folder);
  }
}
