package semaine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import semaine.plot.Figure;
import semaine.random.RandomState;

/**
 * Time to draw a 200,000-point scatter (standard normal x and y, marker area 4 points²) in a
 * 640 x 480 figure and save it as PNG, as matplotlib's {@code ax.scatter(x, y, s=4);
 * fig.savefig("out.png")}. The goal: under 2 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true"})
public class ScatterBenchmark {

  private double[] x;
  private double[] y;
  private Path out;

  @Setup
  public void setUp() throws IOException {
    RandomState rng = new RandomState(0);
    x = rng.randn(200_000);
    y = rng.randn(200_000);
    out = Files.createTempFile("semaine-scatter-bench", ".png");
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(out);
  }

  @Benchmark
  public Path scatter200kToPng() {
    Figure fig = Figure.create(640, 480);
    fig.axes().scatter(x, y).s(4);
    return fig.savefig(out);
  }
}
