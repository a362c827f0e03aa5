"""Reference values for semaine.rl.SyncVectorEnv and semaine.rl.wrappers: Gymnasium 1.3.0's
SyncVectorEnv (default next-step autoreset) over three CartPole-v1, and CartPole-v1 and
MountainCar-v0 wrapped in RecordEpisodeStatistics, NormalizeObservation and NormalizeReward.

Run: /work/venv/bin/python reference/vector_wrappers.py > rl/src/test/resources/reference/vector_wrappers.json
"""
import json
import sys

import gymnasium as gym
import numpy as np

envs = gym.vector.SyncVectorEnv([lambda: gym.make("CartPole-v1") for _ in range(3)])
assert envs.metadata["autoreset_mode"] == gym.vector.AutoresetMode.NEXT_STEP
rng = np.random.RandomState(0)
observations, _ = envs.reset(seed=5)
vector = {"seed": 5, "reset": observations.tolist(), "actions": [], "observations": [],
          "rewards": [], "terminated": [], "truncated": []}
for _ in range(150):
    actions = rng.randint(2, size=3)
    observations, rewards, terminated, truncated, _ = envs.step(actions)
    vector["actions"].append(actions.tolist())
    vector["observations"].append(observations.tolist())
    vector["rewards"].append(rewards.tolist())
    vector["terminated"].append(terminated.tolist())
    vector["truncated"].append(truncated.tolist())

wrapped = []
for env_id, steps in [("CartPole-v1", 300), ("MountainCar-v0", 450)]:
    env = gym.wrappers.NormalizeReward(gym.wrappers.NormalizeObservation(
        gym.wrappers.RecordEpisodeStatistics(gym.make(env_id))))
    rng = np.random.RandomState(1)
    observation, _ = env.reset(seed=3)
    case = {"env": env_id, "seed": 3, "reset": [observation.tolist()], "actions": [],
            "observations": [], "rewards": [], "episodes": []}
    for _ in range(steps):
        action = int(rng.randint(env.action_space.n))
        observation, reward, terminated, truncated, info = env.step(action)
        case["actions"].append(action)
        case["observations"].append(observation.tolist())
        case["rewards"].append(float(reward))
        if terminated or truncated:
            case["episodes"].append({"r": float(info["episode"]["r"]),
                                     "l": int(info["episode"]["l"])})
            observation, _ = env.reset()
            case["reset"].append(observation.tolist())
    wrapped.append(case)
json.dump({"gymnasium": gym.__version__, "numpy": np.__version__, "vector": vector,
           "wrapped": wrapped}, sys.stdout)
