package semaine.rl.lunar;

import java.util.ArrayList;
import java.util.List;
import org.jbox2d.callbacks.ContactImpulse;
import org.jbox2d.callbacks.ContactListener;
import org.jbox2d.collision.Manifold;
import org.jbox2d.collision.shapes.EdgeShape;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;
import org.jbox2d.dynamics.contacts.Contact;
import org.jbox2d.dynamics.joints.RevoluteJointDef;
import semaine.random.RandomState;

/**
 * The physics of one LunarLander episode on jbox2d: the terrain, the lander and its legs, the
 * engines, and the observation. Everything follows Gymnasium's {@code lunar_lander.py} (v3); the
 * constants and the order of the random draws are listed in the comments where they are used.
 * Package-private: {@link LunarLander} and {@link LunarLanderContinuous} drive it, the renderer reads
 * it.
 */
final class LanderWorld {

  static final int FPS = 50;
  static final double SCALE = 30.0; // design pixels per metre
  static final double MAIN_ENGINE_POWER = 13.0;
  static final double SIDE_ENGINE_POWER = 0.6;
  static final double INITIAL_RANDOM = 1000.0; // bound of the initial push, newtons per axis
  static final double[][] LANDER_POLY = {{-14, 17}, {-17, 0}, {-17, -10}, {17, -10}, {17, 0},
      {14, 17}};
  static final double LEG_AWAY = 20;
  static final double LEG_DOWN = 18;
  static final double LEG_W = 2;
  static final double LEG_H = 8;
  static final double LEG_SPRING_TORQUE = 40;
  static final double SIDE_ENGINE_HEIGHT = 14;
  static final double SIDE_ENGINE_AWAY = 12;
  static final double MAIN_ENGINE_Y_LOCATION = 4;
  static final int VIEWPORT_W = 600;
  static final int VIEWPORT_H = 400;
  static final double W = VIEWPORT_W / SCALE; // 20 m
  static final double H = VIEWPORT_H / SCALE; // 13.333 m
  static final int CHUNKS = 11;

  /** An engine impulse, kept for the renderer's particles. */
  record Firing(double x, double y, double impulseX, double impulseY, double power, boolean main) {}

  final World world;
  final Body lander;
  final Body[] legs = new Body[2]; // legs[0] on the +x side, legs[1] on the -x side
  final boolean[] legContact = new boolean[2];
  final double[] chunkX = new double[CHUNKS];
  final double[] smoothY = new double[CHUNKS];
  final double helipadX1;
  final double helipadX2;
  final double helipadY;
  final List<Firing> firings = new ArrayList<>();
  boolean gameOver;
  int steps; // physics steps taken, the reset's internal one included

