package semaine.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The summary of scikit-learn 1.9's {@code classification_report}: per-class precision, recall,
 * F1 and support, then accuracy and the macro and support-weighted averages. {@link #toString()}
 * renders the same text as scikit-learn (2 digits, numbers rounded as Python rounds them).
 *
 * @param perClass the per-class values
 * @param accuracy the fraction of samples predicted right
 * @param macro precision, recall, F1 averaged over classes, shape (3,)
 * @param weighted the same weighted by support, shape (3,)
 * @param total the number of samples
 */
public record ClassificationReport(PrecisionRecallF1 perClass, double accuracy, double[] macro,
    double[] weighted, int total) {

  private static final String[] HEADERS = {"precision", "recall", "f1-score", "support"};

  /** The report as scikit-learn prints it. */
  @Override
  public String toString() {
    int[] labels = perClass.labels();
    int width = "weighted avg".length();
    for (int label : labels) {
      width = Math.max(width, String.valueOf(label).length());
    }
    StringBuilder out = new StringBuilder();
    out.append(pad("", width)).append(' ');
    for (String header : HEADERS) {
      out.append(' ').append(pad(header, 9));
    }
    out.append("\n\n");
    for (int c = 0; c < labels.length; c++) {
      row(out, String.valueOf(labels[c]), width, perClass.precision()[c], perClass.recall()[c],
          perClass.f1()[c], perClass.support()[c]);
    }
    out.append('\n');
    out.append(pad("accuracy", width)).append(' ').append(' ').append(pad("", 9)).append(' ')
        .append(pad("", 9)).append(' ').append(pad(fixed(accuracy), 9)).append(' ')
        .append(pad(String.valueOf(total), 9)).append('\n');
    row(out, "macro avg", width, macro[0], macro[1], macro[2], total);
    row(out, "weighted avg", width, weighted[0], weighted[1], weighted[2], total);
    return out.toString();
  }

  private static void row(StringBuilder out, String name, int width, double precision,
      double recall, double f1, int support) {
    out.append(pad(name, width)).append(' ');
    for (double value : new double[] {precision, recall, f1}) {
      out.append(' ').append(pad(fixed(value), 9));
    }
    out.append(' ').append(pad(String.valueOf(support), 9)).append('\n');
  }

  /** Python's {@code format(x, ".2f")}: the exact binary value rounded half to even. */
  private static String fixed(double value) {
    return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String pad(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }
}
