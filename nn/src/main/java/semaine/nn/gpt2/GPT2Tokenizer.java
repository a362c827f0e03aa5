package semaine.nn.gpt2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import semaine.util.Json;

/**
 * GPT-2's byte-level BPE tokenizer, as transformers' {@code GPT2Tokenizer} (5.x) encodes and
 * decodes.
 *
 * <p>Encoding: the text is cut at each {@code <|endoftext|>} (a special token, id 50256, never
 * merged); each piece is split by GPT-2's pattern (contractions, an optional space and letters, an
 * optional space and digits, an optional space and other symbols, whitespace); each match's UTF-8
 * bytes become characters through {@link ByteLevel}; then the adjacent pair with the lowest merge
 * rank is merged, everywhere left to right, until no pair is in {@code merges.txt}; each resulting
 * symbol is looked up in {@code vocab.json}. Results are cached per match.
 *
 * <p>Decoding joins the tokens, maps the characters back to bytes and reads them as UTF-8, a
 * malformed sequence becoming one U+FFFD as Python's {@code errors="replace"}. Like transformers
 * 5.x (and unlike 4.x's pipeline) no "clean-up" removes spaces before punctuation.
 *
 * <p>No special token is added to the prompt ({@code add_bos_token=False}), as for GPT-2.
 */
public final class GPT2Tokenizer {

  /** The end-of-text token, GPT-2's bos, eos and unk. */
  public static final String END_OF_TEXT = "<|endoftext|>";

  /**
   * GPT-2's pre-tokenisation pattern; {@code UNICODE_CHARACTER_CLASS} makes {@code \s} Unicode
   * whitespace (NBSP, U+3000...) as in Python's {@code regex}.
   */
  private static final Pattern SPLIT = Pattern.compile(
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
      Pattern.UNICODE_CHARACTER_CLASS);

  /** Entries kept in the per-word cache before it is cleared. */
  private static final int CACHE_LIMIT = 100_000;

  /** The largest token id accepted: far above any GPT-2 vocabulary. */
  private static final int MAX_ID = 10_000_000;

  private final Map<String, Integer> encoder;
  /** Id to token; a map, not an array indexed by id: a vocabulary's ids may be sparse. */
  private final Map<Integer, String> decoder;
  private final Map<String, Integer> ranks;
  private final int endOfText;
  private final Map<String, String[]> cache = new ConcurrentHashMap<>();

  /**
   * A tokenizer from a vocabulary (token string to id) and the merges in rank order ("a b").
   */
  public GPT2Tokenizer(Map<String, Integer> vocab, List<String> merges) {
    if (!vocab.containsKey(END_OF_TEXT)) {
      throw new IllegalArgumentException("vocab has no " + END_OF_TEXT + " token");
    }
    this.encoder = Map.copyOf(vocab);
    Map<Integer, String> byId = new HashMap<>();
    for (var e : vocab.entrySet()) {
      checkId(e.getKey(), e.getValue());
      byId.put(e.getValue(), e.getKey());
    }
    // an array indexed by id would take 40 MB for one id near MAX_ID, whatever the file's size
    this.decoder = Map.copyOf(byId);
    this.ranks = new HashMap<>();
    for (int r = 0; r < merges.size(); r++) {
      String pair = merges.get(r);
      checkMerge("merge " + (r + 1), pair);
      ranks.putIfAbsent(pair, r);
    }
    this.endOfText = vocab.get(END_OF_TEXT);
  }