  /**
   * Builds the world of a new episode, drawing from {@code random} in Gymnasium's order: 12 terrain
   * heights, then the push Fx and Fy. (The wind offsets, when enabled, are drawn by the caller next.)
   */
  LanderWorld(double gravity, RandomState random) {
    world = new World(new Vec2(0f, (float) gravity));
    world.setContactListener(new Listener());

    // Terrain: CHUNKS + 1 heights in [0, H/2); the five around the middle become the pad.
    double[] height = random.uniform(0, H / 2, CHUNKS + 1);
    for (int i = 0; i < CHUNKS; i++) {
      chunkX[i] = W / (CHUNKS - 1) * i;
    }
    helipadX1 = chunkX[CHUNKS / 2 - 1];
    helipadX2 = chunkX[CHUNKS / 2 + 1];
    helipadY = H / 4;
    for (int i = CHUNKS / 2 - 2; i <= CHUNKS / 2 + 2; i++) {
      height[i] = helipadY;
    }
    // Gymnasium's smoothing: 0.33 (not 1/3), and i = 0 takes height[-1], the last of the 12.
    for (int i = 0; i < CHUNKS; i++) {
      double previous = i == 0 ? height[CHUNKS] : height[i - 1];
      smoothY[i] = 0.33 * (previous + height[i] + height[i + 1]);
    }
    Body moon = world.createBody(new BodyDef());
    moon.createFixture(edge(0, 0, W, 0), 0f);
    for (int i = 0; i < CHUNKS - 1; i++) {
      FixtureDef fixture = new FixtureDef();
      fixture.shape = edge(chunkX[i], smoothY[i], chunkX[i + 1], smoothY[i + 1]);
      fixture.density = 0f;
      fixture.friction = 0.1f;
      moon.createFixture(fixture);
    }

    lander = world.createBody(dynamicAt(W / 2, H, 0));
    Vec2[] hull = new Vec2[LANDER_POLY.length];
    for (int i = 0; i < hull.length; i++) {
      hull[i] = new Vec2((float) (LANDER_POLY[i][0] / SCALE), (float) (LANDER_POLY[i][1] / SCALE));
    }
    PolygonShape hullShape = new PolygonShape();
    hullShape.set(hull, hull.length);
    lander.createFixture(fixture(hullShape, 5f, 0.1f, 0x0010));
    lander.applyForceToCenter(new Vec2((float) random.uniform(-INITIAL_RANDOM, INITIAL_RANDOM),
        (float) random.uniform(-INITIAL_RANDOM, INITIAL_RANDOM)));

    for (int k = 0; k < 2; k++) {
      int i = k == 0 ? -1 : 1;
      Body leg = world.createBody(dynamicAt(W / 2 - i * LEG_AWAY / SCALE, H, i * 0.05));
      PolygonShape box = new PolygonShape();
      box.setAsBox((float) (LEG_W / SCALE), (float) (LEG_H / SCALE));
      leg.createFixture(fixture(box, 1f, 0.2f, 0x0020));
      // Explicit anchors that do not coincide yet: the solver snaps the leg in on the first step.
      RevoluteJointDef joint = new RevoluteJointDef();
      joint.bodyA = lander;
      joint.bodyB = leg;
      joint.localAnchorA.set(0f, 0f);
      joint.localAnchorB.set((float) (i * LEG_AWAY / SCALE), (float) (LEG_DOWN / SCALE));
      joint.enableMotor = true;
      joint.enableLimit = true;
      joint.maxMotorTorque = (float) LEG_SPRING_TORQUE;
      joint.motorSpeed = (float) (0.3 * i);
      joint.lowerAngle = (float) (i == -1 ? 0.9 - 0.5 : -0.9);
      joint.upperAngle = (float) (i == -1 ? 0.9 : -0.9 + 0.5);
      world.createJoint(joint);
      legs[k] = leg;
    }
  }

  /**
   * Fires the engines for one step: draws the two dispersion numbers (always, even with both engines
   * off), then applies the main impulse ({@code mainPower > 0}) and the side impulse
   * ({@code sidePower > 0}, {@code direction} −1 or +1) at Gymnasium's offsets.
   */
  void fire(double mainPower, double sidePower, double direction, RandomState random) {
    firings.clear();
    double angle = lander.getAngle();
    double tipX = Math.sin(angle);
    double tipY = Math.cos(angle);
    double sideX = -tipY;
    double sideY = tipX;
    double d0 = random.uniform(-1.0, 1.0) / SCALE;
    double d1 = random.uniform(-1.0, 1.0) / SCALE;
    double px = lander.getPosition().x;
    double py = lander.getPosition().y;
    if (mainPower > 0) {
      double along = MAIN_ENGINE_Y_LOCATION / SCALE + 2 * d0;
      double ox = tipX * along + sideX * d1;
      double oy = -tipY * along - sideY * d1;
      impulse(px + ox, py + oy, -ox * MAIN_ENGINE_POWER * mainPower,
          -oy * MAIN_ENGINE_POWER * mainPower, mainPower, true);
    }
    if (sidePower > 0) {
      double across = 3 * d1 + direction * SIDE_ENGINE_AWAY / SCALE;
      double ox = tipX * d0 + sideX * across;
      double oy = -tipY * d0 - sideY * across;
      // Gymnasium's point uses 17 px across for x but SIDE_ENGINE_HEIGHT (14 px) for y; kept.
      impulse(px + ox - tipX * 17 / SCALE, py + oy + tipY * SIDE_ENGINE_HEIGHT / SCALE,
          -ox * SIDE_ENGINE_POWER * sidePower, -oy * SIDE_ENGINE_POWER * sidePower, sidePower,
          false);
    }
  }

