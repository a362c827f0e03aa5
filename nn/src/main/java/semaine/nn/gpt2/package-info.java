/**
 * GPT-2 text generation, the book's last listing ({@code pipeline('text-generation',
 * model='gpt2')}): the byte-level BPE {@link semaine.nn.gpt2.GPT2Tokenizer}, the model with its
 * language-model head and a key/value cache ({@link semaine.nn.gpt2.GPT2LMHeadModel}) loaded from
 * a Hugging Face folder, generation ({@link semaine.nn.gpt2.Generator}, configured by
 * {@link semaine.nn.gpt2.GenerationConfig}) and the pipeline. Finding or downloading the folder is
 * {@code semaine.nn.hub}'s work.
 *
 * <p>It mirrors transformers' {@code GPT2Tokenizer}, {@code GPT2LMHeadModel}, {@code generate}
 * and {@code TextGenerationPipeline}; the tests compare ids, logits and greedy continuations with
 * transformers 5.18. Names are transformers': {@code GPT2LMHeadModel} is the model with the head
 * that one loads and generates with. The trainable GPT-2 built from {@code semaine.nn} layers
 * (autograd, for {@link semaine.nn.gpt2.GPT2Trainer}) is
 * {@link semaine.nn.gpt2.TrainableGPT2LMHeadModel}: the same network and checkpoint keys, another
 * name because it is another class. Transformers' headless {@code GPT2Model} has no class here.
 *
 * <p>Legend for shapes in comments: T sequence length, C channels ({@code n_embd}), V
 * vocabulary, nh heads, hs head size (C / nh), L layers. Names follow the checkpoint keys
 * ({@code wte}, {@code h.0.attn.c_attn}). Sampling uses semaine's own seeded generator, so a seed
 * repeats the same text in semaine but not PyTorch's text. The products of inference, float32 or
 * 8-bit, and their Vector API kernels are package-private here.
 */
package semaine.nn.gpt2;
