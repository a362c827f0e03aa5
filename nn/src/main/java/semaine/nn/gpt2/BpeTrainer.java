package semaine.nn.gpt2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.util.Json;

/**
 * Learns a byte-level BPE vocabulary from text, the way GPT-2's was learned (Sennrich et al.,
 * 2016, on GPT-2's bytes and pre-tokenisation): start from the 256 byte characters, then
 * repeatedly merge the pair of adjacent symbols that occurs most often in the corpus's words, until
 * the vocabulary has {@code vocabSize} entries, the last one {@code <|endoftext|>}.
 *
 * <p>Words are counted once each with their frequency, so a merge costs a pass over the distinct
 * words, not the text. Ties between equally frequent pairs go to the pair whose symbols come first
 * in string order, so training is deterministic. The result saves as {@code vocab.json} and
 * {@code merges.txt}, which {@link GPT2Tokenizer#fromPretrained} and transformers both read.
 */
public final class BpeTrainer {

  /** A vocabulary (token to id) and its merges in rank order ("a b"). */
  public record Vocabulary(Map<String, Integer> vocab, List<String> merges) {

    /** The tokenizer of this vocabulary. */
    public GPT2Tokenizer tokenizer() {
      return new GPT2Tokenizer(vocab, merges);
    }

    /** Writes {@code vocab.json} and {@code merges.txt} (with its "#version: 0.2" line). */
    public void save(Path folder) throws IOException {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("vocab.json"), Json.write(vocab), StandardCharsets.UTF_8);
      Files.writeString(folder.resolve("merges.txt"),
          "#version: 0.2\n" + String.join("\n", merges) + "\n", StandardCharsets.UTF_8);
    }
  }

  private BpeTrainer() {}

  /**
   * The vocabulary of {@code vocabSize} tokens learned from {@code text}: 256 bytes, up to
   * {@code vocabSize − 257} merges (fewer when no pair occurs twice), then end-of-text.
   */
  public static Vocabulary train(String text, int vocabSize) {
    if (vocabSize < 257) {
      throw new IllegalArgumentException("vocabSize (" + vocabSize
          + ") must be >= 257: the 256 bytes and <|endoftext|>");
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("text is empty: BPE learns its merges from text");
    }
    List<String> symbols = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    for (char c : ByteLevel.alphabet().toCharArray()) {
      ids.put(String.valueOf(c), symbols.size());
      symbols.add(String.valueOf(c));
    }
    Words words = Words.count(text, ids);
    List<String> merges = new ArrayList<>();
    while (symbols.size() < vocabSize - 1) {
      long best = words.mostFrequentPair(symbols);
      if (best < 0) {
        break;
      }
      int a = (int) (best >>> 32);
      int b = (int) best;
      String merged = symbols.get(a) + symbols.get(b);
      merges.add(symbols.get(a) + " " + symbols.get(b));
      words.merge(a, b, symbols.size());
      symbols.add(merged);
    }
    Map<String, Integer> vocab = new LinkedHashMap<>();
    for (int i = 0; i < symbols.size(); i++) {
      vocab.putIfAbsent(symbols.get(i), i);
    }
    vocab.put(GPT2Tokenizer.END_OF_TEXT, symbols.size());
    return new Vocabulary(vocab, merges);
  }

  /** The distinct words as symbol ids, their counts, and the count of every adjacent pair. */
  private static final class Words {
    private final int[][] words;
    private final long[] counts;
    private final Map<Long, Long> pairs = new HashMap<>();

    private Words(int[][] words, long[] counts) {
      this.words = words;
      this.counts = counts;
      for (int w = 0; w < words.length; w++) {
        addPairs(words[w], counts[w]);
      }
    }

    static Words count(String text, Map<String, Integer> ids) {
      Map<String, Long> frequency = new LinkedHashMap<>();
      for (String word : GPT2Tokenizer.words(text)) {
        frequency.merge(word, 1L, Long::sum);
      }
      int[][] words = new int[frequency.size()][];
      long[] counts = new long[frequency.size()];
      int w = 0;
      for (var e : frequency.entrySet()) {
        String word = e.getKey();
        words[w] = new int[word.length()];
        for (int i = 0; i < word.length(); i++) {
          words[w][i] = ids.get(String.valueOf(word.charAt(i)));
        }
        counts[w++] = e.getValue();
      }
      return new Words(words, counts);
    }

    /** The most frequent pair (a << 32 | b) seen at least twice, ties by symbol text; or -1. */
    long mostFrequentPair(List<String> symbols) {
      long best = -1;
      long bestCount = 1;
      for (var e : pairs.entrySet()) {
        long count = e.getValue();
        long pair = e.getKey();
        if (count > bestCount || (count == bestCount && best >= 0 && before(pair, best, symbols))) {
          best = pair;
          bestCount = count;
        }
      }
      return best;
    }

    private static boolean before(long pair, long other, List<String> symbols) {
      int first = symbols.get((int) (pair >>> 32)).compareTo(symbols.get((int) (other >>> 32)));
      return first != 0 ? first < 0
          : symbols.get((int) pair).compareTo(symbols.get((int) other)) < 0;
    }

    /** Replaces every adjacent (a, b) by {@code merged}, left to right, updating pair counts. */
    void merge(int a, int b, int merged) {
      for (int w = 0; w < words.length; w++) {
        int[] word = words[w];
        if (!contains(word, a, b)) {
          continue;
        }
        addPairs(word, -counts[w]);
        int n = 0;
        for (int i = 0; i < word.length; i++) {
          if (i + 1 < word.length && word[i] == a && word[i + 1] == b) {
            word[n++] = merged;
            i++;
          } else {
            word[n++] = word[i];
          }
        }
        words[w] = java.util.Arrays.copyOf(word, n);
        addPairs(words[w], counts[w]);
      }
    }

    private static boolean contains(int[] word, int a, int b) {
      for (int i = 0; i + 1 < word.length; i++) {
        if (word[i] == a && word[i + 1] == b) {
          return true;
        }
      }
      return false;
    }

    private void addPairs(int[] word, long count) {
      for (int i = 0; i + 1 < word.length; i++) {
        long key = (long) word[i] << 32 | word[i + 1];
        long total = pairs.merge(key, count, Long::sum);
        if (total == 0) {
          pairs.remove(key);
        }
      }
    }
  }
}
