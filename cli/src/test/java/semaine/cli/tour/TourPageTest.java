package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TourPageTest {

  @Test
  void pageEscapesTextAndShowsNumbersTablesAndFigures(@TempDir Path out) throws Exception {
    TourContext context = new TourContext(out, new PrintWriter(new StringWriter()));
    Path figure = context.figure("day2-cost.png");
    SectionResult result = SectionResult.of(Map.of("r2", 0.123456789, "n", 150))
        .withTable(new Table("a <caption>", List.of("k", "inertia"), List.of(List.of(3, 78.85))))
        .withFigure(figure, "the cost <J> falls");
    String html = TourPage.render(out, List.of(new SectionRun(2, "x < y & z", 0.5, result)), "sub");
    assertTrue(html.contains("Day 2 — x &lt; y &amp; z"), html);
    assertTrue(html.contains("<td class=\"num\">0.123457</td>"), html);
    assertTrue(html.contains("<td class=\"num\">150</td>"), html);
    assertTrue(html.contains("<caption>a &lt;caption&gt;</caption>"), html);
    assertTrue(html.contains("<td class=\"num\">78.85</td>"), html);
    assertTrue(html.contains("<img src=\"figures/day2-cost.png\""), html);
    assertTrue(html.contains("<figcaption>the cost &lt;J&gt; falls</figcaption>"), html);
  }

  @Test
  void figureNameMustBeAPlainFileName(@TempDir Path out) {
    TourContext context = new TourContext(out, new PrintWriter(new StringWriter()));
    var e = assertThrows(IllegalArgumentException.class, () -> context.figure("../escape.png"));
    assertTrue(e.getMessage().startsWith("figure name (../escape.png)"), e.getMessage());
  }

  @Test
  void tableRejectsRowsOfTheWrongLength() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Table("t", List.of("a", "b"), List.of(List.of(1))));
    assertEquals("table row 0 has 1 cells but there are 2 headers", e.getMessage());
  }
}