  /**
   * Loads {@code vocab.json} and {@code merges.txt} from a Hugging Face model folder. Malformed
   * JSON, an id that is not a whole number in [0, 10000000], a missing end-of-text token or a
   * merge line that is not two symbols is an error naming the file (and the line of merges.txt).
   */
  public static GPT2Tokenizer fromPretrained(Path folder) throws IOException {
    Path vocabFile = require(folder.resolve("vocab.json"));
    Path mergesFile = require(folder.resolve("merges.txt"));
    Map<String, Integer> vocab = new HashMap<>();
    try {
      if (!(Json.parse(readText(vocabFile)) instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("it must hold a JSON object of token: id");
      }
      for (var e : map.entrySet()) {
        if (!(e.getValue() instanceof Long id) || id < 0 || id > MAX_ID) {
          throw new IllegalArgumentException("the id of \"" + e.getKey() + "\" ("
              + e.getValue() + ") must be a whole number in [0, " + MAX_ID + "]");
        }
        vocab.put((String) e.getKey(), id.intValue());
      }
      if (!vocab.containsKey(END_OF_TEXT)) {
        throw new IllegalArgumentException("it has no " + END_OF_TEXT + " token");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(vocabFile + ": " + e.getMessage(), e);
    }
    List<String> merges = new ArrayList<>();
    List<String> lines = readText(mergesFile).lines().toList();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      // the first line is a "#version: 0.2" comment; blank lines carry no merge
      if (!line.isEmpty() && !(merges.isEmpty() && line.startsWith("#version"))) {
        checkMerge(mergesFile + ": line " + (n + 1) + ", merge " + (merges.size() + 1), line);
        merges.add(line);
      }
    }
    return new GPT2Tokenizer(vocab, merges);
  }

  /** The token ids of {@code text}, without added special tokens. */
  public int[] encode(String text) {
    List<String> tokens = tokenize(text);
    int[] ids = new int[tokens.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = encoder.getOrDefault(tokens.get(i), endOfText);
    }
    return ids;
  }

  /**
   * The token ids of the text read from {@code in}, given to {@code ids} in order: the same ids as
   * {@link #encode(String)} of the whole text, in memory bounded by {@code blockChars} and the
   * longest line. The text is cut only just before a line break that follows a printable ASCII
   * character: no piece of GPT-2's pattern (nor {@code <|endoftext|>}) spans such a point, since
   * the word before it ends there and the whitespace from the line break on is matched from its
   * start whatever came before.
   *
   * @return the number of characters read
   */
  public long encode(Reader in, int blockChars, IntConsumer ids) throws IOException {
    if (blockChars < 1) {
      throw new IllegalArgumentException("blockChars (" + blockChars + ") must be >= 1");
    }
    char[] buffer = new char[blockChars];
    StringBuilder pending = new StringBuilder();
    long read = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      read += n;
      int from = pending.length();
      pending.append(buffer, 0, n);
      int cut = lastSafeCut(pending, from);
      if (cut > 0) {
        for (int id : encode(pending.substring(0, cut))) {
          ids.accept(id);
        }
        pending.delete(0, cut);
      }
    }
    for (int id : encode(pending.toString())) {
      ids.accept(id);
    }
    return read;
  }

  /**
   * The last index at or after {@code from} of a line break preceded by a printable ASCII
   * character, or -1 (the text before {@code from} was searched already).
   */
  private static int lastSafeCut(CharSequence text, int from) {
    for (int i = text.length() - 1; i >= Math.max(1, from); i--) {
      char before = text.charAt(i - 1);
      if (text.charAt(i) == '\n' && before > ' ' && before < 0x7f) {
        return i;
      }
    }
    return -1;
  }

