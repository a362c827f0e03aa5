"""The embedded model (models/moby-dick) run by Hugging Face transformers: token ids, logits and
greedy continuations that semaine must reproduce.

Loads models/moby-dick with GPT2Tokenizer and GPT2LMHeadModel (float32, CPU) and writes
nn/src/test/resources/gpt2/moby-dick.expected.json, read by EmbeddedModelTest. Rerun it after
retraining the model (models/train-moby-dick.sh).

    python reference/gpt2_embedded.py
"""
import json
import pathlib

import torch
import transformers
from transformers import GPT2LMHeadModel, GPT2Tokenizer

root = pathlib.Path(__file__).resolve().parent.parent
folder = root / "models/moby-dick"
tok = GPT2Tokenizer.from_pretrained(folder)
model = GPT2LMHeadModel.from_pretrained(folder).eval()

PROMPTS = [
    "I loved reading that book.",
    "Call me Ishmael.",
    "The whale",
    "Queequeg and I went down to the boat, and the captain said",
    "naïve café, 1851 — “Thar she blows!”",
]
cases = []
with torch.no_grad():
    for prompt in PROMPTS:
        ids = tok(prompt)["input_ids"]
        logits = model(torch.tensor([ids])).logits[0]
        last = logits[-1]
        greedy = model.generate(torch.tensor([ids]), max_new_tokens=20, do_sample=False,
                                pad_token_id=tok.eos_token_id)[0].tolist()
        cases.append({
            "prompt": prompt,
            "prompt_ids": ids,
            "tokens": tok.convert_ids_to_tokens(ids),
            "logits_first_position_first256": [float(v) for v in logits[0][:256]],
            "logits_last_position": [float(v) for v in last],
            "greedy_ids": greedy,
            "greedy_text": tok.decode(greedy[len(ids):]),
        })

out = root / "nn/src/test/resources/gpt2/moby-dick.expected.json"
out.write_text(json.dumps({
    "transformers": transformers.__version__,
    "torch": torch.__version__,
    "cases": cases,
}, ensure_ascii=False) + "\n")
print(f"wrote {out}")
