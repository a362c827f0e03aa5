/**
 * Tabular agents as the book writes them: {@link semaine.rl.agents.QLearningAgent} (ε-greedy,
 * Bellman update), Q-tables {@link semaine.rl.agents.DenseQTable} and
 * {@link semaine.rl.agents.SparseQTable}, the {@link semaine.rl.agents.Discretizer} with NumPy's
 * {@code linspace}/{@code digitize} semantics, and the training loop {@link semaine.rl.agents.Training}.
 */
package semaine.rl.agents;
