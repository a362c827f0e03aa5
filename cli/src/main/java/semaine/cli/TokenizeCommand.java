package semaine.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.nn.gpt2.EmbeddedModel;
import semaine.nn.gpt2.GPT2Tokenizer;
import semaine.nn.hub.ModelHub;

/**
 * {@code semaine tokenize "TEXT" [--model gpt2|DIR]}: GPT-2's token ids and token strings of a
 * text, as transformers' {@code GPT2Tokenizer}. JSON: {@code ids}, {@code tokens}, {@code model}.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = "Split a text into GPT-2 tokens (byte-level BPE) and print their ids.")
public final class TokenizeCommand extends ResultCommand {

  @Parameters(index = "0", paramLabel = "TEXT", description = "The text to tokenize.")
  String text;

  @Option(names = "--model", defaultValue = "gpt2", paramLabel = "gpt2|DIR",
      description = "A model folder (vocab.json, merges.txt), a Hub id in the Hugging Face cache, "
          + "or moby-dick, the model built into semaine (default: ${DEFAULT-VALUE}).")
  String model;

  @Override
  protected Result compute() throws Exception {
    GPT2Tokenizer tokenizer = EmbeddedModel.isEmbedded(model)
        ? EmbeddedModel.pipeline().tokenizer()
        : GPT2Tokenizer.fromPretrained(ModelHub.fromEnvironment().resolve(model));
    int[] ids = tokenizer.encode(text);
    List<String> tokens = tokenizer.tokenize(text);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ids", ids);
    json.put("tokens", tokens);
    json.put("model", model);
    return new Result(json, out -> {
      out.println(ids.length + " tokens");
      for (int i = 0; i < ids.length; i++) {
        out.printf("%6d  %s%n", ids[i], tokens.get(i));
      }
    });
  }
}
