package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No two classes of the main code depend on each other in a circle: the class dependencies of
 * every module (jdeps, nested classes folded into their top-level class) form a graph whose
 * strongly connected components are single classes, with two kinds of exception. A sealed type and
 * the classes its {@code permits} clause names depend on each other by the language's own rule;
 * and {@code Tensor} is the public face of its operations (autograd, element-wise, reductions,
 * matrix products, views, convolutions), which are split into files by size and all build tensors.
 */
class DependencyCyclesTest {

  private static final Set<String> TENSOR_OPS = Set.of("semaine.nn.Tensor", "semaine.nn.Autograd",
      "semaine.nn.Elementwise", "semaine.nn.Reductions", "semaine.nn.Functional",
      "semaine.nn.MatMul", "semaine.nn.Views", "semaine.nn.Convolutions");

  @Test
  void classDependenciesFormNoCycleButSealedFamiliesAndTensorsOps() throws Exception {
    List<String> found = new ArrayList<>();
    for (String module : List.of("core", "plot", "rl", "nn", "cli")) {
      Path classes = Path.of("..", module, "target", "classes");
      assertTrue(Files.isDirectory(classes), classes + " is built before the cli tests run");
      for (Set<String> cycle : cycles(edges(classes))) {
        if (!TENSOR_OPS.containsAll(cycle) && !sealedFamily(cycle)) {
          found.add(cycle.toString());
        }
      }
    }
    assertEquals(List.of(), found, "classes that depend on each other in a circle");
  }

  /** Edges between semaine classes, from {@code jdeps -verbose:class -filter:none}. */
  private static Map<String, Set<String>> edges(Path classes) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:class",
        "-filter:none", classes.toString());
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length >= 3 && parts[1].equals("->") && parts[0].startsWith("semaine.")
          && parts[2].startsWith("semaine.")) {
        String from = parts[0].split("\\$")[0];
        String to = parts[2].split("\\$")[0];
        if (!from.equals(to)) {
          edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        }
      }
    }
    return edges;
  }

  /** True when the classes are a sealed type and (some of) the classes it permits. */
  private static boolean sealedFamily(Set<String> cycle) throws ClassNotFoundException {
    for (String name : cycle) {
      Class<?> type = Class.forName(name, false, DependencyCyclesTest.class.getClassLoader());
      if (type.isSealed()) {
        Set<String> family = new HashSet<>(Set.of(name));
        for (Class<?> permitted : type.getPermittedSubclasses()) {
          family.add(permitted.getName());
        }
        return family.containsAll(cycle);
      }
    }
    return false;
  }

  /** Strongly connected components of more than one class (Tarjan's algorithm). */
  private static List<Set<String>> cycles(Map<String, Set<String>> edges) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<Set<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String start : edges.keySet()) {
      if (!index.containsKey(start)) {
        connect(start, edges, index, low, stack, onStack, out, counter);
      }
    }
    return out;
  }

  private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]++);
    stack.push(v);
    onStack.add(v);
    for (String w : edges.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, edges, index, low, stack, onStack, out, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }
}
