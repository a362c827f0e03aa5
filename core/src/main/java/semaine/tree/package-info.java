/**
 * Decision trees as scikit-learn 1.9 grows them, node for node:
 * {@link semaine.tree.DecisionTreeClassifier} and {@link semaine.tree.DecisionTreeRegressor},
 * their fitted {@link semaine.tree.Tree} arrays ({@code tree_}), and the pieces forests reuse:
 * the splitter's xorshift generator ({@link semaine.tree.XorShiftRandom}), the parameters
 * ({@link semaine.tree.TreeParams}) and the growth of one tree ({@link semaine.tree.TreeGrower}).
 */
package semaine.tree;
