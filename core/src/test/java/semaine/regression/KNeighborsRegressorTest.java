package semaine.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.selection.TrainTestSplit;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class KNeighborsRegressorTest {

  @Test
  void diabetesPredictionsMatchScikitLearn() {
    Dataset diabetes = Datasets.loadDiabetes();
    var split = TrainTestSplit.of(diabetes.X(), diabetes.y()).randomState(0).split();
    int checked = 0;
    for (Map<String, Object> c : ReferenceVectors.cases("knn.json")) {
      if (!c.get("name").equals("regressor")) {
        continue;
      }
      var model = new KNeighborsRegressor(((Long) c.get("k")).intValue())
          .weights((String) c.get("weights")).fit(split.XTrain(), split.yTrain());
      ReferenceAssert.assertClose(c.get("predictions"), model.predict(split.XTest()), 1e-12,
          "k=" + c.get("k") + " " + c.get("weights"));
      assertEquals((Double) c.get("score"), model.score(split.XTest(), split.yTest()), 1e-12);
      checked++;
    }
    assertEquals(6, checked);
  }
}
