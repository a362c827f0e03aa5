// Day 7 of the book: text generation with GPT-2, the book's last listing.
//
// semaine's record of the book (shared/reference/book.json) holds no text of this listing; these
// are its lines as issue 10 quotes them ("The book ends with:", the import is not quoted):
//   generator = pipeline('text-generation', model='gpt2')
//   set_seed(42)
//   generator("I loved reading that book.", max_length=50, num_return_sequences=1)
//
// max_length=50: 50 tokens in all, the prompt's included, as the book means it (and as
// transformers did when the book was written). transformers 5.18's text-generation pipeline now
// passes max_new_tokens=256 by default, and max_new_tokens wins over max_length: the book's line
// run there today generates 256 new tokens. semaine keeps the book's meaning: the text below is 50
// tokens long, prompt included (ExampleCommandTest checks it).
//
// The model is "gpt2" from the Hugging Face cache shared with Python (~/.cache/huggingface, or
// HF_HOME), unless the system property semaine.example.model or the environment variable
// SEMAINE_GPT2 names another model (a folder, a Hub id, or moby-dick, the model built into
// semaine). When gpt2 is neither cached nor downloadable, the pipeline says so and uses moby-dick.
// The seed gives the same text on every run of semaine, not PyTorch's text: transformers draws its
// samples from PyTorch's own random generator.
import static semaine.nn.gpt2.GenerationParameter.MAX_LENGTH;
import static semaine.nn.gpt2.GenerationParameter.NUM_RETURN_SEQUENCES;

import java.io.FileNotFoundException;
import semaine.nn.gpt2.GeneratedText;
import semaine.nn.gpt2.Pipeline;
import semaine.nn.gpt2.TextGenerationPipeline;
import semaine.nn.gpt2.Transformers;
import semaine.util.Listing;

void main() throws Exception {
  String model = System.getProperty("semaine.example.model",
      System.getenv().getOrDefault("SEMAINE_GPT2", "gpt2"));
  TextGenerationPipeline generator;
  try {
    generator = Pipeline.textGeneration(model);
  } catch (FileNotFoundException e) {
    Listing.show("error", e.getMessage());
    return;
  }
  Transformers.setSeed(Listing.seed(42));
  var generated = generator.generate("I loved reading that book.", MAX_LENGTH.of(50),
      NUM_RETURN_SEQUENCES.of(1));
  Listing.show("model", generator.name());
  generator.notice().ifPresent(notice -> Listing.show("notice", notice));
  Listing.show("generated_text", generated.stream().map(GeneratedText::generatedText).toList());
  Listing.show("ids", generated.getFirst().ids());
}
