/**
 * The Hugging Face Hub and its local cache, for the book's last listing
 * ({@code pipeline('text-generation', model='gpt2')} fetches {@code gpt2} from the Hub):
 * {@link semaine.nn.hub.ModelHub} finds a model folder in the cache shared with Python's
 * {@code huggingface_hub}, or downloads it there with the same URLs, headers and layout, telling a
 * {@link semaine.nn.hub.ProgressListener} how far it has gone.
 *
 * <p>It mirrors {@code huggingface_hub}'s {@code snapshot_download}, {@code hf_hub_download} and
 * {@code try_to_load_from_cache} for the files of a GPT-2 model only (config, weights, tokenizer
 * files, generation config): no uploads, and the {@code main} revision only.
 * The HTTP side, the cache layout and the integrity checks are package-private parts
 * ({@code HubClient}, {@code RepoCache}, {@code BlobTransfer}, {@code Etags}). Nothing here
 * knows about models: {@code semaine.nn.gpt2} loads what this package finds.
 */
package semaine.nn.hub;
