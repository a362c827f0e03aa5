package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static semaine.nn.gpt2.GenerationParameter.DO_SAMPLE;
import static semaine.nn.gpt2.GenerationParameter.MAX_LENGTH;
import static semaine.nn.gpt2.GenerationParameter.MAX_NEW_TOKENS;
import static semaine.nn.gpt2.GenerationParameter.NUM_RETURN_SEQUENCES;
import static semaine.nn.gpt2.Gpt2Resources.cases;
import static semaine.nn.gpt2.Gpt2Resources.ints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import semaine.nn.hub.ModelHub;
import org.junit.jupiter.api.io.TempDir;

class TextGenerationPipelineTest {

  @TempDir
  Path cache;

  TextGenerationPipeline tiny() throws IOException {
    return Pipeline.textGeneration(Gpt2Resources.tinyModel().toString(), new ModelHub(cache));
  }

  @Test
  void greedyTextMatchesTransformers() throws IOException {
    var generator = tiny();
    for (var c : cases(Gpt2Resources.json("tiny-gpt2.expected.json"), "generate")) {
      int[] expected = ints(c.get("greedy_ids"));
      var out = generator.generate((String) c.get("prompt"), MAX_LENGTH.of(expected.length),
          DO_SAMPLE.of(false));
      assertEquals(c.get("greedy_text"), out.getFirst().generatedText());
      assertArrayEquals(expected, out.getFirst().ids());
    }
  }

  @Test
  void theBooksThreeLinesGiveTheSameTextAfterTheSameSeed() throws IOException {
    var generator = tiny();
    Transformers.setSeed(42);
    var first = generator.generate("I loved reading that book.", MAX_LENGTH.of(50), NUM_RETURN_SEQUENCES.of(1));
    Transformers.setSeed(42);
    var again = generator.generate("I loved reading that book.", MAX_LENGTH.of(50), NUM_RETURN_SEQUENCES.of(1));
    assertEquals(1, first.size());
    assertEquals(first.getFirst().generatedText(), again.getFirst().generatedText());
    assertTrue(first.getFirst().generatedText().startsWith("I loved reading that book."));
    assertEquals(50, first.getFirst().ids().length);
  }

  @Test
  void streamedPiecesJoinToTheGeneratedText() throws IOException {
    var generator = tiny();
    StringBuilder streamed = new StringBuilder();
    var out = generator.generate("The", GenerationConfig.DEFAULT.with(MAX_NEW_TOKENS.of(25)),
        Transformers.newRandom(3), (piece, sequence) -> streamed.append(piece));
    assertEquals(out.getFirst().generatedText(), "The" + streamed);
  }
}
