package semaine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.nn.gpt2.BpeTrainer;
import semaine.nn.gpt2.GPT2Config;
import semaine.nn.gpt2.TrainableGPT2LMHeadModel;
import semaine.nn.gpt2.GPT2Trainer;
import semaine.random.RandomState;
import semaine.util.AtomicFiles;
import semaine.util.Json;
import semaine.util.OutputPathException;

/**
 * {@code semaine nn train-gpt2 TEXT... --out DIR}: learns a byte-level BPE vocabulary from text
 * files, trains a small GPT-2 on them with semaine's own autograd, and writes a Hugging Face model
 * folder that {@code semaine generate --model DIR} (and transformers) load. The embedded model is
 * made this way ({@code models/embedded/train.sh}).
 *
 * <p>The folder is written whole into a temporary sibling and then swapped in, so a failure or a
 * kill leaves the old folder as it was; a non-empty folder that is not a model folder is replaced only
 * with {@code --force}. The folder also gets {@code training.json}: the corpus files with their SHA-256, the settings
 * and the losses. JSON output: {@code parameters}, {@code vocab_size}, {@code train_tokens},
 * {@code validation_tokens}, {@code train_loss}, {@code validation_loss} (nats per token, over the
 * held-out end of the text), {@code history}, {@code seconds}, {@code out}.
 */
@Command(name = "train-gpt2", mixinStandardHelpOptions = true,
    description = "Train a small GPT-2 (own BPE vocabulary) on text files and save it as a model "
        + "folder for `semaine generate --model DIR`.")
final class TrainGpt2Command extends ResultCommand {

  @Parameters(paramLabel = "TEXT", arity = "1..*",
      description = "UTF-8 text files, joined in this order by blank lines.")
  List<Path> texts;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The model folder to write, whole; an existing model folder is replaced.")
  Path out;

  @Option(names = "--force",
      description = "Replace --out even when it is a non-empty folder that is not a model folder.")
  boolean force;

  @Option(names = "--vocab-size", converter = Options.PositiveInt.class, defaultValue = "2048",
      description = "Tokens in the BPE vocabulary, end-of-text included (default: ${DEFAULT-VALUE}).")
  int vocabSize;

  @Option(names = "--layers", converter = Options.PositiveInt.class, defaultValue = "4",
      description = "Transformer blocks (default: ${DEFAULT-VALUE}).")
  int layers;

  @Option(names = "--heads", converter = Options.PositiveInt.class, defaultValue = "4",
      description = "Attention heads (default: ${DEFAULT-VALUE}).")
  int heads;

  @Option(names = "--embd", converter = Options.PositiveInt.class, defaultValue = "128",
      description = "Channels, a multiple of --heads (default: ${DEFAULT-VALUE}).")
  int embd;

  @Option(names = "--context", converter = Options.PositiveInt.class, defaultValue = "128",
      description = "Positions: the longest text the model reads (default: ${DEFAULT-VALUE}).")
  int context;

  @Option(names = "--steps", converter = Options.PositiveInt.class, defaultValue = "2000",
      description = "Optimisation steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--batch-size", converter = Options.PositiveInt.class, defaultValue = "16",
      description = "Windows of --context tokens per step (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--learning-rate", converter = Options.PositiveDouble.class,
      defaultValue = "0.003", description = "Peak AdamW rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--validation", converter = Options.PositiveDouble.class, defaultValue = "0.1",
      description = "Share of the text held out from its end (default: ${DEFAULT-VALUE}).")
  double validation;

