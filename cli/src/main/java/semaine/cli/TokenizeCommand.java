package semaine.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.nn.gpt2.EmbeddedModel;
import semaine.nn.gpt2.GPT2Tokenizer;
import semaine.nn.hub.ModelHub;
import semaine.util.AtomicFiles;

/**
 * {@code semaine tokenize "TEXT" [--model gpt2|DIR]}: GPT-2's token ids and token strings of a
 * text, as transformers' {@code GPT2Tokenizer}. JSON: {@code ids}, {@code tokens}, {@code model}.
 *
 * <p>{@code semaine tokenize --file F [--out IDS]}: the ids of a UTF-8 file of any size, one per
 * line, read and encoded block by block ({@link GPT2Tokenizer#encode(Reader, int, IntConsumer)}:
 * the same ids as the whole text) and written as they come, to IDS atomically or to standard
 * output. JSON: {@code tokens}, {@code characters}, {@code bytes}, {@code seconds},
 * {@code mb_per_s}, {@code out}.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = "Split a text (or a file, streamed) into GPT-2 tokens (byte-level BPE) and print"
        + " their ids.")
public final class TokenizeCommand extends ResultCommand {

  /** Characters read per block from a file. */
  static final int BLOCK_CHARS = 1 << 20;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT",
      description = "The text to tokenize (or give --file).")
  String text;

  @Option(names = "--file", paramLabel = "F",
      description = "Tokenize this UTF-8 file, block by block, instead of TEXT.")
  Path file;

  @Option(names = "--out", paramLabel = "IDS",
      description = "With --file: write the ids here, one per line (atomically).")
  Path out;

  @Option(names = "--model", defaultValue = "gpt2", paramLabel = "gpt2|DIR",
      description = "A model folder (vocab.json, merges.txt), a Hub id in the Hugging Face cache, "
          + "or moby-dick, the model built into semaine (default: ${DEFAULT-VALUE}).")
  String model;

  @Override
  protected Result compute() throws Exception {
    if ((text == null) == (file == null)) {
      throw new UsageException("give a TEXT or --file F (one of them)");
    }
    if (out != null && file == null) {
      throw new UsageException("--out writes the ids of --file F; give --file");
    }
    if (file != null && out == null && json()) {
      throw new UsageException("--json with --file reports counts: give --out IDS for the ids");
    }
    GPT2Tokenizer tokenizer = EmbeddedModel.isEmbedded(model)
        ? EmbeddedModel.pipeline().tokenizer()
        : GPT2Tokenizer.fromPretrained(ModelHub.fromEnvironment().resolve(model));
    return file != null ? streamed(tokenizer) : inMemory(tokenizer);
  }

  private Result inMemory(GPT2Tokenizer tokenizer) {
    int[] ids = tokenizer.encode(text);
    List<String> tokens = tokenizer.tokenize(text);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ids", ids);
    json.put("tokens", tokens);
    json.put("model", model);
    return new Result(json, o -> {
      o.println(ids.length + " tokens");
      for (int i = 0; i < ids.length; i++) {
        o.printf("%6d  %s%n", ids[i], tokens.get(i));
      }
    });
  }

  /** The file's ids, one per line, to --out or to standard output, as they are encoded. */
  private Result streamed(GPT2Tokenizer tokenizer) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("--file " + file + ": " + (Files.exists(file) ? "not a file"
          : "no such file"));
    }
    if (out != null) {
      try {
        AtomicFiles.checkFile(out, false);
      } catch (IOException e) {
        throw new UsageException("--out " + out + ": " + e.getMessage());
      }
    }
    long[] counts = new long[2];
    long start = System.nanoTime();
    if (out != null) {
      AtomicFiles.write(out, stream -> {
        var writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8),
            1 << 16);
        encode(tokenizer, writer, counts);
        writer.flush();
      });
    } else {
      PrintWriter stdout = spec.commandLine().getOut();
      encode(tokenizer, stdout, counts);
      stdout.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long bytes = Files.size(file);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", model);
    json.put("file", file.toString());
    json.put("tokens", counts[0]);
    json.put("characters", counts[1]);
    json.put("bytes", bytes);
    json.put("seconds", seconds);
    json.put("mb_per_s", bytes / 1e6 / seconds);
    if (out != null) {
      json.put("out", out.toString());
    }
    return new Result(json, o -> {
      if (out != null) {
        o.printf(Locale.ROOT, "%d tokens from %d characters of %s written to %s (%.1f MB/s)%n",
            counts[0], counts[1], file, out, bytes / 1e6 / seconds);
      }
    });
  }

  private void encode(GPT2Tokenizer tokenizer, java.io.Writer writer, long[] counts)
      throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      IOException[] failed = new IOException[1];
      counts[1] = tokenizer.encode(reader, BLOCK_CHARS, id -> {
        if (failed[0] != null) {
          return;
        }
        line.setLength(0);
        line.append(id).append('\n');
        try {
          writer.append(line);
        } catch (IOException e) {
          failed[0] = e;
        }
        counts[0]++;
      });
      if (failed[0] != null) {
        throw failed[0];
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UsageException("--file " + file + " is not UTF-8 text: " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new UsageException("--file " + file + ": no such file");
    }
  }
}
