/**
 * Support vector machines with libsvm's answers (as scikit-learn 1.9 vendors it): {@link
 * semaine.svm.SVC}, {@link semaine.svm.NuSVC}, {@link semaine.svm.SVR}, {@link semaine.svm.NuSVR}
 * and {@link semaine.svm.OneClassSVM}.
 *
 * <p>One class per concept: {@code Kernel} (the kernel functions), {@code KernelCache} (kernel rows
 * in float, least recently used dropped first), {@code QMatrix} with {@code SvcQ} (partial rows
 * over the active set, in solver positions) and {@code SvrQ} (two variables per sample), {@code
 * VectorKernelRows} (the rbf loops with the Vector API), {@code SmoSolver} and {@code
 * NuSmoSolver} (SMO with second-order working set selection and shrinking), {@code Formulation}
 * (the five dual problems), {@code OneVsOne} (multi-class training and the layout of the dual
 * coefficients) and {@code PlattScaling} (probability=True).
 */
package semaine.svm;
