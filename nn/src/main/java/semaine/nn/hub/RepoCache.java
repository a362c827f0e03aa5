package semaine.nn.hub;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One repository's folder in the Hugging Face cache, laid out as {@code huggingface_hub} does:
 *
 * <pre>
 * models--org--name/
 *   blobs/&lt;etag&gt;                       the content, named by its etag
 *   blobs/&lt;etag&gt;.incomplete            a download in progress
 *   refs/main                           the commit hash main points to
 *   snapshots/&lt;commit&gt;/&lt;file&gt;          a relative link ../../blobs/&lt;etag&gt;
 *                                       (a copy where links fail)
 *   .no_exist/&lt;commit&gt;/&lt;file&gt;          an empty file: the repository has no such file
 * </pre>
 *
 * and {@code CACHEDIR.TAG} at the cache root.
 */
record RepoCache(Path folder) {

  /**
   * The Cache Directory Tagging Standard's tag that huggingface_hub puts at the cache root, so
   * that backup tools skip the cache (https://bford.info/cachedir/).
   */
  private static final String CACHEDIR_TAG = """
      Signature: 8a477f597d28d172789f06886806bc55
      # This file is a cache directory tag created by huggingface_hub.
      # For information about cache directory tags, see:
      #\thttps://bford.info/cachedir/
      """;

  /** Writes {@code CACHEDIR.TAG} in {@code cache} unless there, as huggingface_hub does. */
  static void tag(Path cache) throws IOException {
    Path tag = cache.resolve("CACHEDIR.TAG");
    if (!Files.exists(tag)) {
      Files.createDirectories(cache);
      Files.writeString(tag, CACHEDIR_TAG);
    }
  }

  /** The folder of repository {@code id}: {@code models--} and the id, {@code /} as {@code --}. */
  static RepoCache of(Path cache, String id) {
    return new RepoCache(cache.resolve("models--" + id.replace("/", "--")));
  }

  Path blob(String etag) {
    return folder.resolve("blobs").resolve(etag);
  }

  Path snapshot(String commit) {
    return folder.resolve("snapshots").resolve(commit);
  }

  Path pointer(String commit, String file) {
    return snapshot(commit).resolve(file);
  }

  Path noExist(String commit, String file) {
    return folder.resolve(".no_exist").resolve(commit).resolve(file);
  }

  /** Points {@code refs/<revision>} at {@code commit}, rewritten atomically when it changed. */
  void writeRef(String revision, String commit) throws IOException {
    Path ref = folder.resolve("refs").resolve(revision);
    if (Files.isRegularFile(ref) && Files.readString(ref).equals(commit)) {
      return;
    }
    Files.createDirectories(ref.getParent());
    Path tmp = Files.createTempFile(ref.getParent(), revision, ".tmp");
    Files.writeString(tmp, commit);
    moveInPlace(tmp, ref);
  }

  /** Records that the repository has no {@code file} at {@code commit}. */
  void markMissing(String commit, String file) throws IOException {
    Path marker = noExist(commit, file);
    Files.createDirectories(marker.getParent());
    if (!Files.exists(marker)) {
      Files.createFile(marker);
    }
  }

  /**
   * Makes {@code snapshots/<commit>/<file>} a relative symbolic link to {@code blob}, as
   * huggingface_hub's {@code _create_symlink}; where the file system refuses links, a copy of the
   * blob (written beside, then moved, so no half file is ever visible).
   */
  Path link(String commit, String file, Path blob) throws IOException {
    Path pointer = pointer(commit, file);
    Files.createDirectories(pointer.getParent());
    Files.deleteIfExists(pointer);
    try {
      Files.createSymbolicLink(pointer, pointer.getParent().relativize(blob));
    } catch (UnsupportedOperationException | FileSystemException e) {
      Path tmp = Files.createTempFile(pointer.getParent(), file, ".tmp");
      Files.copy(blob, tmp, StandardCopyOption.REPLACE_EXISTING);
      moveInPlace(tmp, pointer);
    }
    return pointer;
  }

  /** Renames {@code from} to {@code to} in one step where the file system can. */
  static void moveInPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
