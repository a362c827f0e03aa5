package semaine.cli.tour;

import java.util.List;

/** The tour's sections, in the order they run. */
public final class Tour {

  private Tour() {}

  /**
   * Every section, by day. To add a day, write a {@link TourSection} and add it here (a plain list
   * rather than a ServiceLoader: the order is visible and a missing section is a compile error).
   */
  public static List<TourSection> sections() {
    return List.of(new Day1Section(), new Day2Section(), new Day3Section(),
        new Day4Section(), new Day5Section(), new Day6Section(), new Day7Section());
  }
}