  /** Wind force and turbulence torque on the lander (the caller applies them only in flight). */
  void blow(double wind, double torque) {
    lander.applyForceToCenter(new Vec2((float) wind, 0f));
    lander.applyTorque((float) torque);
  }

  /** One physics step: dt 1/50 s, 180 velocity and 60 position iterations. */
  void step() {
    world.step(1f / FPS, 6 * 30, 2 * 30);
    steps++;
  }

  /** The 8 observation values in double, before Gymnasium's cast to float32. */
  double[] state() {
    Vec2 pos = lander.getPosition();
    Vec2 vel = lander.getLinearVelocity();
    return new double[] {
        (pos.x - W / 2) / (W / 2),
        (pos.y - (helipadY + LEG_DOWN / SCALE)) / (H / 2),
        vel.x * (W / 2) / FPS,
        vel.y * (H / 2) / FPS,
        lander.getAngle(),
        20.0 * lander.getAngularVelocity() / FPS,
        legContact[0] ? 1.0 : 0.0,
        legContact[1] ? 1.0 : 0.0};
  }

  /** False once Box2D put the lander to sleep (it came to rest): the landing. */
  boolean landerAwake() {
    return lander.isAwake();
  }

  private void impulse(double x, double y, double ix, double iy, double power, boolean main) {
    lander.applyLinearImpulse(new Vec2((float) ix, (float) iy), new Vec2((float) x, (float) y));
    firings.add(new Firing(x, y, ix, iy, power, main));
  }

  private static EdgeShape edge(double x1, double y1, double x2, double y2) {
    EdgeShape shape = new EdgeShape();
    shape.set(new Vec2((float) x1, (float) y1), new Vec2((float) x2, (float) y2));
    return shape;
  }

  private static BodyDef dynamicAt(double x, double y, double angle) {
    BodyDef def = new BodyDef();
    def.type = BodyType.DYNAMIC;
    def.position.set((float) x, (float) y);
    def.angle = (float) angle;
    return def;
  }

  private static FixtureDef fixture(org.jbox2d.collision.shapes.Shape shape, float density,
      float friction, int category) {
    FixtureDef def = new FixtureDef();
    def.shape = shape;
    def.density = density;
    def.friction = friction;
    def.restitution = 0f;
    def.filter.categoryBits = category;
    def.filter.maskBits = 0x0001;
    return def;
  }

  /** Gymnasium's ContactDetector: the hull touching ground ends the game; legs report contact. */
  private final class Listener implements ContactListener {
    @Override
    public void beginContact(Contact contact) {
      Body a = contact.getFixtureA().getBody();
      Body b = contact.getFixtureB().getBody();
      if (a == lander || b == lander) {
        gameOver = true;
      }
      for (int i = 0; i < 2; i++) {
        if (a == legs[i] || b == legs[i]) {
          legContact[i] = true;
        }
      }
    }

    @Override
    public void endContact(Contact contact) {
      Body a = contact.getFixtureA().getBody();
      Body b = contact.getFixtureB().getBody();
      for (int i = 0; i < 2; i++) {
        if (a == legs[i] || b == legs[i]) {
          legContact[i] = false;
        }
      }
    }

    @Override
    public void preSolve(Contact contact, Manifold oldManifold) {}

    @Override
    public void postSolve(Contact contact, ContactImpulse impulse) {}
  }
}