  @Option(names = "--seed", converter = Options.Seed.class, defaultValue = "0",
      description = "Seed of the weights and of the training windows (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  protected Result compute() throws IOException {
    if (validation >= 1) {
      throw new UsageException("--validation (" + validation + ") must be below 1: it is the share"
          + " of the text held out, and the rest is trained on");
    }
    if (embd % heads != 0) {
      throw new UsageException("--embd (" + embd + ") must be a multiple of --heads (" + heads + ")");
    }
    checkOut();
    StringBuilder text = new StringBuilder();
    List<Map<String, Object>> corpus = new ArrayList<>();
    for (Path file : texts) {
      byte[] bytes = Files.readAllBytes(file);
      text.append(text.isEmpty() ? "" : "\n\n").append(new String(bytes, StandardCharsets.UTF_8));
      corpus.add(Map.of("file", file.getFileName().toString(), "sha256", sha256(bytes)));
    }
    BpeTrainer.Vocabulary vocabulary = BpeTrainer.train(text.toString(), vocabSize);
    int[] tokens = vocabulary.tokenizer().encode(text.toString());
    int vocab = vocabulary.vocab().size();
    GPT2Config config = new GPT2Config(layers, heads, embd, 4 * embd, context, vocab, 1e-5, false,
        vocab - 1);
    RandomState random = new RandomState(seed);
    TrainableGPT2LMHeadModel model = new TrainableGPT2LMHeadModel(config, random);
    var settings = new GPT2Trainer.Settings(steps, batchSize, learningRate, learningRate / 10,
        Math.min(100, steps / 10), 0.1, validation, Math.max(1, steps / 20), seed);
    Progress bar = new Progress(log(), steps, "steps");
    GPT2Trainer.Report report;
    try {
      report = GPT2Trainer.train(model, tokens, settings, random,
          (step, loss, lr) -> bar.update(step, "loss", loss));
    } finally {
      bar.finish();
    }
    long parameters = model.parameters().stream().mapToLong(p -> p.numel()).sum();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("parameters", parameters);
    json.put("vocab_size", vocab);
    json.put("train_tokens", report.trainTokens());
    json.put("validation_tokens", report.validationTokens());
    json.put("train_loss", report.trainLoss());
    json.put("validation_loss", report.validationLoss());
    json.put("history", report.history().stream().map(p -> Map.of("step", p.step(),
        "train_loss", p.trainLoss(), "validation_loss", p.validationLoss())).toList());
    json.put("seconds", report.seconds());
    json.put("out", out.toString());
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("corpus", corpus);
    provenance.put("settings", Map.of("steps", steps, "batch_size", batchSize, "learning_rate",
        learningRate, "validation", validation, "seed", seed));
    provenance.putAll(json);
    provenance.remove("out");
    AtomicFiles.writeFolder(out, folder -> {
      model.savePretrained(folder);
      vocabulary.save(folder);
      Files.writeString(folder.resolve("training.json"), Json.write(provenance) + "\n");
    });
    return new Result(json, o -> o.printf(Locale.ROOT, "GPT-2 of %d layers, %d heads, %d channels,"
        + " %d positions, %d tokens: %,d parameters%n%,d training tokens, %d steps in %.0f s%n"
        + "loss %.3f (training), %.3f (validation, %,d held-out tokens)%nsaved to %s%n",
        layers, heads, embd, context, vocab, parameters, report.trainTokens(), steps,
        report.seconds(), report.trainLoss(), report.validationLoss(), report.validationTokens(),
        out));
  }

  /**
   * Refuses, before training, an {@code --out} that is a file, or a non-empty folder that is not a
   * model folder (no {@code config.json} beside weights) unless {@code --force} is given.
   */
  private void checkOut() throws IOException {
    Path folder = AtomicFiles.checkFolder(out);
    if (!force && !AtomicFiles.isAbsentOrEmpty(folder) && !isModelFolder(folder)) {
      throw new OutputPathException(out, "is a non-empty folder that is not a model folder (no"
          + " config.json and weights): --out replaces the folder whole; pass --force to replace it");
    }
  }

  /** A Hugging Face model folder: {@code config.json} and weights. */
  static boolean isModelFolder(Path folder) {
    return Files.isRegularFile(folder.resolve("config.json"))
        && (Files.isRegularFile(folder.resolve("model.safetensors"))
            || Files.isRegularFile(folder.resolve("pytorch_model.bin")));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
