package semaine.svm;

/** Swapping two entries of an array: libsvm's {@code swap}, used by {@code swap_index}. */
final class Swaps {

  private Swaps() {}

  static void swapDouble(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  static void swapInt(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  static void swapByte(byte[] a, int i, int j) {
    byte t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
