package semaine.nn.gpt2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.random.RandomGenerator;

/**
 * Text in, text out: transformers' {@code pipeline('text-generation')} for GPT-2 models.
 *
 * <p>The prompt is encoded without special tokens, continued by {@link Generator} with the
 * pipeline's settings ({@link #defaults()}: {@link GenerationConfig#DEFAULT}, sampling, top-k 50,
 * 50 tokens in total, unless the model's {@code generation_config.json} says otherwise)
 * changed by the given options, and each sequence decoded with special tokens skipped. As with
 * {@code return_full_text=True} (the default), the text is the original prompt followed by the
 * decoded new tokens; {@code RETURN_FULL_TEXT.of(false)} returns the new text alone. Transformers 5.x no longer removes spaces before punctuation in GPT-2 text; neither do we.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var generator = Pipeline.textGeneration("gpt2");
 * Transformers.setSeed(42);
 * generator.generate("I loved reading that book.", MAX_LENGTH.of(50), NUM_RETURN_SEQUENCES.of(1));
 * }</pre>
 */
public final class TextGenerationPipeline {

  private final String name;
  private final GPT2LMHeadModel model;
  private final GPT2Tokenizer tokenizer;
  private final Generator generator;
  private final GenerationConfig defaults;
  private final String notice;

  /** A pipeline with the classic gpt2 settings, {@link GenerationConfig#DEFAULT}. */
  public TextGenerationPipeline(String name, GPT2LMHeadModel model, GPT2Tokenizer tokenizer) {
    this(name, model, tokenizer, GenerationConfig.DEFAULT, null);
  }

  private TextGenerationPipeline(String name, GPT2LMHeadModel model, GPT2Tokenizer tokenizer,
      GenerationConfig defaults, String notice) {
    this.name = name;
    this.model = model;
    this.tokenizer = tokenizer;
    this.generator = new Generator(model);
    this.defaults = defaults;
    this.notice = notice;
  }

  /**
   * The pipeline of a Hugging Face model folder: its weights, its tokenizer, and the classic
   * settings changed by its {@code generation_config.json}.
   */
  public static TextGenerationPipeline fromPretrained(String name, Path folder) throws IOException {
    return new TextGenerationPipeline(name, GPT2LMHeadModel.fromPretrained(folder),
        GPT2Tokenizer.fromPretrained(folder), GenerationConfig.DEFAULT.withPretrained(folder), null);
  }

  /** This pipeline with a notice saying why it runs this model rather than the one asked for. */
  TextGenerationPipeline withNotice(String notice) {
    return new TextGenerationPipeline(name, model, tokenizer, defaults, notice);
  }

  /** The settings {@link #generate(String, GenerationOption...)} starts from. */
  public GenerationConfig defaults() {
    return defaults;
  }

  /** Why this pipeline's model is not the one asked for (the embedded fallback), or empty. */
  public java.util.Optional<String> notice() {
    return java.util.Optional.ofNullable(notice);
  }

  /** Continues {@code prompt} with the pipeline defaults changed by {@code options}. */
  public List<GeneratedText> generate(String prompt, GenerationOption... options) {
    return generate(prompt, defaults.with(options), Transformers.random(), (text, sequence) -> {});
  }

  /**
   * Continues {@code prompt}; {@code random} draws the samples and {@code streamer} receives the
   * new text of each sequence (0-based) piece by piece as tokens arrive (a character split over
   * tokens is held back until complete).
   */
  public List<GeneratedText> generate(String prompt, GenerationConfig config, RandomGenerator random,
      ObjIntConsumer<String> streamer) {
    int[] promptIds = tokenizer.encode(prompt);
    TextStream stream = new TextStream(streamer);
    List<int[]> sequences = generator.generate(promptIds, config, random, stream::put);
    List<GeneratedText> out = new ArrayList<>();
    for (int[] ids : sequences) {
      String added = tokenizer.decode(Arrays.copyOfRange(ids, promptIds.length, ids.length), true);
      out.add(new GeneratedText(config.booleanValue(GenerationParameter.RETURN_FULL_TEXT) ? prompt + added : added, ids));
    }
    return out;
  }

  /**
   * The probability of every token of the vocabulary to come next after {@code prompt}:
   * {@code softmax(logits / temperature)}, what sampling draws from before top-k or top-p.
   */
  public double[] nextTokenProbabilities(String prompt, double temperature) {
    GenerationParameter.TEMPERATURE.check(temperature);
    int[] ids = tokenizer.encode(prompt);
    if (ids.length == 0) {
      throw new IllegalArgumentException("prompt (\"\") must hold at least one token");
    }
    float[] logits = model.forward(model.newCache(ids.length), ids).clone();
    LogitsProcessors.requireFinite(logits, 1);
    LogitsProcessors.temperature(logits, temperature);
    return LogitsProcessors.softmax(logits);
  }

  /**
   * This pipeline with 8-bit (Q8_0) weights ({@link GPT2LMHeadModel#quantized()}): faster decoding for
   * a small logit error; off by default.
   */
  public TextGenerationPipeline quantized() {
    return model.isQuantized() ? this
        : new TextGenerationPipeline(name, model.quantized(), tokenizer, defaults, notice);
  }

  public String name() {
    return name;
  }

  public GPT2LMHeadModel model() {
    return model;
  }

  public GPT2Tokenizer tokenizer() {
    return tokenizer;
  }

  /** Turns token ids into text pieces, holding back an incomplete UTF-8 character. */
  private final class TextStream {
    private final ObjIntConsumer<String> sink;
    private final List<Integer> ids = new ArrayList<>();
    private int sequence;
    private int emitted;

    TextStream(ObjIntConsumer<String> sink) {
      this.sink = sink;
    }

    void put(int seq, int id) {
      if (seq != sequence) {
        sequence = seq;
        ids.clear();
        emitted = 0;
      }
      ids.add(id);
      String text = tokenizer.decode(ids.stream().mapToInt(Integer::intValue).toArray(), true);
      if (!text.endsWith("\uFFFD") && text.length() > emitted) {
        sink.accept(text.substring(emitted), sequence);
        emitted = text.length();
      }
    }
  }
}
