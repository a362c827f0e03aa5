package semaine.nn.gpt2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.nn.Safetensors;
import semaine.nn.Tensor;

class GPT2LoadingTest {

  @TempDir
  Path dir;

  /** A copy of the tiny model's config.json in {@code dir}. */
  void copyConfig() throws IOException {
    Files.copy(Gpt2Resources.tinyModel().resolve("config.json"), dir.resolve("config.json"));
  }

  @Test
  void aMissingWeightsFileIsNamed() throws IOException {
    copyConfig();
    var e = assertThrows(NoSuchFileException.class, () -> GPT2LMHeadModel.fromPretrained(dir));
    assertTrue(e.getFile().endsWith("model.safetensors"), e.getFile());
  }

  @Test
  void aTruncatedWeightsFileIsRefused() throws IOException {
    copyConfig();
    byte[] full = Files.readAllBytes(Gpt2Resources.tinyModel().resolve("model.safetensors"));
    Files.write(dir.resolve("model.safetensors"), java.util.Arrays.copyOf(full, full.length / 2));
    var e = assertThrows(IllegalArgumentException.class, () -> GPT2LMHeadModel.fromPretrained(dir));
    assertTrue(e.getMessage().contains("outside the"), e.getMessage());
  }

  @Test
  void weightsWithoutThePrefixAndAnExplicitTiedHeadLoadTheSameModel() throws IOException {
    copyConfig();
    Map<String, Tensor> renamed = new LinkedHashMap<>();
    Safetensors.read(Gpt2Resources.tinyModel().resolve("model.safetensors"))
        .forEach((name, t) -> renamed.put(name.replaceFirst("^transformer\\.", ""), t));
    renamed.put("lm_head.weight", renamed.get("wte.weight"));
    renamed.put("h.0.attn.bias", Tensor.of(new float[64 * 64], 1, 1, 64, 64));
    Safetensors.write(dir.resolve("model.safetensors"), renamed);
    GPT2LMHeadModel model = GPT2LMHeadModel.fromPretrained(dir);
    float[] a = model.forward(model.newCache(2), 464, 3290).clone();
    float[] b = GPT2LMHeadModelTest.MODEL.forward(GPT2LMHeadModelTest.MODEL.newCache(2), 464, 3290);
    assertEquals(a[11900], b[11900]);
  }

  @Test
  void aWeightOfTheWrongShapeOrAMissingWeightIsNamed() throws IOException {
    copyConfig();
    Map<String, Tensor> tensors = new LinkedHashMap<>(
        Safetensors.read(Gpt2Resources.tinyModel().resolve("model.safetensors")));
    tensors.put("transformer.ln_f.bias", Tensor.of(new float[15], 15));
    Safetensors.write(dir.resolve("model.safetensors"), tensors);
    var shape = assertThrows(IllegalArgumentException.class, () -> GPT2LMHeadModel.fromPretrained(dir));
    assertTrue(shape.getMessage().contains("\"transformer.ln_f.bias\" has shape [15] but config.json"
        + " implies [16]"), shape.getMessage());
    tensors.remove("transformer.ln_f.bias");
    Safetensors.write(dir.resolve("model.safetensors"), tensors);
    var missing = assertThrows(IllegalArgumentException.class, () -> GPT2LMHeadModel.fromPretrained(dir));
    assertTrue(missing.getMessage().contains("no tensor \"transformer.ln_f.bias\""),
        missing.getMessage());
  }

  @Test
  void anUnsupportedConfigIsRefusedNamingTheKey() throws IOException {
    Files.writeString(dir.resolve("config.json"), "{\"activation_function\": \"relu\"}");
    var e = assertThrows(IllegalArgumentException.class,
        () -> GPT2Config.fromJson(dir.resolve("config.json")));
    assertTrue(e.getMessage().contains("activation_function (relu) must be gelu_new"), e.getMessage());
    Files.writeString(dir.resolve("config.json"), "{\"n_embd\": 10, \"n_head\": 3}");
    var heads = assertThrows(IllegalArgumentException.class,
        () -> GPT2Config.fromJson(dir.resolve("config.json")));
    assertTrue(heads.getMessage().contains("n_embd (10) must be a multiple of n_head (3)"),
        heads.getMessage());
    Files.writeString(dir.resolve("config.json"), "{\"n_layer\": 99999999999}");
    var huge = assertThrows(IllegalArgumentException.class,
        () -> GPT2Config.fromJson(dir.resolve("config.json")));
    assertTrue(huge.getMessage().contains("n_layer (99999999999) must be"), huge.getMessage());
  }
}
