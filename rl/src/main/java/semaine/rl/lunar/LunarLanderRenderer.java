package semaine.rl.lunar;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Transform;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.Fixture;

/**
 * Draws a LunarLander frame of 600 x 400 pixels as Gymnasium's {@code render()}: white ground under
 * a black sky, the exhaust particles, the purple lander and legs, and the two yellow flags of the
 * pad. World to pixels: {@code px = 30 x}, {@code py = 400 − 30 y}.
 *
 * <p>Particles are cosmetic, as in Gymnasium: each engine impulse since the last frame emits one,
 * which flies off opposite to the impulse, falls, and fades ({@code ttl} −0.15 a frame); they are not
 * part of the physics world here.
 */
public final class LunarLanderRenderer {

  private static final Color LANDER_FILL = new Color(128, 102, 230);
  private static final Color LANDER_EDGE = new Color(77, 77, 128);
  private static final Color FLAG = new Color(204, 204, 0);
  private static final double MAIN_PARTICLE_MASS = 3.5 * Math.PI * Math.pow(2 / LanderWorld.SCALE, 2);
  private static final double SIDE_PARTICLE_MASS = 0.7 * Math.PI * Math.pow(2 / LanderWorld.SCALE, 2);

  private final List<Particle> particles = new ArrayList<>();
  private int lastStep = -1;

  private static final class Particle {
    double x;
    double y;
    double vx;
    double vy;
    double ttl;
  }

  LunarLanderRenderer() {}

  void clearParticles() {
    particles.clear();
    lastStep = -1;
  }

  /** The frame for the world's current state. */
  BufferedImage draw(LanderWorld world) {
    emit(world);
    int w = LanderWorld.VIEWPORT_W;
    int h = LanderWorld.VIEWPORT_H;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    for (int i = 0; i < LanderWorld.CHUNKS - 1; i++) {
      Path2D.Double sky = new Path2D.Double();
      sky.moveTo(px(world.chunkX[i]), py(world.smoothY[i]));
      sky.lineTo(px(world.chunkX[i + 1]), py(world.smoothY[i + 1]));
      sky.lineTo(px(world.chunkX[i + 1]), 0);
      sky.lineTo(px(world.chunkX[i]), 0);
      sky.closePath();
      g.fill(sky);
    }
    for (Particle p : particles) {
      g.setColor(new Color(unit(Math.max(0.2, 0.15 + p.ttl)), unit(Math.max(0.2, 0.5 * p.ttl)),
          unit(Math.max(0.2, 0.5 * p.ttl))));
      g.fill(new Ellipse2D.Double(px(p.x) - 2, py(p.y) - 2, 4, 4));
    }
    g.setStroke(new BasicStroke(1f));
    drawBody(g, world.lander);
    for (Body leg : world.legs) {
      drawBody(g, leg);
    }
    for (double x : new double[] {world.helipadX1, world.helipadX2}) {
      int fx = (int) Math.round(px(x));
      int bottom = (int) Math.round(py(world.helipadY));
      int top = bottom - 50;
      g.setColor(Color.WHITE);
      g.drawLine(fx, bottom, fx, top);
      g.setColor(FLAG);
      g.fillPolygon(new Polygon(new int[] {fx, fx, fx + 25}, new int[] {top, top + 10, top + 5}, 3));
    }
    g.dispose();
    age();
    return image;
  }

  private void drawBody(Graphics2D g, Body body) {
    Transform transform = body.getTransform();
    for (Fixture f = body.getFixtureList(); f != null; f = f.getNext()) {
      PolygonShape shape = (PolygonShape) f.getShape();
      Path2D.Double path = new Path2D.Double();
      Vec2 v = new Vec2();
      for (int i = 0; i < shape.getVertexCount(); i++) {
        Transform.mulToOut(transform, shape.getVertex(i), v);
        if (i == 0) {
          path.moveTo(px(v.x), py(v.y));
        } else {
          path.lineTo(px(v.x), py(v.y));
        }
      }
      path.closePath();
      g.setColor(LANDER_FILL);
      g.fill(path);
      g.setColor(LANDER_EDGE);
      g.draw(path);
    }
  }

  /** One particle per engine impulse of the last step, flying opposite to the impulse. */
  private void emit(LanderWorld world) {
    if (world.steps == lastStep) {
      return;
    }
    for (LanderWorld.Firing firing : world.firings) {
      Particle p = new Particle();
      double mass = firing.main() ? MAIN_PARTICLE_MASS : SIDE_PARTICLE_MASS;
      p.x = firing.x();
      p.y = firing.y();
      p.vx = -firing.impulseX() / mass / 8; // damped: Box2D's particles lose speed on the ground
      p.vy = -firing.impulseY() / mass / 8;
      p.ttl = firing.power();
      particles.add(p);
    }
    lastStep = world.steps;
  }

  private void age() {
    for (Iterator<Particle> it = particles.iterator(); it.hasNext(); ) {
      Particle p = it.next();
      p.x += p.vx / LanderWorld.FPS;
      p.y = Math.max(0, p.y + p.vy / LanderWorld.FPS);
      p.vy -= 10.0 / LanderWorld.FPS;
      p.ttl -= 0.15;
      if (p.ttl < 0) {
        it.remove();
      }
    }
  }

  private static double px(double x) {
    return x * LanderWorld.SCALE;
  }

  private static double py(double y) {
    return LanderWorld.VIEWPORT_H - y * LanderWorld.SCALE;
  }

  private static int unit(double v) {
    return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
  }
}
