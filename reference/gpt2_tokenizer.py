"""GPT-2 tokenizer reference: ids, tokens and decodes from Hugging Face transformers.

Loads GPT2Tokenizer from the tiny model folder (GPT-2's real vocab.json and merges.txt) and writes
nn/src/test/resources/gpt2/tokenizer.expected.json, read by GPT2TokenizerTest.

    python reference/gpt2_tokenizer.py
"""
import json
import pathlib

import transformers
from transformers import GPT2Tokenizer

root = pathlib.Path(__file__).resolve().parent.parent
folder = root / "nn/src/test/resources/gpt2/tiny-gpt2"
tok = GPT2Tokenizer.from_pretrained(folder)

TEXTS = [
    "I loved reading that book.",
    "Hello world", " Hello world", "hello world", "The dog", "indivisible", "This is some text",
    "hello <|endoftext|>", "<|endoftext|>The end<|endoftext|><|endoftext|> again",
    "café naïve façade résumé Ærøskøbing straße ŒUVRE",
    "Crème brûlée à la française, s'il vous plaît !",
    "hello 👋 world 🌍 🚀🚀 👩‍👩‍👧 🇫🇷",
    "東京は日本の首都です。北京欢迎你！서울 특별시",
    "Привет, мир! Γειά σου Κόσμε. مرحبا بالعالم",
    "0000000000000000", "3.14159 2,718 1e-9 -42 +7 ½ ² ٣ ⅷ",
    "a  b   c    d\t\te\n\n\nf \n g  ", "   leading and trailing   ", "\n", " ", "\t", "  ",
    "tabs\tand\r\nwindows\rlines\u000bvt\u000cff",
    "nbsp\u00a0here, thin\u2009space, ideographic\u3000space, nel\u0085x, fs\u001cy",
    "x \u00a0y x \u3000y x \u0085y x \u001cy x \u2028y x \u200by x \u180ey x \ufeffy",
    "can't won't I'll we've they're she'd it's I'm",
    "CAN'T WON'T I'LL WE'VE THEY'RE SHE'D IT'S I'M",
    "'s 't 're 've 'm 'll 'd ''quoted'' `backticks`",
    "email: someone@example.com, url: https://example.org/path?q=1&r=2#frag",
    "def f(x):\n    return x**2  # square\n",
    "{\"json\": [1, 2, 3], \"ok\": true}",
    "!!!??? ... --- *** ___ ### $$$ %%% ^^^",
    "Apprendre le machine learning en une semaine",
    "C'est l'été ; l'œuvre d'Hugo — « Les Misérables ».",
    "x" * 300,
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "",
]

DECODES = [
    [12520], [12520, 248], [12520, 248, 222], [10545, 251], [40, 6151, 50256, 3555],
    [464, 3290, 764, 11, 5145, 30, 705, 82, 220, 1051, 470], [220, 764, 837, 5633, 3228],
    [128], [188, 189], [17479, 12520],
]

out = {
    "transformers": transformers.__version__,
    "tokenize": [
        {"text": t, "ids": tok.encode(t), "tokens": tok.tokenize(t)} for t in TEXTS
    ],
    "decode": [
        {
            "ids": ids,
            "text": tok.decode(ids),
            "skip_special": tok.decode(ids, skip_special_tokens=True),
            "tokens": tok.convert_ids_to_tokens(ids),
        }
        for ids in DECODES
    ],
}
dest = root / "nn/src/test/resources/gpt2/tokenizer.expected.json"
dest.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print("wrote", dest, len(TEXTS), "texts")
