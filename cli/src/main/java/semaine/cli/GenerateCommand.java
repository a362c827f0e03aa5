package semaine.cli;

import static semaine.nn.gpt2.GenerationParameter.DO_SAMPLE;
import static semaine.nn.gpt2.GenerationParameter.MAX_LENGTH;
import static semaine.nn.gpt2.GenerationParameter.MAX_NEW_TOKENS;
import static semaine.nn.gpt2.GenerationParameter.NUM_RETURN_SEQUENCES;
import static semaine.nn.gpt2.GenerationParameter.REPETITION_PENALTY;
import static semaine.nn.gpt2.GenerationParameter.TEMPERATURE;
import static semaine.nn.gpt2.GenerationParameter.TOP_K;
import static semaine.nn.gpt2.GenerationParameter.TOP_P;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.nn.gpt2.GeneratedText;
import semaine.nn.gpt2.GenerationConfig;
import semaine.nn.gpt2.GenerationOption;
import semaine.nn.gpt2.GenerationParameter;
import semaine.nn.gpt2.Pipeline;
import semaine.nn.gpt2.TextGenerationPipeline;
import semaine.nn.gpt2.Transformers;
import semaine.nn.hub.ModelHub;

/**
 * {@code semaine generate "PROMPT"}: continues a prompt with GPT-2, as the book's
 * {@code pipeline('text-generation', model='gpt2')}. Defaults are the classic pipeline's
 * (sampling, top-k 50, 50 tokens in total); {@code --greedy} takes the most likely token.
 *
 * <p>A Hub id missing from the Hugging Face cache is downloaded into it first (see
 * {@link ModelHub#resolveOrDownload}), with a progress bar on stderr for big files when stderr is a
 * terminal. Without {@code --json} the text streams to stdout as it is generated and the speed goes
 * to stderr. JSON: {@code generated} (a list of {@code text}, {@code ids}), {@code prompt_ids},
 * {@code tokens_per_second} (new tokens over the whole generation time, prompt included),
 * {@code time_to_first_token_seconds}, {@code model} (the model used), {@code notice} (only when
 * the embedded model stood in for a Hub model out of reach), {@code q8} (8-bit weights),
 * {@code seed} (null when none was given).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Continue a prompt with GPT-2 (text generation, as transformers' pipeline).")
public final class GenerateCommand extends ResultCommand {

  @Parameters(index = "0", paramLabel = "PROMPT", description = "The text to continue.")
  String prompt;

  @Option(names = "--model", defaultValue = "gpt2", paramLabel = "gpt2|DIR",
      description = "A model folder (config.json, model.safetensors, vocab.json, merges.txt), a "
          + "Hub id (gpt2, openai-community/gpt2, distilgpt2, gpt2-medium) from the Hugging Face "
          + "cache, downloaded there when missing unless HF_HUB_OFFLINE=1, or moby-dick, the small "
          + "model built into semaine, also used when the Hub id is out of reach "
          + "(default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--max-length", converter = Options.PositiveInt.class, paramLabel = "N",
      description = "Tokens in total, prompt included (default: 50).")
  Integer maxLength;

  @Option(names = "--max-new-tokens", converter = Options.PositiveInt.class, paramLabel = "N",
      description = "Tokens to generate after the prompt (instead of --max-length).")
  Integer maxNewTokens;

  @Option(names = "--greedy", description = "Take the most likely token at each step.")
  boolean greedy;

  @Option(names = "--temperature", converter = Options.PositiveDouble.class, paramLabel = "T",
      description = "Divide the logits by T before sampling (default: 1).")
  Double temperature;

  @Option(names = "--top-k", converter = Options.NonNegativeInt.class, paramLabel = "K",
      description = "Sample among the K most likely tokens; 0 for all (default: 50).")
  Integer topK;

  @Option(names = "--top-p", converter = Options.PositiveDouble.class, paramLabel = "P",
      description = "Sample among the most likely tokens whose probabilities sum to P (default: 1).")
  Double topP;

  @Option(names = "--repetition-penalty", converter = Options.PositiveDouble.class,
      paramLabel = "R", description = "Penalise tokens already present (default: 1, off).")
  Double repetitionPenalty;

  @Option(names = "--seed", converter = Options.Seed.class, paramLabel = "S",
      description = "Seed of the sampling: the same seed gives the same text.")
  Long seed;

  @Option(names = "--num-return-sequences", converter = Options.PositiveInt.class,
      defaultValue = "1", paramLabel = "N", description = "Continuations to generate "
          + "(default: ${DEFAULT-VALUE}).")
  int numReturnSequences;

  @Option(names = "--q8", description = "Use 8-bit (Q8_0) weights: faster, with a small logit "
      + "error (off by default).")
  boolean q8;

  @Override
  protected Result compute() throws Exception {
    config(GenerationConfig.DEFAULT); // bad options fail before the model is loaded
    DownloadBar download = new DownloadBar(log());
    TextGenerationPipeline pipeline;
    try {
      pipeline = Pipeline.textGeneration(model, ModelHub.fromEnvironment(), download);
    } finally {
      download.finish();
    }
    if (q8) {
      pipeline = pipeline.quantized();
    }
    GenerationConfig config = config(pipeline.defaults());
    checkOutputFits(config, pipeline.tokenizer().encode(prompt).length);
    Progress bar = new Progress(log(), numReturnSequences, "sequences");
    RandomGenerator random = seed == null ? Transformers.newRandom(System.nanoTime())
        : Transformers.newRandom(seed);
    PrintWriter out = spec.commandLine().getOut();
    long[] firstToken = {0};
    long start = System.nanoTime();
    int[] current = {0};
    // the prompt is echoed with the first new text, so a model that fails prints nothing
    boolean[] echoed = {false};
    ObjIntConsumer<String> stream = (piece, sequence) -> {
      if (firstToken[0] == 0) {
        firstToken[0] = System.nanoTime();
      }
      if (json() && numReturnSequences > 1) {
        bar.update(sequence, "seconds", (System.nanoTime() - start) / 1e9);
      }
      if (!json()) {
        if (!echoed[0]) {
          echoed[0] = true;
          out.print(prompt);
        }
        if (sequence != current[0]) {
          current[0] = sequence;
          out.print(System.lineSeparator() + prompt);
        }
        out.print(piece);
        out.flush();
      }
    };
    List<GeneratedText> generated;
    try {
      generated = pipeline.generate(prompt, config, random, stream);
    } finally {
      if (json() && numReturnSequences > 1) {
        bar.finish();
      }
    }
    if (!json() && !echoed[0]) {
      out.print(prompt);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int[] promptIds = pipeline.tokenizer().encode(prompt);
    int count = 0;
    List<Map<String, Object>> list = new ArrayList<>();
    for (GeneratedText g : generated) {
      count += g.ids().length - promptIds.length;
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("text", g.generatedText());
      one.put("ids", g.ids());
      list.add(one);
    }
    int newTokens = count;
    double tokensPerSecond = newTokens / seconds;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("generated", list);
    json.put("prompt_ids", promptIds);
    json.put("tokens_per_second", tokensPerSecond);
    json.put("time_to_first_token_seconds", firstToken[0] == 0 ? null : (firstToken[0] - start) / 1e9);
    json.put("model", pipeline.name());
    pipeline.notice().ifPresent(notice -> json.put("notice", notice));
    json.put("q8", q8);
    json.put("seed", seed);
    return new Result(json, o -> {
      o.println();
      log().printf("%d tokens in %.2f s (%.1f tokens/s)%n", newTokens, seconds, tokensPerSecond);
    });
  }

  /**
   * Refuses, before generating, more sequences than the output can hold: every sequence is kept
   * (ids and text, about 64 bytes a token with the JSON made of them) and the JSON text is one Java
   * string (at most 2^31 - 1 characters, 16 a token at most).
   */
  private void checkOutputFits(GenerationConfig config, int promptTokens) {
    int maxNewTokens = config.intValue(GenerationParameter.MAX_NEW_TOKENS);
    long perSequence = maxNewTokens > 0 ? promptTokens + maxNewTokens
        : config.intValue(GenerationParameter.MAX_LENGTH);
    long heap = Runtime.getRuntime().maxMemory();
    long tokens = Math.min(Integer.MAX_VALUE / 16, heap / 64);
    long maximum = Math.max(1, tokens / Math.max(1, perSequence));
    if (numReturnSequences > maximum) {
      throw new UsageException("--num-return-sequences (" + numReturnSequences + ") is too large:"
          + " the maximum is " + maximum + " for up to " + perSequence + " tokens each (every"
          + " sequence is kept for the output, and " + tokens + " tokens fit in this Java heap of "
          + (heap >> 20) + " MB)");
    }
  }

  /** The settings {@code base} changed by the options given. */
  private GenerationConfig config(GenerationConfig base) {
    if (maxLength != null && maxNewTokens != null) {
      throw new UsageException("--max-length and --max-new-tokens are exclusive: give one");
    }
    if (greedy && (temperature != null || topK != null || topP != null || seed != null)) {
      throw new UsageException("--greedy takes the most likely token: it cannot be combined with "
          + "--temperature, --top-k, --top-p or --seed");
    }
    if (topP != null && topP > 1) {
      throw new UsageException("--top-p (" + topP + ") must be in (0, 1]");
    }
    if (greedy && numReturnSequences > 1) {
      throw new UsageException("--num-return-sequences (" + numReturnSequences
          + ") must be 1 with --greedy: greedy decoding gives one sequence");
    }
    List<GenerationOption> options = new ArrayList<>();
    if (greedy) {
      options.add(DO_SAMPLE.of(false));
    }
    options.add(NUM_RETURN_SEQUENCES.of(numReturnSequences));
    set(options, MAX_LENGTH, maxLength);
    set(options, MAX_NEW_TOKENS, maxNewTokens);
    set(options, TEMPERATURE, temperature);
    set(options, TOP_K, topK);
    set(options, TOP_P, topP);
    set(options, REPETITION_PENALTY, repetitionPenalty);
    return base.with(options.toArray(GenerationOption[]::new));
  }

  /** Adds {@code parameter = value} to {@code options} when the option was given. */
  private static void set(List<GenerationOption> options, GenerationParameter parameter,
      Object value) {
    if (value != null) {
      options.add(parameter.of(value));
    }
  }
}
