#!/bin/sh
# Retrains semaine's shipped LunarLander agent, models/lunar-lander-ppo.semaine: PPO with
# rl-baselines3-zoo's LunarLander settings (16 environments, n_steps 1024, batch 64, gae_lambda
# 0.98, gamma 0.999, 4 epochs, ent_coef 0.01; SB3's defaults otherwise) for 1,000,000 steps,
# seed 0. The committed file came from these settings through the library (PPO.learn, the same
# calls this command makes): 976 s on this 2-core machine shared with other jobs; its greedy
# policy averages 259.33 +- 21.48 over 100 episodes from seed 1000 (solved: >= 200).
# Needs a JDK 25. Usage: models/train-lunar-lander.sh [OUT]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/lunar-lander-ppo.semaine}
"$here/../semaine" rl train --env lunar-lander --agent ppo --timesteps 1000000 --seed 0 \
  --param n_envs=16 --param n_steps=1024 --param batch_size=64 --param gae_lambda=0.98 \
  --param gamma=0.999 --param n_epochs=4 --param ent_coef=0.01 --save "$out"
