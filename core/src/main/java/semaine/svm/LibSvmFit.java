package semaine.svm;

import semaine.base.Attribute;
import semaine.base.Nullable;

/**
 * What a libsvm-based model learned, by scikit-learn's attribute names. Shared by {@link SVC},
 * {@link NuSVC}, {@link SVR}, {@link NuSVR} and {@link OneClassSVM}.
 *
 * @param support (n_SV,) the index of each support vector among the training samples (after the
 *     samples of weight zero are dropped, as libsvm does)
 * @param supportVectors (n_SV, n_features) the support vectors, grouped by class; empty for a
 *     precomputed kernel
 * @param nSupport (n_classes,) support vectors per class; (1,) for regression and one-class
 * @param dualCoef (n_classes − 1, n_SV) the coefficients y·α as scikit-learn shows them (negated
 *     for two classes, so that positive means classes_[1])
 * @param intercept (n_classes·(n_classes − 1)/2,) −ρ per pair of classes, negated likewise
 * @param rawDualCoef libsvm's coefficients, used to predict
 * @param rawIntercept libsvm's −ρ, used to predict
 * @param probA (n_pairs,) Platt's A per pair when fitted with probability=True, else null
 * @param probB (n_pairs,) Platt's B
 * @param fitStatus 0 when the solver converged, 1 when max_iter stopped it
 * @param nIter (n_pairs,) the solver's iterations per pair (one entry for the others)
 * @param classes (n_classes,) the sorted labels; null for regression and one-class
 * @param classWeight (n_classes,) the class weights applied to C; null for the others
 * @param gamma the kernel coefficient used (gamma resolved from 'scale' / 'auto')
 * @param shapeFit the shape of the training X
 * @param nFeaturesIn the number of features
 * @param kernelCacheHitRate the share of kernel rows found in the cache during fit
 */
record LibSvmFit(int[] support, @Nullable double[][] supportVectors,
    int[] nSupport, double[][] dualCoef, double[] intercept,
    @Attribute("_dual_coef_") double[][] rawDualCoef,
    @Attribute("_intercept_") double[] rawIntercept,
    @Nullable @Attribute("_probA") double[] probA, @Nullable @Attribute("_probB") double[] probB,
    int fitStatus, int[] nIter, @Nullable int[] classes, @Nullable double[] classWeight,
    @Attribute("_gamma") double gamma, @Attribute("shape_fit_") int[] shapeFit, int nFeaturesIn,
    @Attribute("_kernel_cache_hit_rate") double kernelCacheHitRate) {}
