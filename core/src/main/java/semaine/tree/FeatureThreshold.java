package semaine.tree;

/**
 * scikit-learn's {@code FEATURE_THRESHOLD}: feature values no further apart than this float32
 * count as equal, so no split falls between them. Shared by the splitter and the criteria's
 * fused scans.
 */
final class FeatureThreshold {

  /** {@code FEATURE_THRESHOLD} itself. */
  static final float VALUE = 1e-7f;

  private FeatureThreshold() {}

  /** True when a split may fall before position p: its value above the previous one by more
   * than the tolerance. */
  static boolean isCandidate(float[] sortedValues, int p) {
    return sortedValues[p] > sortedValues[p - 1] + VALUE;
  }
}
