package semaine.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import semaine.data.Csv;
import semaine.decomposition.PCA;

/**
 * {@code semaine decompose FILE --pca N [--out F]}: the principal components of a CSV file's
 * features (scikit-learn's PCA), the book's day 1 digits in two dimensions.
 *
 * <p>Every column is a feature unless named in {@code --drop} or {@code --target} (a label column
 * to leave out). {@code --pca} is {@code n_components}: a number of components, a fraction of the
 * variance in (0, 1), or mle. The projection goes to {@code --out} as CSV (columns pc1, pc2...) or
 * into the JSON; JSON: {@code n_components, explained_variance_ratio, projection} (without
 * {@code --out}), {@code fit_seconds, params, attributes}.
 */
@Command(name = "decompose", mixinStandardHelpOptions = true,
    description = "Principal component analysis of a CSV file (scikit-learn's PCA).")
public final class DecomposeCommand extends ResultCommand {

  @Mixin
  FitInput input;

  @Option(names = "--pca", required = true, paramLabel = "N|F|mle",
      description = "n_components: the number of components, a fraction of the variance to keep"
          + " in (0, 1), or mle (Minka's choice).")
  String pca;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the projection to FILE as CSV (columns pc1, pc2, ...).")
  Path out;

  @Override
  protected Result compute() {
    PCA model = input.configure(new PCA(), new FitInput.Shorthand("--pca", "n_components", pca));
    double[][] X = input.features();
    long t0 = System.nanoTime();
    double[][] Z = FitInput.fit(() -> model.fitTransform(X));
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    input.save(model, input.featureNames(), List.of());
    String[] header = new String[Z[0].length];
    for (int c = 0; c < header.length; c++) {
      header[c] = "pc" + (c + 1);
    }
    if (out != null) {
      Csv.write(out, header, Z);
    }
    double[] ratio = model.explainedVarianceRatio();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("n_components", model.nComponentsFitted());
    json.put("explained_variance_ratio", ratio);
    if (out == null) {
      json.put("projection", Z);
    } else {
      json.put("out", out.toString());
    }
    json.put("fit_seconds", fitSeconds);
    json.put("params", ModelRegistry.params(model));
    json.put("attributes", model.attributes());
    return new Result(json, text -> {
      text.println(model.nComponentsFitted() + " component(s) of " + X[0].length + " features ("
          + model.fitSvdSolver() + " solver), " + X.length + " rows");
      double cumulative = 0;
      for (int c = 0; c < ratio.length; c++) {
        cumulative += ratio[c];
        text.printf(java.util.Locale.ROOT, "pc%d  explained variance ratio %.6f  (cumulative %.6f)%n",
            c + 1, ratio[c], cumulative);
      }
      if (out != null) {
        text.println("wrote the projection to " + out);
      }
    });
  }
}
