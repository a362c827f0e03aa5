package semaine.cli.tour;

import static semaine.nn.gpt2.GenerationParameter.DO_SAMPLE;
import static semaine.nn.gpt2.GenerationParameter.MAX_LENGTH;
import static semaine.nn.gpt2.GenerationParameter.NUM_RETURN_SEQUENCES;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import semaine.nn.gpt2.EmbeddedModel;
import semaine.nn.gpt2.GPT2Tokenizer;
import semaine.nn.gpt2.GeneratedText;
import semaine.nn.gpt2.TextGenerationPipeline;
import semaine.nn.gpt2.Transformers;
import semaine.plot.Axes;
import semaine.plot.Figure;

/**
 * Day 7's last listing, text generation, run on the model built into semaine (a small GPT-2
 * trained on <i>Moby-Dick</i>, so the tour needs no download): how the prompt becomes tokens, the
 * probabilities of the next token and what temperature does to them, greedy and sampled
 * continuations with {@code setSeed(42)}, and the model's learning curve.
 */
final class Day7Generation {

  /** The book's prompt. */
  static final String PROMPT = "I loved reading that book.";

  /** Tokens shown in the next-token figure. */
  private static final int TOP = 6;

  /** What the section shows: figures, a table of continuations, numbers. */
  record Part(List<TourFigure> figures, Table continuations, Map<String, Object> numbers) {}

  private Day7Generation() {}

  static Part run(TourContext context, Map<String, Object> numbers) throws IOException {
    TextGenerationPipeline generator = EmbeddedModel.pipeline();
    GPT2Tokenizer tokenizer = generator.tokenizer();
    int[] ids = tokenizer.encode(PROMPT);
    List<String> tokens = tokenizer.tokenize(PROMPT).stream().map(Day7Generation::visible).toList();
    numbers.put("gpt2_prompt_tokens", tokens);
    numbers.put("gpt2_prompt_ids", ids);

    List<TourFigure> figures = new ArrayList<>();
    figures.add(TourPlots.save(context, nextToken(generator), "day7-next-token.png",
        "After the prompt \"" + PROMPT + "\" (" + ids.length + " tokens: "
            + String.join(" | ", tokens) + "), the model gives every one of its "
            + tokenizer.vocabSize() + " tokens a probability, softmax(logits / T). These are the "
            + TOP + " likeliest. Greedy decoding takes the first; sampling draws from all of them. "
            + "A low temperature T sharpens the distribution (safer, more repetitive text), a high "
            + "one flattens it (more varied, less coherent text)."));

    List<List<Object>> rows = new ArrayList<>();
    long start = System.nanoTime();
    GeneratedText greedy = generator.generate(PROMPT, DO_SAMPLE.of(false)).getFirst();
    rows.add(List.of("greedy (do_sample=False)", greedy.generatedText()));
    Transformers.setSeed(42);
    List<GeneratedText> sampled = generator.generate(PROMPT, MAX_LENGTH.of(50),
        NUM_RETURN_SEQUENCES.of(3));
    double seconds = (System.nanoTime() - start) / 1e9;
    for (int i = 0; i < sampled.size(); i++) {
      rows.add(List.of("sampled, top-k 50, setSeed(42), sequence " + (i + 1),
          sampled.get(i).generatedText()));
    }
    int newTokens = greedy.ids().length - ids.length;
    for (GeneratedText g : sampled) {
      newTokens += g.ids().length - ids.length;
    }
    numbers.put("gpt2_greedy_text", greedy.generatedText());
    numbers.put("gpt2_tokens_per_second", newTokens / seconds);
    context.log(String.format(Locale.ROOT, "text generation: %d tokens in %.2f s", newTokens,
        seconds));

    Map<String, Object> report = EmbeddedModel.trainingReport();
    numbers.put("gpt2_embedded_parameters", report.get("parameters"));
    numbers.put("gpt2_embedded_validation_loss", report.get("validation_loss"));
    figures.add(TourPlots.save(context, learningCurve(report), "day7-gpt2-training.png",
        "How the embedded model learned: " + String.format(Locale.ROOT, "%,d", ((Number)
            report.get("parameters")).longValue()) + " parameters trained by semaine.nn "
            + "(AdamW, cosine schedule) to predict the next token of Moby-Dick. The loss is the "
            + "cross-entropy in nats per token; on the last 10 % of the book, never trained on, it "
            + "ends at " + String.format(Locale.ROOT, "%.2f", ((Number)
            report.get("validation_loss")).doubleValue()) + " (a perplexity of "
            + String.format(Locale.ROOT, "%.0f", Math.exp(((Number)
            report.get("validation_loss")).doubleValue())) + " tokens). Real GPT-2 has 124 million "
            + "parameters and read 40 GB of web text; `semaine generate --model gpt2` uses it "
            + "when it is in the Hugging Face cache."));
    Table table = new Table("Continuations of \"" + PROMPT + "\" by the embedded model "
        + "(pipeline('text-generation'), max_length=50)", List.of("decoding", "text"), rows);
    return new Part(figures, table, numbers);
  }

  /** The top next-token probabilities at temperatures 0.5, 1 and 2, one panel each. */
  static Figure nextToken(TextGenerationPipeline generator) {
    double[] ts = {0.5, 1, 2};
    double[][] probabilities = new double[ts.length][];
    for (int p = 0; p < ts.length; p++) {
      probabilities[p] = generator.nextTokenProbabilities(PROMPT, ts[p]);
    }
    double[] plain = probabilities[1];
    Integer[] order = new Integer[plain.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(plain[b], plain[a]));
    String[] labels = new String[TOP];
    for (int i = 0; i < TOP; i++) {
      labels[i] = visible(generator.tokenizer().idToToken(order[i]));
    }
    Figure fig = Figure.create(1200, 420);
    Axes[][] grid = fig.subplots(1, 3);
    double top0 = probabilities[0][order[0]];
    for (int p = 0; p < ts.length; p++) {
      double[] top = new double[TOP];
      for (int i = 0; i < TOP; i++) {
        top[i] = probabilities[p][order[i]];
      }
      Axes ax = grid[0][p];
      ax.bar(labels, top).color("C" + p);
      ax.title(String.format(Locale.ROOT, "T = %s", ts[p] == 1 ? "1" : String.valueOf(ts[p])))
          .ylim(0, Math.min(1, 1.15 * top0)).grid(true);
      if (p == 0) {
        ax.ylabel("probability of the next token");
      }
    }
    return fig;
  }

  /** The training and validation loss recorded while the embedded model was trained. */
  static Figure learningCurve(Map<String, Object> report) {
    List<?> history = (List<?>) report.get("history");
    double[] steps = new double[history.size()];
    double[] train = new double[history.size()];
    double[] validation = new double[history.size()];
    for (int i = 0; i < steps.length; i++) {
      Map<?, ?> point = (Map<?, ?>) history.get(i);
      steps[i] = ((Number) point.get("step")).doubleValue();
      train[i] = ((Number) point.get("train_loss")).doubleValue();
      validation[i] = ((Number) point.get("validation_loss")).doubleValue();
    }
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.plot(steps, train).label("training windows (mean since the last point)");
    ax.plot(steps, validation).label("held-out end of the book");
    ax.title("The embedded GPT-2 learning Moby-Dick").xlabel("step")
        .ylabel("cross-entropy (nats per token)").grid(true).legend();
    return fig;
  }

  /** A token string with GPT-2's byte characters for space and newline shown as ␣ and ↵. */
  static String visible(String token) {
    return token.replace('Ġ', '␣').replace("Ċ", "↵");
  }
}