  /** The token strings of {@code text} (byte characters, e.g. "Ġworld"), as {@code tokenize}. */
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int at = text.indexOf(END_OF_TEXT); at >= 0; at = text.indexOf(END_OF_TEXT, start)) {
      splitAndMerge(text.substring(start, at), out);
      out.add(END_OF_TEXT);
      start = at + END_OF_TEXT.length();
    }
    splitAndMerge(text.substring(start), out);
    return out;
  }

  /**
   * The text of {@code ids}: {@code <|endoftext|>} is written as itself unless
   * {@code skipSpecialTokens}; bytes that are not valid UTF-8 become U+FFFD.
   */
  public String decode(int[] ids, boolean skipSpecialTokens) {
    StringBuilder text = new StringBuilder();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int id : ids) {
      String token = idToToken(id);
      if (id == endOfText) {
        text.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        if (!skipSpecialTokens) {
          text.append(token);
        }
        continue;
      }
      for (int i = 0; i < token.length(); i++) {
        int b = ByteLevel.toByte(token.charAt(i));
        if (b >= 0) {
          bytes.write(b);
        } else {
          bytes.writeBytes(String.valueOf(token.charAt(i)).getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return text.append(bytes.toString(StandardCharsets.UTF_8)).toString();
  }

  /** {@link #decode(int[], boolean)} keeping special tokens. */
  public String decode(int[] ids) {
    return decode(ids, false);
  }

  /** The token string of an id ({@code convert_ids_to_tokens}). */
  public String idToToken(int id) {
    String token = decoder.get(id);
    if (token == null) {
      throw new IllegalArgumentException("token id (" + id + ") is not in the vocabulary of "
          + encoder.size() + " tokens");
    }
    return token;
  }

  /** The id of {@code <|endoftext|>} (50256 for GPT-2). */
  public int eosTokenId() {
    return endOfText;
  }

  /** Number of tokens in the vocabulary. */
  public int vocabSize() {
    return encoder.size();
  }

  /**
   * The pre-tokenised words of {@code text} in byte characters ("Ġworld"), before any merge:
   * what BPE merges and what {@link BpeTrainer} counts.
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = SPLIT.matcher(text);
    while (m.find()) {
      out.add(ByteLevel.encode(m.group()));
    }
    return out;
  }

  private void splitAndMerge(String text, List<String> out) {
    for (String word : words(text)) {
      String[] symbols = cache.get(word);
      if (symbols == null) {
        symbols = bpe(word);
        if (cache.size() >= CACHE_LIMIT) {
          cache.clear();
        }
        cache.put(word, symbols);
      }
      out.addAll(List.of(symbols));
    }
  }

  /** Merges the characters of one word by rank until no adjacent pair is a known merge. */
  private String[] bpe(String word) {
    List<String> symbols = new ArrayList<>(word.length());
    for (int i = 0; i < word.length(); i++) {
      symbols.add(String.valueOf(word.charAt(i)));
    }
    while (symbols.size() > 1) {
      String best = null;
      int bestRank = Integer.MAX_VALUE;
      for (int i = 0; i + 1 < symbols.size(); i++) {
        Integer rank = ranks.get(symbols.get(i) + " " + symbols.get(i + 1));
        if (rank != null && rank < bestRank) {
          bestRank = rank;
          best = symbols.get(i) + " " + symbols.get(i + 1);
        }
      }
      if (best == null) {
        break;
      }
      String first = best.substring(0, best.indexOf(' '));
      String second = best.substring(best.indexOf(' ') + 1);
      List<String> merged = new ArrayList<>(symbols.size());
      for (int i = 0; i < symbols.size(); i++) {
        if (i + 1 < symbols.size() && symbols.get(i).equals(first)
            && symbols.get(i + 1).equals(second)) {
          merged.add(first + second);
          i++;
        } else {
          merged.add(symbols.get(i));
        }
      }
      symbols = merged;
    }
    return symbols.toArray(String[]::new);
  }

  private static void checkId(String token, int id) {
    if (id < 0 || id > MAX_ID) {
      throw new IllegalArgumentException("vocab id (" + id + ") of \"" + token + "\" must be in [0, "
          + MAX_ID + "]");
    }
  }

  /** {@code what} names the merge in the error when {@code pair} is not "a b". */
  private static void checkMerge(String what, String pair) {
    int space = pair.indexOf(' ');
    if (space <= 0 || space != pair.lastIndexOf(' ') || space == pair.length() - 1) {
      throw new IllegalArgumentException(what + " (\"" + pair
          + "\") must be two symbols separated by one space");
    }
  }

  /**
   * The UTF-8 text of a model file, which must exist; text that is not UTF-8 is an error naming
   * the file.
   */
  static String readText(Path file) throws IOException {
    require(file);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IOException(file + ": not UTF-8 text (" + e + ")", e);
    }
  }

  static Path require(Path file) throws NoSuchFileException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null,
          "missing from the model folder; a GPT-2 folder holds config.json, model.safetensors, "
              + "vocab.json and merges.txt");
    }
    return file;
  }
}
