package semaine.selection;

import java.util.List;

/** Splits n samples into train/test folds, as scikit-learn's splitters' {@code split(X, y)}. */
public interface CrossValidator {

  /** The folds for samples with labels {@code y} (only their count matters to unstratified folds). */
  List<Fold> split(int[] y);

  /** Builds each fold's train indices as the complement of its test mask, ascending. */
  static Fold fromTestMask(boolean[] test) {
    int nTest = 0;
    for (boolean t : test) {
      nTest += t ? 1 : 0;
    }
    int[] trainIdx = new int[test.length - nTest];
    int[] testIdx = new int[nTest];
    int a = 0;
    int b = 0;
    for (int i = 0; i < test.length; i++) {
      if (test[i]) {
        testIdx[b++] = i;
      } else {
        trainIdx[a++] = i;
      }
    }
    return new Fold(trainIdx, testIdx);
  }
}
