package semaine.svm;

/**
 * The five dual problems of libsvm, each set up for {@link SmoSolver} or {@link NuSmoSolver} and
 * read back as one coefficient per sample (libsvm's {@code solve_c_svc}, {@code solve_nu_svc},
 * {@code solve_one_class}, {@code solve_epsilon_svr}, {@code solve_nu_svr}). Sample weights W scale
 * the bounds: C_i = W_i·C.
 */
final class Formulation {

  /** The solved problem: one coefficient per sample, ρ, the iterations, whether max_iter stopped it. */
  record Dual(double[] coef, double rho, int nIter, boolean timedOut) {}

  /** The solver's options shared by every formulation. */
  record Options(double tol, boolean shrinking, int maxIter) {}

  private Formulation() {}

  private static int[] identity(int n) {
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = i;
    }
    return index;
  }

  /**
   * C-SVC: min ½αᵀQα − eᵀα, yᵀα = 0, 0 ≤ α_i ≤ W_i·(Cp or Cn) by the sign of y_i; coefficients α·y.
   */
  static Dual cSvc(KernelCache kernel, byte[] y, double[] W, double cp, double cn, Options o) {
    int l = y.length;
    double[] minusOnes = new double[l];
    double[] C = new double[l];
    for (int i = 0; i < l; i++) {
      minusOnes[i] = -1;
      C[i] = W[i] * (y[i] > 0 ? cp : cn);
    }
    var s = new SmoSolver(kernel, identity(l), y, minusOnes, new double[l], C, o.tol())
        .solve(o.shrinking(), o.maxIter());
    double[] coef = s.alpha();
    for (int i = 0; i < l; i++) {
      coef[i] *= y[i];
    }
    return new Dual(coef, s.rho(), s.nIter(), s.timedOut());
  }

  /**
   * ν-SVC: min ½αᵀQα, yᵀα = 0, eᵀα = ν·ΣW, 0 ≤ α_i ≤ W_i, started by filling each sign's half of
   * ν·ΣW in sample order; the solution is scaled by 1/r (coefficients α·y/r, ρ/r).
   */
  static Dual nuSvc(KernelCache kernel, byte[] y, double[] W, double nu, Options o) {
    int l = y.length;
    double[] C = W.clone();
    double nuL = 0;
    for (int i = 0; i < l; i++) {
      nuL += nu * C[i];
    }
    double sumPos = nuL / 2;
    double sumNeg = nuL / 2;
    double[] alpha = new double[l];
    for (int i = 0; i < l; i++) {
      if (y[i] == +1) {
        alpha[i] = SmoSolver.min(C[i], sumPos);
        sumPos -= alpha[i];
      } else {
        alpha[i] = SmoSolver.min(C[i], sumNeg);
        sumNeg -= alpha[i];
      }
    }
    var s = new NuSmoSolver(kernel, identity(l), y, new double[l], alpha, C, o.tol())
        .solve(o.shrinking(), o.maxIter());
    double r = s.r();
    double[] coef = s.alpha();
    for (int i = 0; i < l; i++) {
      coef[i] *= y[i] / r;
    }
    return new Dual(coef, s.rho() / r, s.nIter(), s.timedOut());
  }

  /**
   * One-class SVM: min ½αᵀQα, eᵀα = ν·ΣW, 0 ≤ α_i ≤ W_i, started with the first samples at their
   * bound until ν·ΣW is used up.
   */
  static Dual oneClass(KernelCache kernel, double[] W, double nu, Options o) {
    int l = W.length;
    double[] C = W.clone();
    double nuL = 0;
    for (int i = 0; i < l; i++) {
      nuL += C[i] * nu;
    }
    double[] alpha = new double[l];
    for (int i = 0; nuL > 0 && i < l; i++) {
      alpha[i] = SmoSolver.min(C[i], nuL);
      nuL -= alpha[i];
    }
    byte[] ones = new byte[l];
    java.util.Arrays.fill(ones, (byte) 1);
    var s = new SmoSolver(kernel, identity(l), ones, new double[l], alpha, C, o.tol())
        .solve(o.shrinking(), o.maxIter());
    return new Dual(s.alpha(), s.rho(), s.nIter(), s.timedOut());
  }

  /**
   * ε-SVR: 2l variables, α⁺ with y = +1 and p = ε − t_i, α⁻ with y = −1 and p = ε + t_i, both
   * bounded by W_i·C; coefficients α⁺ − α⁻.
   */
  static Dual epsilonSvr(KernelCache kernel, double[] target, double[] W, double c,
      double epsilon, Options o) {
    int l = target.length;
    double[] p = new double[2 * l];
    double[] C = new double[2 * l];
    for (int i = 0; i < l; i++) {
      p[i] = epsilon - target[i];
      p[i + l] = epsilon + target[i];
      C[i] = W[i] * c;
      C[i + l] = W[i] * c;
    }
    var s = new SmoSolver(kernel, doubled(l), signs(l), p, new double[2 * l], C, o.tol())
        .solve(o.shrinking(), o.maxIter());
    return new Dual(difference(s.alpha(), l), s.rho(), s.nIter(), s.timedOut());
  }

  /**
   * ν-SVR: 2l variables with p = ∓t_i, bounded by W_i·C, eᵀα = C·ν·ΣW, started by giving both
   * variables of each sample min(remaining half, C_i) in order; coefficients α⁺ − α⁻.
   */
  static Dual nuSvr(KernelCache kernel, double[] target, double[] W, double c, double nu,
      Options o) {
    int l = target.length;
    double[] C = new double[2 * l];
    double[] alpha = new double[2 * l];
    double[] p = new double[2 * l];
    double sum = 0;
    for (int i = 0; i < l; i++) {
      C[i] = W[i] * c;
      C[i + l] = C[i];
      sum += C[i] * nu;
    }
    sum /= 2;
    for (int i = 0; i < l; i++) {
      alpha[i] = SmoSolver.min(sum, C[i]);
      alpha[i + l] = alpha[i];
      sum -= alpha[i];
      p[i] = -target[i];
      p[i + l] = target[i];
    }
    var s = new NuSmoSolver(kernel, doubled(l), signs(l), p, alpha, C, o.tol())
        .solve(o.shrinking(), o.maxIter());
    return new Dual(difference(s.alpha(), l), s.rho(), s.nIter(), s.timedOut());
  }

  /** Sample of each of the 2l regression variables: 0..l−1 twice. */
  private static int[] doubled(int l) {
    int[] sample = new int[2 * l];
    for (int i = 0; i < l; i++) {
      sample[i] = i;
      sample[i + l] = i;
    }
    return sample;
  }

  private static byte[] signs(int l) {
    byte[] y = new byte[2 * l];
    for (int i = 0; i < l; i++) {
      y[i] = 1;
      y[i + l] = -1;
    }
    return y;
  }

  private static double[] difference(double[] alpha2, int l) {
    double[] coef = new double[l];
    for (int i = 0; i < l; i++) {
      coef[i] = alpha2[i] - alpha2[i + l];
    }
    return coef;
  }
}
