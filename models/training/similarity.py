"""How well "similar songs" works: precision@10 of nearest neighbours on train-v1, for the similarity vectors Musetag
can build from what its library stores, against a hand-made baseline measured in the same run.

    /usr/bin/python3 models/training/similarity.py --data ../shared/data/train-v1 [--out docs/similarity.json]

Every clip's outputs come from a model that did not train on its fold:
  * the genre, quadrant and valence/arousal outputs are the out-of-fold predictions of the shipped candidate's
    cross-validation (transfer.evaluate: five artist-grouped folds, the same protocol as the card);
  * the `embedding` output (the first 128 principal components of the standardised pooled backbone features) uses no
    label: its standardisation and components are fitted on every clip's features, as the shipped graph's are, and
    the backbones never saw train-v1.
For each clip of a source, its 10 nearest other clips of the same source (cosine distance of the vectors) are
judged: same quadrant (4Q), a shared genre (Emotify, GTZAN). Reported with all neighbours, and with neighbours by
other artists only (what `musetag similar` lists first). The vector chosen is the one with the best mean ratio over
the baseline on the even folds' queries, or the smallest within 1 % of it (a query scans every track's vector, so its
time and the index's memory grow with its length); the table gives every fold's queries too.

Baseline: cosine of the per-feature z-scored log-mel mean and standard deviation (MelSpec v1, 64 bands each, over the
whole clip; melstats.py), the classic hand-made "timbre" vector; raw (unscaled) dB values are reported too.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bundle  # noqa: E402
import melstats  # noqa: E402
import transfer  # noqa: E402

K = 10
EMB = 128

# the parts of a similarity vector, as Java's similarity.SoundVector builds it from a stored analysis: each part
# scaled to unit length, times its weight, then the whole vector to unit length (so distance = 1 - cosine)
CANDIDATES = {
    "embedding": {"embedding": 1.0},
    "embedding[:32]": {"embedding32": 1.0},
    "outputs (genre, quadrant, va)": {"genre": 1.0, "quadrant": 1.0, "va": 1.0},
    "embedding + outputs 0.5": {"embedding": 1.0, "genre": 0.5, "quadrant": 0.5, "va": 0.5},
    "embedding[:64] + outputs 0.5": {"embedding64": 1.0, "genre": 0.5, "quadrant": 0.5, "va": 0.5},
    "embedding[:32] + outputs 0.5": {"embedding32": 1.0, "genre": 0.5, "quadrant": 0.5, "va": 0.5},
    "embedding + outputs 1": {"embedding": 1.0, "genre": 1.0, "quadrant": 1.0, "va": 1.0},
    "embedding + outputs 2": {"embedding": 1.0, "genre": 2.0, "quadrant": 2.0, "va": 2.0},
    "embedding + genre 1 + mood 2": {"embedding": 1.0, "genre": 1.0, "quadrant": 2.0, "va": 2.0},
}


def unit(x):
    n = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(n > 0, n, 1)


def vectors(parts, weights):
    return unit(np.concatenate([w * unit(parts[name]) for name, w in weights.items()], 1))


def precision_at_k(vec, idx, same, artist, other_artist):
    """Mean over queries in idx of the fraction of their K nearest (cosine) that share the label (same(i, j))."""
    v = unit(vec[idx])
    sim = v @ v.T
    np.fill_diagonal(sim, -np.inf)
    if other_artist:
        a = np.array([artist[i] for i in idx])
        sim[(a[:, None] == a[None, :]) & (a[:, None] != "")] = -np.inf
    order = np.argsort(-sim, 1)[:, :K]
    return np.array([np.mean([same(idx[i], idx[j]) for j in order[i]]) for i in range(len(idx))])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", default=None, help="write the results as JSON here")
    ap.add_argument("--windows", type=int, default=3)
    ap.add_argument("--musicnn-patches", type=int, default=1)
    a = ap.parse_args(argv)
    torch.set_num_threads(2)
    data = os.path.abspath(a.data)
    # the shipped bundle's features (bundle.py's cache: same settings, same key)
    cache = bundle.cache_dir(data, a.windows, a.musicnn_patches)
    clips = transfer.read_clips(data)
    gmask, quad, va = transfer.load_labels(clips)
    labels_all = (gmask, transfer.vocab_mask([c["source"] for c in clips]), quad, va)
    cfg = bundle.config(data, a.windows, a.musicnn_patches)
    bundle.build_features(clips, data, cache, cfg, 2, print)

    oof_file = os.path.join(cache, f"oof-{transfer.safe_name(bundle.CANDIDATE)}.json")
    if not os.path.exists(oof_file):
        t0 = time.time()
        res = transfer.evaluate(bundle.CANDIDATE, clips, labels_all, [cache], {})
        with open(oof_file, "w") as fh:
            json.dump({"oof": res["oof"], "wall_s": round(time.time() - t0, 1)}, fh)
    with open(oof_file) as fh:
        oof = json.load(fh)["oof"]
    ids = [c["clip_id"] for c in clips]
    genre = np.array([oof[i]["genre"] for i in ids])
    quadp = np.array([oof[i]["quadrant"] for i in ids])
    vap = np.array([oof[i]["va"] for i in ids])

    blocks, _ = transfer.candidate_blocks(bundle.CANDIDATE, ids, [cache], {})
    everyone = np.arange(len(clips))
    mu, scale = transfer.standardiser(blocks, everyone)
    z = (np.concatenate([b for _, b in blocks], 1).astype(np.float64) - mu) * scale
    emb = z @ transfer.principal(z)[:, :EMB]
    parts = {"embedding": emb, "embedding64": emb[:, :64], "embedding32": emb[:, :32], "genre": genre,
             "quadrant": quadp, "va": vap}

    mel_file = os.path.join(cache, "mel.npz")
    if not os.path.exists(mel_file):
        melstats.build(data, mel_file)
    mel = np.load(mel_file)
    assert list(mel["clip_id"]) == ids
    raw = np.concatenate([mel["clip_mean"], mel["clip_std"]], 1).astype(np.float64)
    zmel = (raw - raw.mean(0)) / np.where(raw.std(0) > 0, raw.std(0), 1)
    baselines = {"log-mel mean+std, z-scored (baseline)": zmel, "log-mel mean+std, raw dB": raw}

    source = np.array([c["source"] for c in clips])
    folds = np.array([int(c["fold"]) for c in clips])
    artist = [c["artist"].strip().lower() for c in clips]
    tasks = {
        "4q": (lambda i, j: quad[i] == quad[j], "same quadrant"),
        "emotify": (lambda i, j: bool((gmask[i] & gmask[j]).any()), "same genre"),
        "gtzan": (lambda i, j: bool((gmask[i] & gmask[j]).any()), "same genre"),
    }
    goals = {"4q": 0.55, "emotify": 0.75, "gtzan": 0.60}

    def measure(vec):
        out = {}
        for src, (same, _) in tasks.items():
            idx = np.where(source == src)[0]
            for other in (False, True):
                p = precision_at_k(vec, idx, same, artist, other)
                even = np.isin(folds[idx], [0, 2, 4, 6, 8])
                key = src + (" other artists" if other else "")
                out[key] = {"all": round(float(p.mean()), 4), "even_folds": round(float(p[even].mean()), 4),
                            "odd_folds": round(float(p[~even].mean()), 4), "n": int(len(idx))}
        return out

    results = {name: measure(v) for name, v in baselines.items()}
    for name, w in CANDIDATES.items():
        results[name] = measure(vectors(parts, w))
    base = results["log-mel mean+std, z-scored (baseline)"]

    def ratio_score(name, split):
        return np.mean([results[name][s][split] / base[s][split] for s in tasks])

    # the smallest vector (memory and time of a query grow with it) within 1 % of the best on the even folds' queries
    dims = {n: sum(parts[p].shape[1] for p in w) for n, w in CANDIDATES.items()}
    top = max(ratio_score(n, "even_folds") for n in CANDIDATES)
    chosen = min((n for n in CANDIDATES if ratio_score(n, "even_folds") >= 0.99 * top), key=lambda n: (dims[n], n))
    summary = {"k": K, "chosen": chosen, "weights": CANDIDATES[chosen], "dimensions": dims[chosen], "goals": goals, "results": results,
               "ratio_to_baseline": {s: round(results[chosen][s]["all"] / base[s]["all"], 3) for s in tasks},
               "ratio_to_baseline_other_artists": {
                   s: round(results[chosen][s + " other artists"]["all"] / base[s + " other artists"]["all"], 3)
                   for s in tasks}}
    print(f"precision@{K} (all queries; even / odd folds' queries in brackets)")
    cols = list(next(iter(results.values())).keys())
    print("| vector | " + " | ".join(cols) + " |")
    for name, r in results.items():
        mark = " (chosen)" if name == chosen else ""
        print(f"| {name}{mark} | " + " | ".join(f"{r[c]['all']:.3f} ({r[c]['even_folds']:.2f}/{r[c]['odd_folds']:.2f})"
                                              for c in cols) + " |")
    print(json.dumps({k: summary[k] for k in ("chosen", "weights", "ratio_to_baseline",
                                              "ratio_to_baseline_other_artists")}))
    if a.out:
        with open(a.out, "w") as fh:
            json.dump(summary, fh, indent=1)


if __name__ == "__main__":
    main()
