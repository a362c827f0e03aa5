package semaine.clustering;

import java.util.Arrays;
import semaine.neighbors.NearestNeighbors;

/**
 * The radius neighbourhoods of the training samples, one sample at a time, as scikit-learn's
 * {@code NearestNeighbors(radius=...).radius_neighbors(X)} finds them for DBSCAN and OPTICS, but
 * without holding them all: a {@link Search} (one per thread) answers one sample's neighbourhood
 * and forgets it at the next. Memory is linear in the number of samples.
 *
 * <p>Three sources: the neighbour engine (k-d tree or brute force, Euclidean or Manhattan, with
 * scikit-learn's decisions at the radius); a brute scan with another metric, keeping the samples
 * whose reduced distance is {@code <= toReduced(radius)} as scikit-learn's brute search does; and a
 * precomputed distance matrix, keeping {@code D[i][j] <= radius}. The two brute sources list
 * neighbours in index order; the engine lists them nearest first.
 */
abstract class Neighborhoods {

  /** One thread's reusable search. */
  interface Search {
    /** Finds the neighbours of sample i (itself included) and returns how many there are. */
    int search(int i);

    /** The size of sample i's neighbourhood (a search whose list may not be kept). */
    default int count(int i) {
      return search(i);
    }

    /** The index of the j-th neighbour of the last search. */
    int index(int j);

    /** The distance to the j-th neighbour of the last search. */
    double distance(int j);
  }

  /** A new search; each thread needs its own. */
  abstract Search search();

  /**
   * The neighbour engine for a metric it searches ({@code inEngine}), as scikit-learn's
   * {@code NearestNeighbors(n_neighbors=nNeighbors, ...)} resolves "auto" for it.
   */
  static NearestNeighbors engineIndex(double[][] X, PairwiseMetric metric, int nNeighbors,
      String algorithm, int leafSize) {
    return new NearestNeighbors(nNeighbors).algorithm(algorithm)
        .p(metric.name().equals("manhattan") ? 1 : 2).leafSize(leafSize).fit(X);
  }

  /** Neighbourhoods through a fitted neighbour engine. */
  static Neighborhoods engine(NearestNeighbors nn, double radius) {
    return engine(nn, radius, true);
  }

  /**
   * Neighbourhoods through a fitted neighbour engine; unordered, each neighbourhood lists the same
   * samples in the search's own order, distances not given, and {@link Search#count} only counts
   * (DBSCAN needs no more).
   */
  static Neighborhoods engine(NearestNeighbors nn, double radius, boolean ordered) {
    return new Neighborhoods() {
      @Override
      Search search() {
        NearestNeighbors.RadiusSearch s = nn.radiusSearch(radius);
        return new Search() {
          @Override
          public int search(int i) {
            return ordered ? s.search(i) : s.searchUnordered(i);
          }

          @Override
          public int count(int i) {
            return ordered ? s.search(i) : s.count(i);
          }

          @Override
          public int index(int j) {
            return s.index(j);
          }

          @Override
          public double distance(int j) {
            return s.distance(j);
          }
        };
      }
    };
  }

  /** Neighbourhoods by a brute scan of X with any {@link PairwiseMetric}. */
  static Neighborhoods brute(double[][] X, PairwiseMetric metric, double radius) {
    double reducedRadius = metric.toReduced(radius);
    return scanning((i, found) -> {
      for (int j = 0; j < X.length; j++) {
        double reduced = metric.reduced(X[i], X[j]);
        if (reduced <= reducedRadius) {
          found.add(j, metric.toDistance(reduced));
        }
      }
    });
  }

  /** Neighbourhoods read from a precomputed distance matrix D, shape (n, n). */
  static Neighborhoods precomputed(double[][] D, double radius) {
    return scanning((i, found) -> {
      for (int j = 0; j < D.length; j++) {
        if (D[i][j] <= radius) {
          found.add(j, D[i][j]);
        }
      }
    });
  }

  /** Appends sample i's neighbours to {@code found}, in index order. */
  private interface Scanner {
    void scan(int i, Found found);
  }

  private static Neighborhoods scanning(Scanner scanner) {
    return new Neighborhoods() {
      @Override
      Search search() {
        Found found = new Found();
        return new Search() {
          @Override
          public int search(int i) {
            found.count = 0;
            scanner.scan(i, found);
            return found.count;
          }

          @Override
          public int index(int j) {
            return found.indices[j];
          }

          @Override
          public double distance(int j) {
            return found.distances[j];
          }
        };
      }
    };
  }

  /** A growable list of neighbours, reused from search to search. */
  private static final class Found {
    private int[] indices = new int[16];
    private double[] distances = new double[16];
    private int count;

    void add(int j, double distance) {
      if (count == indices.length) {
        indices = Arrays.copyOf(indices, 2 * count);
        distances = Arrays.copyOf(distances, 2 * count);
      }
      indices[count] = j;
      distances[count++] = distance;
    }
  }
}
