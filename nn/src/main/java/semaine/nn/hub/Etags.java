package semaine.nn.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The Hub's etags, which are content hashes: for a file stored with Git LFS (weights) the SHA-256
 * of the content, for a regular git file the git blob id
 * {@code sha1("blob " + size + "\0" + content)}. {@code huggingface_hub} only names blobs after
 * them; semaine also checks the downloaded bytes against them.
 */
final class Etags {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

  private Etags() {}

  /** The etag without {@code W/} and quotes (huggingface_hub's {@code _normalize_etag}). */
  static String normalize(String etag) {
    String e = etag.startsWith("W/") ? etag.substring(2) : etag;
    return e.replace("\"", "");
  }

  /**
   * The hash of {@code file} in the form of {@code etag} (SHA-256 hex for 64 digits, git blob
   * SHA-1 hex for 40), or null when the etag is not a hash (a mirror's own etag), which is then
   * not checked.
   */
  static String hash(Path file, String etag) throws IOException {
    MessageDigest digest;
    if (SHA256.matcher(etag).matches()) {
      digest = digest("SHA-256");
    } else if (SHA1.matcher(etag).matches()) {
      digest = digest("SHA-1");
      digest.update(("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII));
    } else {
      return null;
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every JDK", e);
    }
  }
}
