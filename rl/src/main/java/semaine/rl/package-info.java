/**
 * Day 6 of the book, reinforcement learning: Gymnasium-style environments (a random maze,
 * LunarLander) and agents such as Q-learning. Not written yet: see the issue tracker ("Day 6").
 */
package semaine.rl;
