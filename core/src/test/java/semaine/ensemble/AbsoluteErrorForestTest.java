package semaine.ensemble;

import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;

/**
 * RandomForestRegressor and ExtraTreesRegressor with criterion="absolute_error" against
 * scikit-learn 1.9.1 ({@code reference/trees_absolute_error.py}): every tree node for node (the
 * bootstrap counts become weights, so the weighted medians are exercised), predictions,
 * importances and the out-of-bag R².
 */
class AbsoluteErrorForestTest {

  @Test
  void absoluteErrorForestsEqualScikitLearns() {
    ForestReference.assertSameRegressionForests(
        ReferenceVectors.cases("forests_absolute_error.json"), Datasets.loadDiabetes().X());
  }
}
