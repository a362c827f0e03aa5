package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The ordered pass that follows a parallel one, chunk by chunk. */
class ChunksTest {

  @Test
  void followsEveryChunkInOrderAfterItsWork() {
    for (int n : new int[] {1, Chunks.SIZE, 2 * Chunks.SIZE + 1, 40 * Chunks.SIZE + 17}) {
      int count = Chunks.count(n);
      AtomicIntegerArray worked = new AtomicIntegerArray(count);
      List<Integer> followed = new ArrayList<>();
      Chunks.forEachThenInOrder(n, chunk -> {
        // uneven work, so that chunks finish out of order
        long spin = (chunk * 7919L) % 5 * 20_000;
        for (long t = System.nanoTime(); System.nanoTime() - t < spin; ) {
          Thread.onSpinWait();
        }
        worked.incrementAndGet(chunk);
      }, chunk -> {
        assertEquals(1, worked.get(chunk), "chunk " + chunk + " followed before its work");
        followed.add(chunk);
      });
      assertEquals(count, followed.size(), "n=" + n);
      for (int c = 0; c < count; c++) {
        assertEquals(c, followed.get(c), "n=" + n);
        assertEquals(1, worked.get(c), "chunk " + c + " worked once, n=" + n);
      }
    }
  }

  @Test
  void anExceptionInTheWorkReachesTheCaller() {
    int n = 40 * Chunks.SIZE;
    for (int bad : new int[] {0, 1, 39}) {
      IllegalStateException thrown = assertThrows(IllegalStateException.class,
          () -> Chunks.forEachThenInOrder(n, chunk -> {
            if (chunk == bad) {
              throw new IllegalStateException("chunk " + bad);
            }
          }, chunk -> {}));
      assertTrue(thrown.getMessage().contains("chunk " + bad), thrown.getMessage());
    }
  }
}
