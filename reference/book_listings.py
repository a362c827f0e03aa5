"""The book's listings run in Python as literally as they run: numbers for BookListingsTest.

Run from the repository root with the reference venv (NumPy 2.4.6, scikit-learn 1.9.1,
transformers 5.18 and torch 2.13 for the GPT-2 part; OMP_NUM_THREADS=1 for KMeans), giving the
shared book.json (semaine's record of the book, beside the repository in shared/reference/):
  OMP_NUM_THREADS=1 .venv/bin/python reference/book_listings.py \
      ../shared/reference/book.json cli/src/test/resources/reference
Writes book_listings.json and checks that the numbers of book.json (semaine's record of the book,
copied verbatim to book.json beside it) come out of the same code.

What each listing is: the statements of book.json's `listing` record, plus what issue 15 reports
from the book (day 2's new_data = np.linspace(-3, 3) and model.predict(new_data)). The record seeds
days 3 and 4 with np.random.seed(0); the book seeds nothing there, so an unseeded run cannot be
compared with anything: the seeded run is the one kept. LunarLander needs Box2D, which the local
package index does not serve: day 6 has no Python numbers (BookListingsTest checks the episode
structure instead). The GPT-2 listing is run when transformers and torch are installed.
"""
import json
import os
import shutil
import sys

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs, make_regression
from sklearn.linear_model import LinearRegression
from sklearn.neighbors import KNeighborsClassifier, LocalOutlierFactor

from common import META, dump


def day2(seed=0):
    np.random.seed(seed)
    m = 50
    X = np.random.randn(m).reshape(-1, 1)
    y = 1.5 * X + 3 + np.random.randn(m).reshape(-1, 1)
    model = LinearRegression()
    model.fit(X, y)
    new_data = np.linspace(-3, 3)
    try:
        model.predict(new_data)
        error = None
    except ValueError as e:
        error = str(e).splitlines()[0]
    predictions = model.predict(new_data.reshape(-1, 1))
    return {"coef_": model.coef_.tolist(), "intercept_": model.intercept_.tolist(),
            "new_data": new_data.tolist(), "predict_new_data_1d_error": error,
            "predictions": predictions.ravel().tolist()}


def day3():
    np.random.seed(0)
    X, y = make_blobs(n_samples=50, centers=2, n_features=2, random_state=0, cluster_std=1)
    X_new = np.random.uniform(low=X.min(), high=X.max(), size=(10, 2))
    model = KNeighborsClassifier(n_neighbors=3).fit(X, y)
    return {"X_new": X_new.tolist(), "predictions": model.predict(X_new).tolist(),
            "proba": model.predict_proba(X_new).tolist(), "low": X.min(), "high": X.max()}


def day4():
    np.random.seed(0)
    k = np.random.choice([2, 3, 4, 5, 6, 7, 8])
    X, _ = make_blobs(n_samples=200, centers=k, n_features=2, cluster_std=0.5)
    inertia = []
    for c in range(1, 10):
        inertia.append(KMeans(n_clusters=c).fit(X).inertia_)
    final = KMeans(n_clusters=4).fit(X)
    return {"k": int(k), "inertia": inertia, "final_k4_labels": final.labels_.tolist(),
            "final_k4_inertia": final.inertia_, "cluster_centers_": final.cluster_centers_.tolist()}


def day5():
    np.random.seed(0)
    X = np.random.randn(30, 2) * 0.2
    X = np.concatenate((X, [[2, 0.5]]))
    model = LocalOutlierFactor(n_neighbors=20, contamination=0.5)
    predictions = model.fit_predict(X)
    return {"predictions": predictions.tolist(),
            "negative_outlier_factor": model.negative_outlier_factor_.tolist(),
            "offset": model.offset_}


def day2_sweep(seeds):
    """The day 2 listing for other seeds: X, y and LinearRegression's coef_ and intercept_."""
    out = []
    for seed in seeds:
        r = day2(seed)
        out.append({"seed": seed, "coef": r["coef_"][0][0], "intercept": r["intercept_"][0]})
    return out


def make_regression_sweep(seeds):
    """make_regression's y for several seeds and shapes (y comes from a BLAS dot product)."""
    calls = [dict(n_samples=100, n_features=1, noise=10.0),
             dict(n_samples=100, n_features=20, n_informative=5, noise=1.0, bias=3.0)]
    out = []
    for call in calls:
        for seed in seeds:
            X, y, coef = make_regression(**call, coef=True, random_state=seed)
            out.append({"call": call, "seed": seed, "y": y.tolist()})
    return out


def gpt2(tokenizer_dir):
    """The book's three lines: how many tokens max_length=50 gives in today's transformers.

    The pipeline's behaviour, not the text, is measured, so the model is a tiny random GPT-2 with
    room for 512 positions (the shared tiny-gpt2 has 64, too few for what the pipeline asks) and
    GPT-2's real tokenizer files from `tokenizer_dir`.
    """
    try:
        import logging
        import tempfile

        import torch
        import transformers
        from transformers import GPT2Config, GPT2LMHeadModel, pipeline, set_seed
    except ImportError:
        return None
    torch.manual_seed(0)
    config = GPT2Config(n_layer=1, n_head=1, n_embd=8, n_positions=512)
    with tempfile.TemporaryDirectory() as model_dir:
        GPT2LMHeadModel(config).save_pretrained(model_dir)
        for name in ("vocab.json", "merges.txt"):
            shutil.copyfile(os.path.join(tokenizer_dir, name), os.path.join(model_dir, name))
        generator = pipeline('text-generation', model=model_dir)
        set_seed(42)
        out = generator("I loved reading that book.", max_length=50, num_return_sequences=1,
                        return_tensors=True)
        prompt = generator.tokenizer("I loved reading that book.")["input_ids"]
        total = len(out[0]["generated_token_ids"])
        eos = out[0]["generated_token_ids"].count(config.eos_token_id)
    return {"transformers": transformers.__version__, "prompt_ids": prompt,
            "book_line_total_tokens": total, "book_line_new_tokens": total - len(prompt),
            "eos_in_output": eos}


def main(book_json, out_dir):
    with open(book_json) as f:
        book = json.load(f)
    shutil.copyfile(book_json, os.path.join(out_dir, "book.json"))
    listings = book["listings"]
    result = {"meta": META, "day2": day2(), "day3": day3(), "day4": day4(), "day5": day5()}
    d2, b2 = result["day2"], listings["day2_regression"]
    assert d2["coef_"][0][0] == b2["coef"] and d2["intercept_"][0] == b2["intercept"]
    assert d2["predictions"] == b2["predictions"], "day 2 predictions differ from book.json"
    assert result["day3"]["X_new"] == listings["day3_knn"]["X_new"]
    assert result["day3"]["predictions"] == listings["day3_knn"]["predictions"]
    assert result["day4"]["inertia"] == listings["day4_kmeans"]["inertias"]
    assert result["day4"]["final_k4_labels"] == listings["day4_kmeans"]["final_k4_labels"]
    assert result["day5"]["predictions"] == listings["day5_lof"]["predictions"]
    result["day2_sweep"] = day2_sweep(range(200))
    result["make_regression_sweep"] = make_regression_sweep(range(50))
    tiny = os.path.join(os.path.dirname(book_json), "gpt2", "tiny-gpt2")
    result["gpt2"] = gpt2(tiny) if os.path.isdir(tiny) else None
    dump(result, os.path.join(out_dir, "book_listings.json"))
    print("book.json's numbers come out of the listings; wrote", out_dir)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
