package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Day 6 table's two runs: the book's three rules, and the corrected ones. */
class Day6BookRulesTest {

  @Test
  void theBooksRunStartsEveryEpisodeFromOneStateAndTheCorrectedOneDoesNot() {
    assertEquals(1, Day6BookRules.run(Day6BookRules.BOOK, 8, 3).distinctStarts());
    assertEquals(8, Day6BookRules.run(Day6BookRules.CORRECTED, 8, 3).distinctStarts());
  }

  @Test
  void onlyTheBooksRunBootstrapsFromEndStates() {
    assertEquals(0, Day6BookRules.run(Day6BookRules.CORRECTED, 60, 0).terminalBootstraps());
    assertTrue(Day6BookRules.run(Day6BookRules.BOOK, 60, 0).terminalBootstraps() > 0);
  }

  @Test
  void theBooksEpsilonEndsOneStepUnderItsFloor() {
    double epsilon = 1.0;
    for (int i = 0; i < 919; i++) {
      epsilon *= 0.995;
    }
    assertEquals(epsilon, Day6BookRules.finalEpsilon(true, 1000), 0.0);
    assertTrue(epsilon < 0.01);
    assertEquals(0.01, Day6BookRules.finalEpsilon(false, 1000), 0.0);
    assertEquals(Day6BookRules.finalEpsilon(true, 919), Day6BookRules.finalEpsilon(true, 1000));
  }
}
