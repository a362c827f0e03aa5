package semaine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parseReadsPythonReprFloatsAsTheSameDoubles() {
    Object v = Json.parse("{\"a\": [0.5488135039273248, -1e-05, 3], \"b\": \"x\\ny\", \"c\": null}");
    Map<?, ?> map = (Map<?, ?>) v;
    List<?> a = (List<?>) map.get("a");
    assertEquals(0.5488135039273248, (Double) a.get(0));
    assertEquals(-1e-05, (Double) a.get(1));
    assertEquals(3L, a.get(2));
    assertEquals("x\ny", map.get("b"));
    assertTrue(map.containsKey("c"));
  }

  @Test
  void parseReadsEveryLongAsALongAndLargerIntegersAsDoubles() {
    List<?> a = (List<?>) Json.parse("[-3674630076619880808, 9223372036854775807, 18446744073709551616]");
    assertEquals(-3674630076619880808L, a.get(0));
    assertEquals(Long.MAX_VALUE, a.get(1));
    assertEquals(18446744073709551616.0, (Double) a.get(2));
  }

  @Test
  void writeRoundTripsDoublesArraysAndStrings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("X", new double[][] {{0.1, 2.0}, {1e-300, -3.5}});
    m.put("y", new int[] {1, 0});
    m.put("name", "quote \" and \\");
    String text = Json.write(m);
    assertEquals(m.keySet(), ((Map<?, ?>) Json.parse(text)).keySet());
    List<?> x = (List<?>) ((Map<?, ?>) Json.parse(text)).get("X");
    assertEquals(1e-300, ((List<?>) x.get(1)).get(0));
    assertEquals("quote \" and \\", ((Map<?, ?>) Json.parse(text)).get("name"));
  }

  @Test
  void writeTurnsNonFiniteDoublesIntoNull() {
    assertEquals("[null,1.5]", Json.write(new double[] {Double.NaN, 1.5}));
  }

  @Test
  void parseRejectsMalformedInputWithItsOffset() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
    assertTrue(e.getMessage().contains("offset"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[1.2.3]"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
  }
}
