package semaine.neighbors;

import java.util.Arrays;

/**
 * The weight of each neighbour in a k-NN vote or average: scikit-learn 1.9's
 * {@code sklearn.neighbors._base._get_weights}.
 *
 * <p>"uniform": every neighbour weighs 1. "distance": a neighbour weighs 1 / distance, except that
 * when some neighbours of a query are at distance 0, those weigh 1 and all the others 0 (a query
 * lying on training points takes their answer).
 */
public final class NeighborWeights {

  private NeighborWeights() {}

  /** Requires "uniform" or "distance". */
  public static String check(String weights) {
    if (!"uniform".equals(weights) && !"distance".equals(weights)) {
      throw new IllegalArgumentException(
          "weights (" + weights + ") must be \"uniform\" or \"distance\"");
    }
    return weights;
  }

  /** The weights of one query's neighbours, from their distances (shape (k,)). */
  public static double[] of(String weights, double[] distances) {
    double[] w = new double[distances.length];
    if (weights.equals("uniform")) {
      Arrays.fill(w, 1.0);
      return w;
    }
    boolean onPoint = false;
    for (double distance : distances) {
      onPoint |= distance == 0.0;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] = onPoint ? (distances[i] == 0.0 ? 1.0 : 0.0) : 1.0 / distances[i];
    }
    return w;
  }
}
