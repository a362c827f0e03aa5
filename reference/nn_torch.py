"""Reference losses for semaine nn: the same small networks, same initial weights, trained in PyTorch.

Initial weights and data come from NumPy's RandomState (float32) and are stored in the JSON with the
losses, so the Java test (nn/src/test/java/semaine/nn/TorchEqualityTest.java) loads exactly the same
numbers. Cases:
  mlp_adam   : Linear(8,16)-ReLU-Linear(16,16)-Tanh-Linear(16,3), cross-entropy, Adam lr 1e-2
  mlp_sgd    : same MLP, MSE on one-hot targets, SGD lr 0.1 momentum 0.9 weight decay 1e-3
  mlp_adamw  : same MLP, cross-entropy, AdamW lr 1e-2 weight decay 0.1
  block_adam : pre-LN transformer block (C=8, nh=2, GELU tanh), B=2 T=5, MSE to a target, Adam lr 1e-2
  conv_adam  : Conv2d(2,4,3,stride=2,padding=1)-ReLU-MaxPool2d(2)-Flatten-Linear(16,3) on (6,2,8,8),
               cross-entropy, Adam lr 1e-2
  lstm_adam  : LSTMCell(3,5) unrolled over T=4 steps from the zero state, Linear(5,2) on the last h,
               MSE to a target, Adam lr 1e-2
  rnn_adam   : the same with a tanh RNNCell(3,5)
and the exact GELU, its gradient, and softmax on a grid of inputs.
Run: python reference/nn_torch.py  (torch 2.13 CPU)
"""
import json
import math
import pathlib

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
OUT = pathlib.Path(__file__).resolve().parent.parent / "nn/src/test/resources/reference/nn_torch.json"


def init_linear(rs, prefix, fan_in, fan_out, weights):
    bound = 1.0 / math.sqrt(fan_in)
    weights[prefix + "weight"] = rs.uniform(-bound, bound, (fan_out, fan_in)).astype(np.float32)
    weights[prefix + "bias"] = rs.uniform(-bound, bound, fan_out).astype(np.float32)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 3))

    def forward(self, x):
        return self.net(x)


