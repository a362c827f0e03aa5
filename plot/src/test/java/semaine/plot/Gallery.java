package semaine.plot;

import java.nio.file.Path;
import semaine.data.Blobs;
import semaine.data.Datasets;

/** Writes sample figures under plot/target/gallery for a person to look at (not a test). */
final class Gallery {

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/gallery");
    Blobs b = Datasets.makeBlobs().nSamples(50).centers(2).randomState(0).generate();
    double[] x = new double[50];
    double[] y = new double[50];
    for (int i = 0; i < 50; i++) {
      x[i] = b.X()[i][0];
      y[i] = b.X()[i][1];
    }
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    ax.decisionRule(p -> p[0] + p[1] > 4.5 ? 1 : 0, -1, 4, -1, 7);
    ax.scatter(x, y).c(b.y()).cmap("bwr").label("points");
    ax.plot(new double[] {0, 3}, new double[] {1, 5}).style("k--").label("a line");
    ax.title("make_blobs(50, centers=2, random_state=0)").xlabel("x0").ylabel("x1").legend();
    fig.savefig(dir.resolve("blobs.png"));
    fig.savefig(dir.resolve("blobs.svg"));

    Figure f2 = Figure.create(800, 600);
    Axes[][] axs = f2.subplots(2, 2);
    double[] g = new double[101];
    for (int i = 0; i < g.length; i++) {
      g[i] = -2 + 4.0 * i / 100;
    }
    double[][] Z = new double[g.length][g.length];
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        Z[i][j] = g[j] * g[j] + g[i] * g[i];
      }
    }
    axs[0][0].contourf(g, g, Z, 7);
    axs[0][0].contour(g, g, Z, new double[] {1}).color("k");
    axs[0][0].title("contourf");
    double[] v = new double[1000];
    semaine.random.RandomState rng = new semaine.random.RandomState(0);
    double[] n = rng.randn(1000);
    axs[0][1].hist(n, 30);
    axs[0][1].title("hist");
    axs[1][0].imshow(new double[][] {{1, 2, 3}, {4, 5, 6}}).values(true);
    axs[1][1].bar(new String[] {"a", "b", "c"}, new double[] {3, 1, 2});
    axs[1][1].axhline(1.5).color("tab:red").linestyle("--");
    f2.savefig(dir.resolve("grid.png"));

    Figure f3 = Figure.create(640, 480);
    double[] t = new double[41];
    for (int i = 0; i < t.length; i++) {
      t[i] = -10 + 20.0 * i / 40;
    }
    double[][] J = new double[t.length][t.length];
    for (int i = 0; i < t.length; i++) {
      for (int j = 0; j < t.length; j++) {
        J[i][j] = t[j] * t[j] + 2 * t[i] * t[i];
      }
    }
    double[] px = {8, 6, 4.5, 3.3, 2.4, 1.6, 1};
    double[] py = {8, 5, 3, 1.8, 1, 0.5, 0.2};
    double[] pz = new double[px.length];
    for (int k = 0; k < px.length; k++) {
      pz[k] = px[k] * px[k] + 2 * py[k] * py[k];
    }
    f3.axes().surface3d(t, t, J).cmap("coolwarm").path(px, py, pz).labels("θ0", "θ1", "J");
    f3.axes().title("cost bowl");
    f3.savefig(dir.resolve("bowl.png"));
  }
}
