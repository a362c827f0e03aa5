"""Reference trajectories for semaine.rl.classic (CartPole-v1, MountainCar-v0, Acrobot-v1): the
observations, rewards, terminated and truncated flags and the inner state of Gymnasium's
environments, for given seeds and actions, across episode ends (reset() without a seed after each
end continues np_random's stream, as the Java side does).

Actions come from two kinds of policy: uniform random actions (np.random.RandomState(seed)), which
end CartPole episodes early, and a simple controller (push with the pole, with the car's velocity,
with the second link's velocity) that reaches CartPole's 500-step truncation, MountainCar's goal and
Acrobot's terminal height.

Run: /work/venv/bin/python reference/classic_control.py > rl/src/test/resources/reference/classic_control.json
"""
import json
import sys

import gymnasium as gym
import numpy as np


def controller(env_id, observation):
    if env_id == "CartPole-v1":
        return int(observation[2] + 0.5 * observation[3] > 0)
    if env_id == "MountainCar-v0":
        return 2 if observation[1] >= 0 else 0
    return 2 if observation[5] >= 0 else 0


def trajectory(env_id, seed, policy, steps):
    env = gym.make(env_id)
    actions_rng = np.random.RandomState(seed)
    observation, _ = env.reset(seed=seed)
    out = {"env": env_id, "seed": seed, "policy": policy, "reset": [observation.tolist()],
           "actions": [], "observations": [], "rewards": [], "terminated": [], "truncated": [],
           "states": []}
    for _ in range(steps):
        if policy == "random":
            action = int(actions_rng.randint(env.action_space.n))
        else:
            action = controller(env_id, observation)
        observation, reward, terminated, truncated, _ = env.step(action)
        out["actions"].append(action)
        out["observations"].append(observation.tolist())
        out["rewards"].append(float(reward))
        out["terminated"].append(bool(terminated))
        out["truncated"].append(bool(truncated))
        out["states"].append([float(v) for v in env.unwrapped.state])
        if terminated or truncated:
            observation, _ = env.reset()
            out["reset"].append(observation.tolist())
    return out


cases = []
for env_id in ["CartPole-v1", "MountainCar-v0", "Acrobot-v1"]:
    for seed in [0, 42, 4294967295]:
        cases.append(trajectory(env_id, seed, "random", 400))
    cases.append(trajectory(env_id, 7, "controller", 1100))
json.dump({"gymnasium": gym.__version__, "numpy": np.__version__, "cases": cases}, sys.stdout)
