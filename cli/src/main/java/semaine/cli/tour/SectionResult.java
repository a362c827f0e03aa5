package semaine.cli.tour;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tour section produced.
 *
 * @param numbers named values (numbers, strings or lists), shown as a two-column table and included in
 *     {@code tour --json}; keys in snake_case
 * @param tables further tables, shown in order
 * @param figures image files written under {@link TourContext#figure(String)}, shown as images
 *     with their captions
 * @param html an optional fragment of HTML prose placed above the numbers ("" for none); the section
 *     is responsible for escaping anything it did not write itself
 */
public record SectionResult(
    Map<String, Object> numbers, List<Table> tables, List<TourFigure> figures, String html) {

  public SectionResult {
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    tables = List.copyOf(tables);
    figures = List.copyOf(figures);
    html = html == null ? "" : html;
  }

  /** A result with numbers only. */
  public static SectionResult of(Map<String, Object> numbers) {
    return new SectionResult(numbers, List.of(), List.of(), "");
  }

  /** This result with one more table. */
  public SectionResult withTable(Table table) {
    List<Table> more = new ArrayList<>(tables);
    more.add(table);
    return new SectionResult(numbers, more, figures, html);
  }

  /** This result with one more figure, captioned with its file name. */
  public SectionResult withFigure(Path figure) {
    return withFigure(figure, "");
  }

  /** This result with one more figure and the caption shown under it. */
  public SectionResult withFigure(Path figure, String caption) {
    List<TourFigure> more = new ArrayList<>(figures);
    more.add(new TourFigure(figure, caption));
    return new SectionResult(numbers, tables, more, html);
  }

  /** This result with {@code more} figures after its own, in order. */
  public SectionResult withFigures(List<TourFigure> more) {
    List<TourFigure> all = new ArrayList<>(figures);
    all.addAll(more);
    return new SectionResult(numbers, tables, all, html);
  }

  /** This result with {@code html} as its prose. */
  public SectionResult withHtml(String html) {
    return new SectionResult(numbers, tables, figures, html);
  }
}
