package semaine.rl.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

class QTableTest {

  @Test
  void sparseTableStoresOnlyWrittenStatesOfTheBooksHugeSpace() {
    long nStates = 214_358_881L; // 11^8
    SparseQTable table = new SparseQTable(nStates, 4);
    assertEquals(0.0, table.get(nStates - 1, 3));
    assertEquals(0, table.storedStates(), "reading allocates nothing");
    RandomState random = new RandomState(0);
    Map<Long, double[]> expected = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      long state = random.randint(0, nStates);
      int action = (int) random.randint(0, 4);
      double value = random.randn();
      table.set(state, action, value);
      expected.computeIfAbsent(state, s -> new double[4])[action] = value;
    }
    assertEquals(expected.size(), table.storedStates());
    for (var entry : expected.entrySet()) {
      assertArrayEquals(entry.getValue(), table.row(entry.getKey()), 0.0);
    }
    assertTrue(table.bytes() < 4_000_000, "about 40 bytes a state, not 6.9 GB: " + table.bytes());
  }

  @Test
  void argmaxTakesTheFirstMaximumAsNumPy() {
    DenseQTable table = new DenseQTable(2, 4);
    table.set(0, 1, 2.0);
    table.set(0, 3, 2.0);
    assertEquals(1, table.argmax(0));
    assertEquals(2.0, table.max(0));
    assertEquals(0, table.argmax(1));
  }

  @Test
  void randomDenseTableIsNumPysRandOfTheSameSeed() {
    DenseQTable table = DenseQTable.random(3, 2, new RandomState(0));
    double[][] rand = new RandomState(0).rand(3, 2);
    assertArrayEquals(rand, table.toArray());
  }

  @Test
  void outOfRangeIndicesAreRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> new DenseQTable(3, 4).get(3, 0));
    assertEquals("state (3) must be in [0, 2]", e.getMessage());
    var a = assertThrows(IllegalArgumentException.class, () -> new SparseQTable(10, 4).set(1, 4, 0));
    assertEquals("action (4) must be in [0, 3]", a.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DenseQTable(1 << 30, 4));
  }
}
