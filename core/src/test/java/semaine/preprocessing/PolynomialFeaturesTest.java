package semaine.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.testsupport.ReferenceVectors;

/** PolynomialFeatures against scikit-learn 1.9.1 ({@code reference/polynomial.py}). */
class PolynomialFeaturesTest {

  @Test
  void columnsAndValuesAreScikitLearnsBitForBit() {
    Map<String, Object> file = ReferenceVectors.load("polynomial.json");
    double[][] X = ReferenceVectors.matrix(file.get("X"));
    for (Map<String, Object> c : ReferenceVectors.cases("polynomial.json")) {
      var model = new PolynomialFeatures();
      @SuppressWarnings("unchecked")
      Map<String, Object> params = (Map<String, Object>) c.get("params");
      params.forEach(model::setParam);
      double[][] out = model.fit(X).transform(X);
      List<?> powers = (List<?>) c.get("powers");
      int[][] actual = model.powers();
      assertEquals(powers.size(), actual.length, params.toString());
      for (int k = 0; k < actual.length; k++) {
        assertArrayEquals(ReferenceVectors.ints(powers.get(k)), actual[k], params + " powers_");
      }
      double[][] expected = ReferenceVectors.matrix(c.get("transformed"));
      for (int i = 0; i < X.length; i++) {
        assertArrayEquals(expected[i], out[i], params + " row " + i);
      }
    }
  }

  @Test
  void badInputIsRefusedNamingTheArgument() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new PolynomialFeatures(-1).fit(new double[][] {{1, 2}}));
    assertEquals("degree (-1) must be an int in [0, inf)", e.getMessage());
    var model = new PolynomialFeatures(2).fit(new double[][] {{1, 2}});
    e = assertThrows(IllegalArgumentException.class, () -> model.transform(new double[][] {{1}}));
    assertEquals("X has 1 features, but PolynomialFeatures is expecting 2 features as input",
        e.getMessage());
  }
}
