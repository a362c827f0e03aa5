package semaine.nn;

/**
 * Elementwise functions with their derivative, written in terms of the input x and the output y so
 * the backward pass needs no second evaluation.
 */
enum Unary {
  EXP {
    @Override
    float apply(float x) {
      return (float) Math.exp(x);
    }

    @Override
    float derivative(float x, float y) {
      return y;
    }
  },
  LOG {
    @Override
    float apply(float x) {
      return (float) Math.log(x);
    }

    @Override
    float derivative(float x, float y) {
      return 1f / x;
    }
  },
  SQRT {
    @Override
    float apply(float x) {
      return (float) Math.sqrt(x);
    }

    @Override
    float derivative(float x, float y) {
      return 0.5f / y;
    }
  },
  SQUARE {
    @Override
    float apply(float x) {
      return x * x;
    }

    @Override
    float derivative(float x, float y) {
      return 2f * x;
    }
  },
  TANH {
    @Override
    float apply(float x) {
      return (float) Math.tanh(x);
    }

    @Override
    float derivative(float x, float y) {
      return 1f - y * y;
    }
  },
  /** {@code 1 / (1 + e^-x)}. */
  SIGMOID {
    @Override
    float apply(float x) {
      return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    @Override
    float derivative(float x, float y) {
      return y * (1f - y);
    }
  },
  /** {@code max(0, x)}, NaN kept; the derivative at 0 is 0, as PyTorch's. */
  RELU {
    @Override
    float apply(float x) {
      return Math.max(x, 0f);
    }

    @Override
    float derivative(float x, float y) {
      return x > 0f ? 1f : 0f;
    }
  },
  /** {@code x·Φ(x) = x/2·(1 + erf(x/√2))}; derivative {@code Φ(x) + x·φ(x)}. */
  GELU {
    @Override
    float apply(float x) {
      return (float) (0.5 * x * (1.0 + Erf.erf(x * INV_SQRT2)));
    }

    @Override
    float derivative(float x, float y) {
      double cdf = 0.5 * (1.0 + Erf.erf(x * INV_SQRT2));
      double pdf = Math.exp(-0.5 * x * x) * INV_SQRT_2PI;
      return (float) (cdf + x * pdf);
    }
  },
  /** {@code x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}, the tanh approximation. */
  GELU_TANH {
    @Override
    float apply(float x) {
      double u = SQRT_2_OVER_PI * (x + 0.044715 * x * x * x);
      return (float) (0.5 * x * (1.0 + Math.tanh(u)));
    }

    @Override
    float derivative(float x, float y) {
      double u = SQRT_2_OVER_PI * (x + 0.044715 * x * x * x);
      double t = Math.tanh(u);
      double du = SQRT_2_OVER_PI * (1.0 + 3 * 0.044715 * x * x);
      return (float) (0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * du);
    }
  };

  static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
  static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
  static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

  abstract float apply(float x);

  abstract float derivative(float x, float y);
}
