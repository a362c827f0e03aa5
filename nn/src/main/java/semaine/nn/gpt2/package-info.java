/**
 * GPT-2 text generation, the book's last listing ({@code pipeline('text-generation',
 * model='gpt2')}): the byte-level BPE {@link semaine.nn.gpt2.GPT2Tokenizer}, the model with a
 * key/value cache ({@link semaine.nn.gpt2.GPT2Model}) loaded from a Hugging Face folder, and
 * generation. {@link semaine.nn.gpt2.ModelHub} finds a model in the Hugging Face cache shared with
 * Python, or downloads it there with {@code huggingface_hub}'s URLs, headers and layout.
 *
 * <p>It mirrors transformers' {@code GPT2Tokenizer}, {@code GPT2LMHeadModel}, {@code generate} and
 * {@code TextGenerationPipeline}; the tests compare ids, logits and greedy continuations with
 * transformers 5.18. Legend for shapes in comments: T sequence length, C channels ({@code n_embd}),
 * V vocabulary, nh heads, hs head size (C / nh), L layers. Names follow the checkpoint keys
 * ({@code wte}, {@code h.0.attn.c_attn}). Sampling uses semaine's own seeded generator, so a seed
 * repeats the same text in semaine but not PyTorch's text.
 */
package semaine.nn.gpt2;
