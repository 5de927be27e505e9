"""The tiny GPT-2 of `npm run train`, trained by PyTorch on the CPU: a same-run speed reference.

python3 bench/train-torch.py --data IDS.json --vocab K [--layers 2 --heads 4 --embd 64 --block 64
  --batch 16 --lr 1e-3 --warmup-steps 5 --window 10 --windows 5 --threads 1 --seed 0]

IDS.json holds the training split as model ids (scripts/train-bench.ts writes it). Same model as
lib/train (pre-norm blocks, tanh GELU, learned positions, tied wte, LayerNorm eps 1e-5), same init,
AdamW (betas 0.9/0.95, decay 0.1 on 2-D weights), grad clip 1. Prints one JSON line: the median
steps/s and tokens/s over the timed windows, and the losses.
"""

import argparse
import json
import math
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, C, nh):
        super().__init__()
        self.nh = nh
        self.ln_1 = nn.LayerNorm(C, eps=1e-5)
        self.c_attn = nn.Linear(C, 3 * C)
        self.c_proj = nn.Linear(C, C)
        self.ln_2 = nn.LayerNorm(C, eps=1e-5)
        self.c_fc = nn.Linear(C, 4 * C)
        self.mlp_proj = nn.Linear(4 * C, C)

    def forward(self, x):
        B, T, C = x.shape
        q, k, v = self.c_attn(self.ln_1(x)).split(C, dim=2)  # [B, T, C] each
        q, k, v = (t.view(B, T, self.nh, C // self.nh).transpose(1, 2) for t in (q, k, v))  # [B, nh, T, hs]
        att = (q @ k.transpose(-2, -1)) / math.sqrt(k.size(-1))  # [B, nh, T, T]; torch 1.13 has no SDPA
        att = att.masked_fill(torch.ones(T, T, dtype=torch.bool).triu(1), float("-inf")).softmax(dim=-1)
        y = att @ v  # [B, nh, T, hs]
        x = x + self.c_proj(y.transpose(1, 2).reshape(B, T, C))
        return x + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x)), approximate="tanh"))


class GPT(nn.Module):
    def __init__(self, V, T, L, nh, C):
        super().__init__()
        self.wte = nn.Embedding(V, C)
        self.wpe = nn.Embedding(T, C)
        self.h = nn.ModuleList(Block(C, nh) for _ in range(L))
        self.ln_f = nn.LayerNorm(C, eps=1e-5)
        for name, p in self.named_parameters():
            if name.endswith("bias"):
                nn.init.zeros_(p)
            elif p.dim() >= 2:
                std = 0.02 / math.sqrt(2 * L) if name.endswith(("c_proj.weight", "mlp_proj.weight")) else 0.02
                nn.init.normal_(p, 0.0, std)

    def forward(self, idx, targets):
        B, T = idx.shape
        x = self.wte(idx) + self.wpe(torch.arange(T))  # [B, T, C]
        for block in self.h:
            x = block(x)
        logits = self.ln_f(x) @ self.wte.weight.T  # [B, T, V]
        return F.cross_entropy(logits.view(B * T, -1), targets.view(B * T))


def main():
    a = argparse.ArgumentParser()
    for name, default in [("layers", 2), ("heads", 4), ("embd", 64), ("block", 64), ("batch", 16), ("warmup-steps", 5),
                          ("window", 10), ("windows", 5), ("threads", 1), ("seed", 0), ("vocab", 0)]:
        a.add_argument("--" + name, type=int, default=default)
    a.add_argument("--lr", type=float, default=1e-3)
    a.add_argument("--data", required=True)
    args = a.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    data = torch.tensor(json.load(open(args.data)), dtype=torch.long)
    model = GPT(args.vocab, args.block, args.layers, args.heads, args.embd)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    rest = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": rest, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.95), eps=1e-8)
    gen = torch.Generator().manual_seed(args.seed)
    losses, windows = [], []

    def step():
        ix = torch.randint(len(data) - args.block, (args.batch,), generator=gen)
        x = torch.stack([data[i:i + args.block] for i in ix])  # [B, T]
        y = torch.stack([data[i + 1:i + 1 + args.block] for i in ix])  # [B, T]
        loss = model(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        losses.append(loss.item())

    for _ in range(args.warmup_steps):
        step()
    for _ in range(args.windows):
        t0 = time.perf_counter()
        for _ in range(args.window):
            step()
        windows.append(time.perf_counter() - t0)
    sps = args.window / statistics.median(windows)
    print(json.dumps({"engine": f"torch {torch.__version__} cpu, {args.threads} thread(s)", "stepsPerSecond": sps,
                      "tokensPerSecond": sps * args.batch * args.block, "windowsMs": [w * 1000 for w in windows],
                      "losses": losses}))


if __name__ == "__main__":
    main()
