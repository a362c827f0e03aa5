package semaine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version line: {@code semaine 0.1.0-SNAPSHOT (Java 25.0.3)}.
 *
 * <p>The version comes from the jar manifest's {@code Implementation-Version} (set by the shade
 * plugin), else from {@code semaine/cli/version.properties} (filtered by Maven, so it is right when
 * running from {@code target/classes} too), else {@code dev}.
 */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"semaine " + version() + " (Java " + javaVersion() + ")"};
  }

  /** The semaine version, for example {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
    if (fromManifest != null && !fromManifest.isBlank()) {
      return fromManifest;
    }
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        // An unfiltered resource still holds the Maven placeholder.
        if (!v.isBlank() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "dev";
  }

  /** The running Java version, for example {@code 25.0.3}. */
  public static String javaVersion() {
    return System.getProperty("java.version");
  }

  /** {@code {"name": "semaine", "version": ..., "java": ...}}, printed by {@code --version --json}. */
  public static Map<String, Object> asJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", "semaine");
    json.put("version", version());
    json.put("java", javaVersion());
    return json;
  }
}
