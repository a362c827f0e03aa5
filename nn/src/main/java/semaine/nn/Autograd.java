package semaine.nn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reverse-mode automatic differentiation: the graph node kept by each computed tensor, the grad
 * mode switch ({@link Tensor#noGrad()}) and the backward pass in reverse topological order, as
 * PyTorch's {@code torch.autograd.backward}.
 */
final class Autograd {

  /** Propagates the gradient of a tensor, shape as the tensor, to its parents' grad buffers. */
  @FunctionalInterface
  interface Backward {
    void apply(float[] gradOut);
  }

  /** How a tensor was computed: its inputs and the rule that sends its gradient back to them. */
  record Node(Tensor[] parents, Backward backward) {}

  private static final ThreadLocal<int[]> DISABLED = ThreadLocal.withInitial(() -> new int[1]);

  private Autograd() {}

  /** True unless the calling thread is inside a {@link Tensor#noGrad()} block. */
  static boolean enabled() {
    return DISABLED.get()[0] == 0;
  }

  /** Enters no-grad mode on this thread; the returned scope leaves it (blocks nest). */
  static Tensor.GradScope disable() {
    int[] depth = DISABLED.get();
    depth[0]++;
    return () -> depth[0]--;
  }

  /** Runs the backward pass from {@code root}, whose grad buffer already holds the seed. */
  static void run(Tensor root) {
    List<Tensor> order = topologicalOrder(root);
    for (int i = order.size() - 1; i >= 0; i--) {
      Tensor t = order.get(i);
      Node node = t.node;
      if (node != null && t.grad != null) {
        node.backward().apply(t.grad);
        // like PyTorch, gradients of intermediate results are not kept (retain_grad is not offered)
        t.grad = null;
      }
    }
  }

  /** Tensors reachable from root, each after all tensors it depends on (iterative DFS). */
  private static List<Tensor> topologicalOrder(Tensor root) {
    List<Tensor> order = new ArrayList<>();
    Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, 0});
    visited.add(root);
    while (!stack.isEmpty()) {
      Object[] frame = stack.peek();
      Tensor t = (Tensor) frame[0];
      int next = (Integer) frame[1];
      Tensor[] parents = t.node == null ? new Tensor[0] : t.node.parents();
      if (next < parents.length) {
        frame[1] = next + 1;
        Tensor p = parents[next];
        if (p.requiresGrad && visited.add(p)) {
          stack.push(new Object[] {p, 0});
        }
      } else {
        stack.pop();
        order.add(t);
      }
    }
    return order;
  }
}
