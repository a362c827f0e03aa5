package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;

/**
 * RandomForestRegressor and ExtraTreesRegressor with criterion="poisson" against scikit-learn
 * 1.9.1 ({@code reference/trees_poisson.py}): every tree node for node, predictions, importances
 * and the out-of-bag R².
 */
class PoissonForestTest {

  private static final List<Map<String, Object>> CASES =
      ReferenceVectors.cases("forests_poisson.json");

  @Test
  void poissonForestsEqualScikitLearns() {
    ForestReference.assertSameRegressionForests(CASES, Datasets.loadDiabetes().X());
  }

  @Test
  void negativeTargetsAreRefusedWithScikitLearnsForestMessage() {
    var forest = new RandomForestRegressor().nEstimators(2);
    forest.setParam("criterion", "poisson");
    double[][] X = {{0}, {1}, {2}};
    var e = assertThrows(IllegalArgumentException.class,
        () -> forest.fit(X, new double[] {0, 0, 0}));
    assertEquals("criterion='poisson': Sum of y is not strictly positive which is necessary for"
        + " Poisson regression.", e.getMessage());
  }
}
