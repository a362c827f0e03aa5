package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.util.Json;

/** {@code semaine cluster --method minibatch-kmeans}: scikit-learn's MiniBatchKMeans numbers. */
class ClusterMiniBatchCommandTest {

  @TempDir
  Path tmp;

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  @Test
  void minibatchKMeansGivesScikitLearnsLabelsCentresAndSteps() throws IOException {
    Path blobs = tmp.resolve("blobs.csv");
    CliRun made = CliRun.of("datasets", "blobs", "--samples", "200", "--centers", "4",
        "--features", "2", "--std", "0.5", "--seed", "0", "--out", blobs.toString());
    assertEquals(0, made.code(), made.err());
    Map<?, ?> expected;
    try (InputStream in = getClass().getResourceAsStream("/reference/cluster_minibatch.json")) {
      Map<?, ?> reference =
          (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      expected = (Map<?, ?>) reference.get("k4_batch16_seed0");
    }

    CliRun run = CliRun.of("cluster", blobs.toString(), "--method", "minibatch-kmeans", "--k", "4",
        "--seed", "0", "--param", "batch_size=16", "--drop", "y", "--json");
    assertEquals(0, run.code(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals(expected.get("labels"), json.get("labels"));
    assertEquals(expected.get("n_iter"), json.get("n_iter"));
    Map<?, ?> attributes = (Map<?, ?>) json.get("attributes");
    assertEquals(expected.get("n_steps"), attributes.get("n_steps_"));
    double inertia = number(expected.get("inertia"));
    assertEquals(inertia, number(json.get("inertia")), 1e-9 * inertia);
    List<?> centers = (List<?>) json.get("centers");
    List<?> expectedCenters = (List<?>) expected.get("centers");
    assertEquals(4, centers.size());
    for (int j = 0; j < expectedCenters.size(); j++) {
      for (int f = 0; f < 2; f++) {
        double e = number(((List<?>) expectedCenters.get(j)).get(f));
        assertEquals(e, number(((List<?>) centers.get(j)).get(f)), 1e-9 * Math.max(1, Math.abs(e)));
      }
    }
    Map<?, ?> params = (Map<?, ?>) json.get("params");
    assertEquals(16L, ((Number) params.get("batch_size")).longValue());
    assertTrue(json.containsKey("fit_seconds"));
  }
}
