package semaine.cli.tour;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import semaine.util.Json;
import semaine.util.AtomicFiles;

/**
 * The tour's {@code index.html}: one self-contained page (inline CSS, no script, no network), one
 * section per day with its prose, numbers, tables and figures.
 */
public final class TourPage {

  static final String TITLE = "semaine — the week in Java";

  private static final String CSS = """
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
             padding: 0 1rem; color: #222; }
      h1 { font-size: 1.8rem; margin-bottom: 0; }
      header p { color: #666; margin-top: .25rem; }
      nav a { margin-right: 1rem; }
      section { border-top: 1px solid #ddd; margin-top: 2rem; padding-top: .5rem; }
      h2 .seconds { font-size: .9rem; font-weight: normal; color: #888; }
      table { border-collapse: collapse; margin: 1rem 0; }
      caption { text-align: left; font-style: italic; padding-bottom: .25rem; }
      th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; vertical-align: top; }
      th { background: #f4f4f4; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      figure { margin: 1rem 0; }
      figure img { max-width: 100%; border: 1px solid #eee; }
      figcaption { color: #666; font-size: .9rem; }
      """;

  private TourPage() {}

  /** Writes {@code outDir/index.html} for the runs, in order, and returns its path. */
  public static Path write(Path outDir, List<SectionRun> runs, String subtitle) throws IOException {
    Path index = outDir.resolve("index.html");
    AtomicFiles.writeString(index, render(outDir, runs, subtitle));
    return index;
  }

  /** The page's HTML; figure paths are made relative to {@code outDir}. */
  static String render(Path outDir, List<SectionRun> runs, String subtitle) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(TITLE)).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<header>\n<h1>").append(escape(TITLE)).append("</h1>\n<p>")
        .append(escape(subtitle)).append("</p>\n<nav>");
    for (SectionRun run : runs) {
      html.append("<a href=\"#day-").append(run.day()).append("\">Day ").append(run.day())
          .append("</a>");
    }
    html.append("</nav>\n</header>\n");
    for (SectionRun run : runs) {
      section(html, outDir, run);
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void section(StringBuilder html, Path outDir, SectionRun run) {
    SectionResult result = run.result();
    html.append("<section id=\"day-").append(run.day()).append("\">\n<h2>Day ").append(run.day())
        .append(" — ").append(escape(run.title())).append(" <span class=\"seconds\">(")
        .append(String.format(Locale.ROOT, "%.2f", run.seconds()))
        .append(" s)</span></h2>\n");
    if (!result.html().isBlank()) {
      html.append(result.html()).append('\n');
    }
    if (!result.numbers().isEmpty()) {
      html.append("<table>\n<tr><th>quantity</th><th>value</th></tr>\n");
      for (Map.Entry<String, Object> e : result.numbers().entrySet()) {
        html.append("<tr><td>").append(escape(e.getKey())).append("</td>");
        cell(html, e.getValue());
        html.append("</tr>\n");
      }
      html.append("</table>\n");
    }
    for (Table table : result.tables()) {
      html.append("<table>\n<caption>").append(escape(table.caption())).append("</caption>\n<tr>");
      table.headers().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
      html.append("</tr>\n");
      for (List<Object> row : table.rows()) {
        html.append("<tr>");
        row.forEach(cell -> cell(html, cell));
        html.append("</tr>\n");
      }
      html.append("</table>\n");
    }
    for (TourFigure figure : result.figures()) {
      String src = outDir.toAbsolutePath().normalize()
          .relativize(figure.path().toAbsolutePath().normalize()).toString().replace('\\', '/');
      html.append("<figure><img src=\"").append(escape(src)).append("\" alt=\"")
          .append(escape(figure.caption())).append("\"><figcaption>")
          .append(escape(figure.caption())).append("</figcaption></figure>\n");
    }
    html.append("</section>\n");
  }

  private static void cell(StringBuilder html, Object value) {
    html.append(value instanceof Number ? "<td class=\"num\">" : "<td>")
        .append(escape(format(value))).append("</td>");
  }

  /** A value as shown on the page: numbers to 6 significant digits, lists and maps as JSON. */
  static String format(Object value) {
    return switch (value) {
      case null -> "";
      case String s -> s;
      case Double d -> format(d.doubleValue());
      case Float f -> format(f.doubleValue());
      case Number n -> n.toString();
      case Boolean b -> b ? "yes" : "no";
      default -> Json.write(value);
    };
  }

  private static String format(double d) {
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toString();
  }

  /** Escapes text for HTML content and attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
