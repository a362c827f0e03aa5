package semaine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import semaine.cli.tour.SectionRun;
import semaine.cli.tour.Tour;
import semaine.cli.tour.TourContext;
import semaine.cli.tour.TourPage;
import semaine.cli.tour.TourSection;
import semaine.util.OutputPathException;

/**
 * {@code semaine tour [--out DIR]}: runs every day's section in order, writes {@code DIR/index.html}
 * and prints a summary. Progress lines go to stderr; a failing section stops the tour (exit 1).
 */
@Command(
    name = "tour",
    mixinStandardHelpOptions = true,
    description = "Run the week's tour and write an HTML page with each day's numbers and figures.")
public final class TourCommand extends ResultCommand {

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/tour",
      description = "Directory for index.html and the figures (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Override
  protected Result compute() throws Exception {
    List<TourSection> sections = Tour.sections();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new OutputPathException(out, "is not a directory: tour --out needs a directory, where"
          + " it writes index.html and figures/ (it is created when missing)");
    }
    Files.createDirectories(out);
    TourContext context = new TourContext(out, log());
    List<SectionRun> runs = new ArrayList<>();
    for (TourSection section : sections) {
      log().printf("[%d/%d] Day %d — %s%n", runs.size() + 1, sections.size(), section.day(),
          section.title());
      log().flush();
      long start = System.nanoTime();
      var result = section.run(context);
      runs.add(new SectionRun(section.day(), section.title(), (System.nanoTime() - start) / 1e9,
          result));
    }
    Path index = TourPage.write(out, runs, "semaine " + VersionProvider.version() + ", Java "
        + VersionProvider.javaVersion() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores");
    return summary(index, runs);
  }

  private Result summary(Path index, List<SectionRun> runs) {
    List<Map<String, Object>> sections = new ArrayList<>();
    double total = 0;
    for (SectionRun run : runs) {
      Map<String, Object> section = new LinkedHashMap<>();
      section.put("day", run.day());
      section.put("title", run.title());
      section.put("seconds", run.seconds());
      section.put("numbers", run.result().numbers());
      sections.add(section);
      total += run.seconds();
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("out", out.toAbsolutePath().normalize().toString());
    json.put("index", index.toAbsolutePath().normalize().toString());
    json.put("sections", sections);
    String text = String.format(Locale.ROOT, "Wrote %s (%d section%s, %.2f s)", index,
        runs.size(), runs.size() == 1 ? "" : "s", total);
    return new Result(json, o -> o.println(text));
  }
}