class CausalSelfAttention(nn.Module):  # nanoGPT's, without dropout
    def __init__(self, c, nh):
        super().__init__()
        self.c_attn = nn.Linear(c, 3 * c)
        self.c_proj = nn.Linear(c, c)
        self.nh = nh

    def forward(self, x):
        B, T, C = x.size()
        q, k, v = self.c_attn(x).split(C, dim=2)
        q = q.view(B, T, self.nh, C // self.nh).transpose(1, 2)  # (B, nh, T, hs)
        k = k.view(B, T, self.nh, C // self.nh).transpose(1, 2)
        v = v.view(B, T, self.nh, C // self.nh).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        mask = torch.tril(torch.ones(T, T)).view(1, 1, T, T)
        att = att.masked_fill(mask == 0, float("-inf"))
        att = F.softmax(att, dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(B, T, C)
        return self.c_proj(y)


class MLPBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c_fc = nn.Linear(c, 4 * c)
        self.c_proj = nn.Linear(4 * c, c)

    def forward(self, x):
        return self.c_proj(F.gelu(self.c_fc(x), approximate="tanh"))


class Block(nn.Module):
    def __init__(self, c, nh):
        super().__init__()
        self.ln_1 = nn.LayerNorm(c)
        self.attn = CausalSelfAttention(c, nh)
        self.ln_2 = nn.LayerNorm(c)
        self.mlp = MLPBlock(c)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class Recurrent(nn.Module):
    def __init__(self, cell):
        super().__init__()
        self.cell = cell
        self.head = nn.Linear(5, 2)

    def forward(self, xs):  # xs (T, B, 3)
        h = torch.zeros(xs.shape[1], 5)
        c = torch.zeros(xs.shape[1], 5)
        for x in xs:
            if isinstance(self.cell, nn.LSTMCell):
                h, c = self.cell(x, (h, c))
            else:
                h = self.cell(x, h)
        return self.head(h)


def init_cell(rs, prefix, fan_in, hidden, gates, weights):
    bound = 1.0 / math.sqrt(hidden)
    weights[prefix + "weight_ih"] = rs.uniform(-bound, bound, (gates * hidden, fan_in)).astype(np.float32)
    weights[prefix + "weight_hh"] = rs.uniform(-bound, bound, (gates * hidden, hidden)).astype(np.float32)
    weights[prefix + "bias_ih"] = rs.uniform(-bound, bound, gates * hidden).astype(np.float32)
    weights[prefix + "bias_hh"] = rs.uniform(-bound, bound, gates * hidden).astype(np.float32)


def load(model, weights):
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(torch.from_numpy(weights[name]))


def train(model, optimizer, loss_fn, steps=10):
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = loss_fn(model)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    losses.append(loss_fn(model).item())
    return losses


def as_json(weights):
    return {k: {"shape": list(v.shape), "values": [float(x) for x in v.ravel()]} for k, v in weights.items()}


def main():
    rs = np.random.RandomState(0)
    x = rs.randn(20, 8).astype(np.float32)
    y = rs.randint(0, 3, 20)
    mlp_weights = {}
    for prefix, fi, fo in (("net.0.", 8, 16), ("net.2.", 16, 16), ("net.4.", 16, 3)):
        init_linear(rs, prefix, fi, fo, mlp_weights)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    onehot = F.one_hot(yt, 3).float()
    cases = {}

    m = MLP(); load(m, mlp_weights)
    cases["mlp_adam"] = train(m, torch.optim.Adam(m.parameters(), lr=1e-2), lambda m: F.cross_entropy(m(xt), yt))
    m = MLP(); load(m, mlp_weights)
    cases["mlp_sgd"] = train(m, torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-3),
                             lambda m: F.mse_loss(m(xt), onehot))
    m = MLP(); load(m, mlp_weights)
    cases["mlp_adamw"] = train(m, torch.optim.AdamW(m.parameters(), lr=1e-2, weight_decay=0.1),
                               lambda m: F.cross_entropy(m(xt), yt))

    C, NH, B, T = 8, 2, 2, 5
    block_weights = {}
    for name in ("ln_1", "ln_2"):
        block_weights[name + ".weight"] = (1 + 0.1 * rs.randn(C)).astype(np.float32)
        block_weights[name + ".bias"] = (0.1 * rs.randn(C)).astype(np.float32)
    init_linear(rs, "attn.c_attn.", C, 3 * C, block_weights)
    init_linear(rs, "attn.c_proj.", C, C, block_weights)
    init_linear(rs, "mlp.c_fc.", C, 4 * C, block_weights)
    init_linear(rs, "mlp.c_proj.", 4 * C, C, block_weights)
    bx = rs.randn(B, T, C).astype(np.float32)
    by = rs.randn(B, T, C).astype(np.float32)
    blk = Block(C, NH); load(blk, block_weights)
    bxt, byt = torch.from_numpy(bx), torch.from_numpy(by)
    cases["block_adam"] = train(blk, torch.optim.Adam(blk.parameters(), lr=1e-2), lambda m: F.mse_loss(m(bxt), byt))

    conv_weights = {}
    bound = 1.0 / math.sqrt(2 * 3 * 3)
    conv_weights["0.weight"] = rs.uniform(-bound, bound, (4, 2, 3, 3)).astype(np.float32)
    conv_weights["0.bias"] = rs.uniform(-bound, bound, 4).astype(np.float32)
    init_linear(rs, "4.", 16, 3, conv_weights)
    cx = rs.randn(6, 2, 8, 8).astype(np.float32)
    cy = rs.randint(0, 3, 6)
    conv = nn.Sequential(nn.Conv2d(2, 4, 3, stride=2, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(16, 3))
    load(conv, conv_weights)
    cxt, cyt = torch.from_numpy(cx), torch.from_numpy(cy)
    cases["conv_adam"] = train(conv, torch.optim.Adam(conv.parameters(), lr=1e-2),
                               lambda m: F.cross_entropy(m(cxt), cyt))

    seq_x = rs.randn(4, 6, 3).astype(np.float32)
    seq_y = rs.randn(6, 2).astype(np.float32)
    sxt, syt = torch.from_numpy(seq_x), torch.from_numpy(seq_y)
    lstm_weights, rnn_weights = {}, {}
    init_cell(rs, "cell.", 3, 5, 4, lstm_weights)
    init_linear(rs, "head.", 5, 2, lstm_weights)
    init_cell(rs, "cell.", 3, 5, 1, rnn_weights)
    init_linear(rs, "head.", 5, 2, rnn_weights)
    lstm = Recurrent(nn.LSTMCell(3, 5)); load(lstm, lstm_weights)
    cases["lstm_adam"] = train(lstm, torch.optim.Adam(lstm.parameters(), lr=1e-2), lambda m: F.mse_loss(m(sxt), syt))
    rnn = Recurrent(nn.RNNCell(3, 5)); load(rnn, rnn_weights)
    cases["rnn_adam"] = train(rnn, torch.optim.Adam(rnn.parameters(), lr=1e-2), lambda m: F.mse_loss(m(sxt), syt))

    grid = np.linspace(-5, 5, 41).astype(np.float32)
    g = torch.from_numpy(grid).requires_grad_(True)
    gelu = F.gelu(g)
    gelu.sum().backward()
    logits = rs.randn(3, 7).astype(np.float32)

    out = {
        "torch_version": torch.__version__,
        "x": x.ravel().tolist(), "y": y.tolist(),
        "mlp_weights": as_json(mlp_weights),
        "block": {"B": B, "T": T, "C": C, "nh": NH, "x": bx.ravel().tolist(), "target": by.ravel().tolist()},
        "block_weights": as_json(block_weights),
        "conv": {"x": cx.ravel().tolist(), "y": cy.tolist()}, "conv_weights": as_json(conv_weights),
        "seq": {"x": seq_x.ravel().tolist(), "target": seq_y.ravel().tolist()},
        "lstm_weights": as_json(lstm_weights), "rnn_weights": as_json(rnn_weights),
        "losses": cases,
        "gelu": {"x": grid.tolist(), "y": gelu.detach().numpy().tolist(), "grad": g.grad.numpy().tolist()},
        "softmax": {"logits": logits.ravel().tolist(), "y": F.softmax(torch.from_numpy(logits), -1).numpy().ravel().tolist()},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out))
    print(json.dumps(cases, indent=1))


if __name__ == "__main__":
    main()
