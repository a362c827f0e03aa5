package semaine.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.base.Classifier;
import semaine.base.Estimator;
import semaine.base.Models;
import semaine.data.CsvBlock;
import semaine.data.Csv;
import semaine.data.CsvReader;
import semaine.data.CsvTable;
import semaine.pipeline.Pipeline;
import semaine.util.AtomicFiles;

/**
 * {@code semaine predict MODEL.semaine DATA.csv [--proba] [--drop A,B] [--out F]}: applies a saved
 * model to the rows of a CSV file, by the model's role (see {@link Answers}).
 *
 * <p>The file must have the model's feature columns, by name and in the order the model was fitted
 * on; a missing column, or one the model does not know (leave it out with {@code --drop}), is a
 * usage error naming it. The file is read in blocks of rows, each answered and written before the
 * next is read: with {@code --out F} (a CSV file, written atomically) or as text, a file larger
 * than memory is scored in the memory of one block, rows out in the order of rows in. JSON:
 * {@code predictions}, {@code probabilities} (with {@code --proba}), {@code scores} (outlier
 * detectors) — or, with {@code --out}, {@code out} and {@code rows} — then {@code estimator},
 * {@code predict_seconds} and {@code megabytes_per_second} (DATA's size over the whole pass).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Apply a model saved with --save to the rows of a CSV file.")
public final class PredictCommand extends ResultCommand {

  /** Rows per block: large enough for the models' batched kernels, small beside any heap. */
  static final int BLOCK_ROWS = 16_384;

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model file (.semaine).")
  Path model;

  @Parameters(index = "1", paramLabel = "DATA", description = "CSV file with the model's features;"
      + " - for standard input (a named pipe is read as a stream too).")
  Path data;

  @Option(names = "--proba", description = "Also give each class's probability (classifiers).")
  boolean proba;

  @Option(names = "--drop", split = ",", paramLabel = "A,B",
      description = "Columns of DATA to leave out (a target column, an id...).")
  List<String> drop = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE.csv",
      description = "Write the answers to this CSV file (atomically), one row per row of DATA.")
  Path out;

  private long bytesRead; // of a stream

  @Override
  protected Result compute() throws IOException {
    Models.ModelInfo info = FitInput.fit(() -> Models.inspect(model));
    Estimator estimator = FitInput.fit(() -> Models.load(model));
    if (proba && !(estimator instanceof Classifier)) {
      throw new UsageException("--proba: " + model + " holds a "
          + estimator.getClass().getSimpleName() + ", not a classifier");
    }
    if (out != null) {
      FitInput.fit(() -> checkOut(out));
    }
    Answers.Model answering = Answers.Model.of(estimator, info.classNames(), proba);
    // a stream's header is met with its first block (reading it first would consume it)
    List<String> features = stream() ? info.featureNames()
        : features(info, FitInput.fit(() -> CsvReader.header(data)));
    Map<String, Object> json = new LinkedHashMap<>();
    long start = System.nanoTime();
    Consumer<PrintWriter> human;
    if (out != null) {
      long[] rows = new long[1];
      AtomicFiles.write(out, stream -> {
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        forEachAnswer(answering, features, (answers, first) -> {
          if (first) {
            writer.write(String.join(",", answering.header(answers.width())) + "\n");
          }
          StringBuilder text = new StringBuilder();
          for (int i = 0; i < answers.size(); i++) {
            answers.csv(i, text);
          }
          writer.write(text.toString());
          rows[0] += answers.size();
        });
        writer.flush();
      });
      json.put("out", out.toString());
      json.put("rows", rows[0]);
      human = o -> o.printf(Locale.ROOT, "%d rows answered in %s%n", rows[0], out);
    } else if (json()) {
      List<Answers> blocks = new ArrayList<>();
      forEachAnswer(answering, features, (answers, first) -> blocks.add(answers));
      Answers.concat(blocks).putJson(json);
      human = o -> {};
    } else {
      human = o -> forEachAnswer(answering, features, (answers, first) -> {
        StringBuilder text = new StringBuilder(); // a block's lines in one write
        for (int i = 0; i < answers.size(); i++) {
          text.append(answers.line(i)).append(System.lineSeparator());
        }
        o.print(text);
      });
    }
    double seconds = (System.nanoTime() - start) / 1e9; // the text form answers while printing
    json.put("estimator", estimator.sklearnName());
    json.put("predict_seconds", seconds);
    json.put("megabytes_per_second", (stream() ? bytesRead : Files.size(data)) / 1e6 / seconds);
    return new Result(json, human);
  }

  /** What is done with each block's answers; {@code first} for the first block. */
  @FunctionalInterface
  private interface AnswerSink {
    void accept(Answers answers, boolean first) throws IOException;
  }

  /** Reads DATA block by block and gives each block's answers to {@code sink}, in file order. */
  private void forEachAnswer(Answers.Model answering, List<String> features, AnswerSink sink) {
    if (answering.estimator() instanceof Pipeline<?> pipeline && pipeline.readsText()) {
      // the model encodes text columns: DATA is read whole, its fields kept for the encoder
      FitInput.fit(() -> {
        CsvTable table = stream() ? Csv.parse(readWhole(), name()) : Csv.read(data);
        String[][] fields = table.toFields(features, null, new LinkedHashSet<>(drop));
        try {
          sink.accept(answering.answer(Features.of(fields, features)), true);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      });
      return;
    }
    boolean[] first = {true};
    Consumer<CsvBlock> answer = block -> {
      if (first[0] && !features.isEmpty() && !block.columns().equals(features)) {
        throw new UsageException(name() + " has feature columns " + block.columns() + " but the"
            + " model in " + model + " was fitted on " + features + ": they must be the same,"
            + " in the same order");
      }
      try {
        sink.accept(novelty(() -> answering.answer(block.X())), first[0]);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      first[0] = false;
    };
    FitInput.fit(() -> {
      if (stream()) {
        readStream(answer);
      } else {
        CsvReader.forEachBlock(data, BLOCK_ROWS, new LinkedHashSet<>(drop), true, answer);
      }
      return null;
    });
  }

  /** DATA as error messages name it. */
  private String name() {
    return data.toString().equals("-") ? "standard input" : data.toString();
  }

  /** True when DATA is read as a stream: {@code -} (standard input) or a named pipe. */
  private boolean stream() {
    return data.toString().equals("-") || Files.exists(data) && !Files.isRegularFile(data)
        && !Files.isDirectory(data);
  }

  /** Reads DATA as a stream, counting its bytes into {@link #bytesRead}. */
  private void readStream(Consumer<CsvBlock> answer) {
    withStream(in -> CsvReader.forEachBlock(in, name(), BLOCK_ROWS,
        new LinkedHashSet<>(drop), true, answer));
  }

  /**
   * A stream's whole text, for a model that encodes text columns (its encoder needs every
   * field of the rows it answers, so the rows are held, as for a file).
   */
  private String readWhole() {
    String[] text = new String[1];
    withStream(in -> text[0] = new String(in.readAllBytes(), StandardCharsets.UTF_8));
    return text[0];
  }

  /** What reads DATA's stream. */
  @FunctionalInterface
  private interface StreamReader {
    void read(InputStream in) throws IOException;
  }

  /** Opens DATA as a stream counting its bytes into {@link #bytesRead}, for {@code reader}. */
  private void withStream(StreamReader reader) {
    boolean stdin = data.toString().equals("-");
    // standard input is left open (it is the process's); a pipe opened here is closed
    try (InputStream opened = stdin ? null : Files.newInputStream(data)) {
      InputStream in = stdin ? System.in : opened;
      reader.read(new FilterInputStream(in) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          bytesRead += Math.max(n, 0);
          return n;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + data, e);
    }
  }

  private static Void checkOut(Path out) {
    try {
      AtomicFiles.checkFile(out, false);
      return null;
    } catch (IOException e) {
      throw new UsageException("--out " + out + ": " + e.getMessage());
    }
  }

  /**
   * The model's feature columns, after checking that DATA has each of them and no other (besides
   * {@code --drop}); all columns when the model was saved without names.
   */
  private List<String> features(Models.ModelInfo info, List<String> header) {
    Set<String> columns = new LinkedHashSet<>(header);
    for (String d : drop) {
      if (!columns.remove(d)) {
        throw new UsageException("--drop '" + d + "': no column named '" + d + "' in " + data);
      }
    }
    List<String> wanted = info.featureNames();
    if (wanted.isEmpty()) {
      return List.copyOf(columns);
    }
    for (String name : wanted) {
      if (!columns.contains(name)) {
        throw new UsageException(data + " has no column '" + name + "', a feature of the model in "
            + model + " (its features: " + String.join(", ", wanted) + ")");
      }
    }
    for (String name : columns) {
      if (!wanted.contains(name)) {
        throw new UsageException(data + " has a column '" + name + "' that the model in " + model
            + " was not fitted on: leave it out with --drop " + name);
      }
    }
    return wanted;
  }

  private <T> T novelty(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalStateException e) {
      String hint = e.getMessage().contains("novelty")
          ? " (on the command line: outliers --method lof --param novelty=true --save FILE)" : "";
      throw new UsageException(model + ": " + e.getMessage() + hint);
    }
  }
}
