"""musetag-base 2.x: the pretrained backbones, the pooling and the transfer head as ONE ONNX graph, built from
../shared in one command.

    /usr/bin/python3 models/training/bundle.py --data ../shared/data/train-v1 --out models [--version 2.1.0]

The graph takes what the Java app decodes and nothing else: `audio` float32 [T, K, S], K windows of S = 160,000
samples (10 s of 16 kHz mono PCM) per track, planned as PatchPlan plans them (`window_starts`). Inside:
  * EfficientAT mn04 (backbones/mn04.py: its front-end computed at 16 kHz (FrontEnd16k: what upsampling to its
    32 kHz and its own front-end give, about 4x cheaper), the network) on the windows
    `mn04_windows` -> 384-d embedding and 527 AudioSet probabilities per window;
  * musicnn MSD (backbones/musicnn.py: its front-end, the network) on the centre 3-s patch (48,128 samples) of the
    windows `musicnn_windows` -> pooled 1,506, bn_dense 200 and 50 MSD tags per patch;
  * per track, mean | std | max over those windows of each layer, in transfer.py's block order;
  * transfer.Head: standardisation, principal components, the genre / quadrant / valence-arousal heads with their
    calibration and the point/label agreement.
Outputs (all track-level): genre [T,14], quadrant [T,4], va [T,2], genre_confidence [T], embedding [T,128] (the
first principal components of the pooled features the heads see, for similar songs), tags_msd [T,50] (mean MSD tag
probabilities), audioset_music [T,146] (mean probabilities of AudioSet's music classes, indices 137-282).

Stages (each cached under models/training/.cache/bundle-<settings hash>/, so a rerun resumes):
  1. features: every clip decoded like the app (features.decode), its K windows planned like the app, the backbone
     part of the graph run on them (torch, the graph's own modules)
     -> per-window caches in transfer.py's format (mn04.npz, musicnn-msd.npz) at exactly the inference windows;
  2. cross-validation of the head on those features (transfer.run_candidate, 5 artist-grouped folds, everything
     chosen on inner folds) -> the out-of-fold metrics of the card;
  3. the shipped head (transfer.fit_all on every clip), the graph composed and exported (opset 13), checked
     (onnx.checker, strict shape inference, torch vs. the file on clips by tests/onnx_eval.py);
  4. parity file (the graph's track-level outputs for >= 200 clips, for the Java parity test) and the cards.
"""
import argparse
import csv
import hashlib
import json
import os
import sys
import time
from multiprocessing import Pool

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import features  # noqa: E402
import bundle_card  # noqa: E402
import transfer  # noqa: E402
from backbones import mn04 as mn04_mod  # noqa: E402
from backbones import musicnn as musicnn_mod  # noqa: E402

SR = 16000
WINDOW = 160000  # 10 s: what mn04 was trained on
PATCH = musicnn_mod.PATCH_SAMPLES  # 48,128: one musicnn patch (187 frames)
MUSIC_CLASSES = (137, 283)  # AudioSet "Music" .. "Scary music"
CANDIDATE = "msd+mn04"  # transfer.py's name for the sources the graph feeds its head, in block order


# ------------------------------------------------------------------------------------------------------- windows
def window_starts(d, s, k):
    """Java's PatchPlan.starts: one window from 0 when the track is no longer than one, else k windows centred in k
    equal slices, round half up (the rule features.patch_starts already implements for 1.x patches)."""
    return features.patch_starts(d, s, k)


def track_windows(pcm, k, s=WINDOW):
    """[k, s] float32: the k planned windows, zero-padded; a short track's one window repeated k times (as Java)."""
    pcm = np.asarray(pcm, dtype=np.float32)
    out = []
    for st in window_starts(len(pcm), s, k):
        w = pcm[st:st + s]
        out.append(np.concatenate([w, np.zeros(s - len(w), np.float32)]) if len(w) < s else w)
    while len(out) < k:
        out.append(out[0])
    return np.stack(out)


def even_subset(k, m):
    """Which m of the k windows (transfer.even_windows: the middle of m equal parts; all when m >= k)."""
    return [int(i) for i in transfer.even_windows(k, m)]


# ------------------------------------------------------------------------------------------------------- the graph
class Backbones(nn.Module):
    """audio [T, K, S] -> per-window layers {name: [T, n, d]} of the two backbones."""

    def __init__(self, k, mn04_windows, musicnn_windows, shared):
        super().__init__()
        self.k = k
        self.mn04_windows = list(mn04_windows)
        self.musicnn_windows = list(musicnn_windows)
        self.mn04 = mn04_mod.build(os.path.join(shared, "pretrained", "efficientat", "mn04_as_mAP_432.pt"), fast=True)
        net, self.msd_labels = musicnn_mod.load("MSD", shared)
        self.msd = musicnn_mod.MusicnnWaveform(net).eval()
        self.c0 = (WINDOW - PATCH) // 2

    def forward(self, audio):
        t = audio.shape[0]
        a = audio[:, self.mn04_windows].reshape(-1, WINDOW)
        probs, emb, _ = self.mn04(a)
        p = audio[:, self.musicnn_windows, self.c0:self.c0 + PATCH].reshape(-1, PATCH)
        tags, bn_dense, pooled = self.msd(p)
        nm, nc = len(self.mn04_windows), len(self.musicnn_windows)
        # explicit widths, so the exported file declares its outputs' shapes
        return {"msd:pooled": pooled.reshape(t, nc, 1506), "msd:bn_dense": bn_dense.reshape(t, nc, 200),
                "msd:tags": tags.reshape(t, nc, 50), "mn04:embedding": emb.reshape(t, nm, 384),
                "mn04:tags": probs.reshape(t, nm, 527)}


BLOCKS = ["msd:pooled", "msd:bn_dense", "msd:tags", "mn04:embedding", "mn04:tags"]  # transfer's order for CANDIDATE


def pool_windows(x):
    """[T, n, d] -> [T, 3d]: mean | std (population) | max over the windows, as transfer.pool."""
    mean = x.mean(1)
    std = torch.sqrt(((x - mean.unsqueeze(1)) ** 2).mean(1))
    return torch.cat([mean, std, x.max(1)[0]], 1)


EMBEDDING_DIM = 128  # principal components kept as the track embedding


class FoldedHead(nn.Module):
    """transfer.Head with its standardisation and projection folded into the three linear heads (x -> logits is
    one [d, 20] matrix instead of a [d, 512] projection and three small ones: 0.6 MB instead of 16 MB in the file),
    and the first EMBEDDING_DIM principal components as the embedding. Same answers up to float rounding; the
    calibration and the point/label agreement are the Head's own (`finish`)."""

    def __init__(self, head, emb_dim=EMBEDDING_DIM):
        super().__init__()
        assert head.trunk is None, "only a linear head folds"
        self.head = head
        mu, scale, proj = (head.mu.double(), head.scale.double(), head.proj.double())
        a = scale[:, None] * proj  # x -> components: x @ a - (mu * scale) @ proj
        off = (mu * scale) @ proj
        for name, lin in (("genre", head.genre), ("quad", head.quad), ("va", head.va)):
            w = lin.weight.double().T
            self.register_buffer(f"{name}_w", (a @ w).float())
            self.register_buffer(f"{name}_b", (lin.bias.double() - off @ w).float())
        e = min(emb_dim, proj.shape[1])
        self.register_buffer("emb_w", a[:, :e].float())
        self.register_buffer("emb_b", (-off[:e]).float())

    def forward(self, x):
        g = x @ self.genre_w + self.genre_b
        q = x @ self.quad_w + self.quad_b
        v = x @ self.va_w + self.va_b
        return (*self.head.finish(g, q, v), x @ self.emb_w + self.emb_b)


class MusetagBase2(nn.Module):
    def __init__(self, backbones, head):
        super().__init__()
        self.backbones = backbones
        self.head = FoldedHead(head)

    def forward(self, audio):
        layers = self.backbones(audio)
        x = torch.cat([pool_windows(layers[b]) for b in BLOCKS], 1)
        genre, quadrant, va, gconf, embedding = self.head(x)
        tags_msd = layers["msd:tags"].mean(1)
        music = layers["mn04:tags"][:, :, MUSIC_CLASSES[0]:MUSIC_CLASSES[1]].mean(1)
        return genre, quadrant, va, gconf, embedding, tags_msd, music


OUTPUTS = ["genre", "quadrant", "va", "genre_confidence", "embedding", "tags_msd", "audioset_music"]


# ---------------------------------------------------------------------------------------------------- features
_BACKBONES = None


def _init(k, mw, cw, shared):
    global _BACKBONES
    torch.set_num_threads(1)
    _BACKBONES = Backbones(k, mw, cw, shared)


def _chunk(job):
    part, paths, k = job
    rows = {b: [] for b in BLOCKS}
    counts = []
    with torch.no_grad():
        for p in paths:
            w = torch.from_numpy(track_windows(features.decode(p), k))[None]
            layers = _BACKBONES(w)
            for b in BLOCKS:
                rows[b].append(layers[b][0].numpy())
            counts.append((layers["mn04:tags"].shape[1], layers["msd:tags"].shape[1]))
    tmp = part + ".tmp.npz"
    np.savez(tmp, counts=np.array(counts), **{b.replace(":", "__"): np.concatenate(rows[b]) for b in BLOCKS})
    os.replace(tmp, part)
    return part


def build_features(clips, data, cache, cfg, workers, log):
    """Per-window backbone layers of every clip at the inference windows, in transfer.WindowCache's format."""
    done = [os.path.join(cache, f) for f in ("mn04.npz", "musicnn-msd.npz")]
    if all(os.path.exists(f) for f in done):
        return
    parts = os.path.join(cache, "parts")
    os.makedirs(parts, exist_ok=True)
    chunk = 16
    jobs = []
    for c0 in range(0, len(clips), chunk):
        part = os.path.join(parts, f"chunk-{c0 // chunk:05d}.npz")
        if not os.path.exists(part):
            jobs.append((part, [os.path.join(data, c["path"]) for c in clips[c0:c0 + chunk]], cfg["k"]))
    log(f"features: {len(clips)} clips, {len(jobs)} chunks of {chunk} to compute ({workers} workers)")
    t0 = time.time()
    with Pool(workers, _init, (cfg["k"], cfg["mn04_windows"], cfg["musicnn_windows"], cfg["shared"])) as pool:
        for i, _ in enumerate(pool.imap_unordered(_chunk, jobs)):
            if i % 10 == 0:
                log(f"features: {i + 1}/{len(jobs)} chunks, {time.time() - t0:.0f} s")
    arrays = {b: [] for b in BLOCKS}
    counts = []
    for c0 in range(0, len(clips), chunk):
        z = np.load(os.path.join(parts, f"chunk-{c0 // chunk:05d}.npz"))
        counts.append(z["counts"])
        for b in BLOCKS:
            arrays[b].append(z[b.replace(":", "__")])
    counts = np.concatenate(counts)
    ids = np.array([c["clip_id"] for c in clips])
    for fname, src, col in (("mn04.npz", "mn04", 0), ("musicnn-msd.npz", "msd", 1)):
        n = counts[:, col].astype(np.int64)
        offset = np.concatenate([[0], np.cumsum(n)[:-1]])
        layers = {b.split(":")[1]: np.concatenate(arrays[b]) for b in BLOCKS if b.startswith(src + ":")}
        tmp = os.path.join(cache, fname + ".tmp.npz")
        np.savez(tmp, clip_id=ids, offset=offset, count=n, start=np.zeros(int(n.sum()), np.int64), **layers)
        os.replace(tmp, os.path.join(cache, fname))
    log(f"features: done in {time.time() - t0:.0f} s")


# ------------------------------------------------------------------------------------------------------ export
def export(model, path, cfg, meta):
    import onnx
    import warnings
    model = model.eval()
    dummy = torch.zeros(1, cfg["k"], WINDOW)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, dummy, path, opset_version=13, input_names=["audio"], output_names=OUTPUTS,
                          dynamic_axes={n: {0: "tracks"} for n in ["audio", *OUTPUTS]})
    m = onnx.load(path)
    del m.metadata_props[:]
    for k, v in meta.items():
        m.metadata_props.add(key=k, value=str(v))
    onnx.checker.check_model(m, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(m, strict_mode=True)
    onnx.save(m, path)
    return {o.name: [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim] for o in inferred.graph.output}


def metadata(version, cfg, msd_labels, music_labels, head_dim):
    return {"name": "musetag-base", "version": version, "frontend": "waveform-16k", "sample_rate": SR,
            "window_samples": WINDOW, "windows_per_track": cfg["k"],
            "genres": ",".join(transfer.GENRES), "quadrants": ",".join(transfer.QUADRANTS),
            "tag_outputs": "tags_msd,audioset_music", "labels_tags_msd": ",".join(msd_labels),
            "labels_audioset_music": "|".join(music_labels), "embedding_dim": head_dim}


def audioset_music_labels(shared):
    with open(os.path.join(shared, "pretrained", "efficientat", "audioset_labels.csv"), newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [r["display_name"] for r in rows[MUSIC_CLASSES[0]:MUSIC_CLASSES[1]]]


# ------------------------------------------------------------------------------------------------------ parity
def parity_rows(model, clips, data, k, n, seed=7):
    """Track-level outputs of the graph (torch, the exact exported modules) for n clips, for TrainingParityTest."""
    rng = np.random.default_rng(seed)
    pick = sorted(rng.choice(len(clips), size=min(n, len(clips)), replace=False))
    rows = []
    with torch.no_grad():
        for i in pick:
            c = clips[i]
            pcm = features.decode(os.path.join(data, c["path"]))
            g, q, va, gc, *_ = model(torch.from_numpy(track_windows(pcm, k))[None])
            g, q, va = g[0].numpy(), q[0].numpy(), va[0].numpy()
            row = {"clip_id": c["clip_id"], "path": c["path"], "source": c["source"], "n_samples": len(pcm),
                   "n_patches": k, "top_genre": transfer.GENRES[int(g.argmax())]}
            row.update({f"p_{x}": f"{g[j]:.7g}" for j, x in enumerate(transfer.GENRES)})
            row["quadrant"] = transfer.QUADRANTS[int(q.argmax())]
            row.update({f"p_{x}": f"{q[j]:.7g}" for j, x in enumerate(transfer.QUADRANTS)})
            row.update({"valence": f"{va[0]:.7g}", "arousal": f"{va[1]:.7g}", "confidence": f"{q.max():.7g}"})
            rows.append(row)
    return rows


def write_csv(path, rows):
    with open(path, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


# -------------------------------------------------------------------------------------------------------- cost
def measure_cost(cfg, shared, reps=9):
    """Median torch time (1 thread) of one mn04 10-s window and one musicnn 3-s patch, the graph's modules as
    exported (mn04 with its 16 kHz DFT-convolution front-end): what a candidate's windows cost, measured in this run."""
    torch.set_num_threads(1)
    b = Backbones(1, [0], [0], shared)
    w = torch.randn(1, WINDOW) * 0.1
    out = {}
    with torch.no_grad():
        for name, f in (("mn04_window_ms", lambda: b.mn04(w)), ("musicnn_patch_ms", lambda: b.msd(w[:, :PATCH]))):
            f()
            t = []
            for _ in range(reps):
                t0 = time.perf_counter()
                f()
                t.append((time.perf_counter() - t0) * 1000)
            out[name] = round(float(np.median(t)), 1)
    torch.set_num_threads(2)
    return out


def alternatives(cfg):
    """(label, transfer candidate, mn04 windows, musicnn patches) evaluated on the same inference-window features:
    the shipped combination first, then what fewer windows or one backbone alone would give."""
    k, m = len(cfg["mn04_windows"]), len(cfg["musicnn_windows"])
    rows = [(f"musicnn MSD ({m} patch) + mn04 ({k} windows)", CANDIDATE, k, m)]
    if k > 1:
        rows.append((f"musicnn MSD ({m} patch) + mn04 (1 window)", CANDIDATE + "#mn04=1", 1, m))
    rows.append((f"mn04 alone ({k} windows)", "mn04", k, 0))
    rows.append((f"musicnn MSD alone ({m} patch)", "msd", 0, m))
    return rows


# -------------------------------------------------------------------------------------------------------- main
def config(data, windows, musicnn_patches, shared=None):
    """The graph's settings: K windows, which of them each backbone hears, and where the pretrained weights are."""
    shared = shared or os.path.abspath(os.path.join(data, "..", ".."))
    return {"k": windows, "mn04_windows": list(range(windows)),
            "musicnn_windows": even_subset(windows, musicnn_patches), "shared": shared}


def cache_dir(data, windows, musicnn_patches, limit=0):
    """The feature cache of these settings and this clips.csv (all of it: a changed label or fold is a new cache);
    bundle.py and similarity.py share it."""
    cfg = config(data, windows, musicnn_patches)
    clips_sha = bundle_card.sha256(os.path.join(data, "clips.csv"))
    key = hashlib.sha256(json.dumps({**cfg, "shared": None, "limit": limit, "clips": clips_sha, "v": 2},
                                    sort_keys=True).encode()).hexdigest()[:10]
    cache = os.path.join(HERE, ".cache", f"bundle-{key}")
    os.makedirs(cache, exist_ok=True)
    return cache


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "shared", "data", "train-v1"))
    ap.add_argument("--shared", default=None, help="the shared folder (default: two levels above --data)")
    ap.add_argument("--out", default=os.path.join(HERE, ".."))
    ap.add_argument("--version", default="2.1.0")
    ap.add_argument("--windows", type=int, default=3, help="K: 10-s windows per track (mn04 hears all of them)")
    ap.add_argument("--musicnn-patches", type=int, default=1, help="centre patches of this many windows for musicnn")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--parity-clips", type=int, default=200)
    ap.add_argument("--skip-cv", action="store_true", help="no cross-validation (a quick export; not for shipping)")
    ap.add_argument("--compare", choices=["all", "shipped"], default="all",
                    help="cross-validate the alternatives too (fewer windows, each backbone alone; ~8 min each)")
    ap.add_argument("--limit", type=int, default=0, help="only every n-th clip (a smoke test of the stages)")
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(2)
    data = os.path.abspath(args.data)
    shared = os.path.abspath(args.shared or os.path.join(data, "..", ".."))
    cfg = config(data, args.windows, args.musicnn_patches, shared)
    cache = cache_dir(data, args.windows, args.musicnn_patches, args.limit)
    logf = open(os.path.join(cache, "bundle.log"), "a")
    t_start = time.time()

    def log(msg):
        line = f"[{time.time() - t_start:7.1f}s] {msg}"
        print(line, flush=True)
        logf.write(line + "\n")
        logf.flush()

    log(f"settings {cfg}, cache {cache}")
    clips = transfer.read_clips(data)
    if args.limit:
        clips = clips[::args.limit]
    labels = transfer.load_labels(clips)
    gmask, quad, va = labels
    labels_all = (gmask, transfer.vocab_mask([c["source"] for c in clips]), quad, va)

    t0 = time.time()
    build_features(clips, data, cache, cfg, args.workers, log)
    times = {"features_s": round(time.time() - t0, 1)}

    cost = measure_cost(cfg, shared)
    log(f"cost (torch, 1 thread, median): {cost}")
    candidates = []
    if not args.skip_cv:
        t0 = time.time()
        rows = alternatives(cfg) if args.compare == "all" else alternatives(cfg)[:1]
        for label, name, n_mn04, n_musicnn in rows:
            done = os.path.join(cache, f"cv-{transfer.safe_name(name)}.json")
            if os.path.exists(done):  # a rerun does not cross-validate a candidate again
                with open(done) as fh:
                    res = json.load(fh)
            else:
                res = transfer.evaluate(name, clips, labels_all, [cache], {}, log=log)
                res.pop("oof", None)
                res.pop("last_head", None)
                with open(done, "w") as fh:
                    json.dump(res, fh, default=lambda o: o.tolist() if hasattr(o, "tolist") else str(o))
            candidates.append({"label": label, "candidate": name, "shipped": name == CANDIDATE,
                               "metrics": res["metrics"], "consumes": res["consumes"],
                               "cost_ms": n_mn04 * cost["mn04_window_ms"] + n_musicnn * cost["musicnn_patch_ms"]})
        times["cross_validation_s"] = round(time.time() - t0, 1)

    t0 = time.time()
    head, rec, consumes = transfer.fit_all(CANDIDATE, clips, labels_all, [cache], log=log)
    times["final_head_s"] = round(time.time() - t0, 1)
    backbones = Backbones(cfg["k"], cfg["mn04_windows"], cfg["musicnn_windows"], shared)
    model = MusetagBase2(backbones, head.float().eval()).eval()
    onnx_path = os.path.join(args.out, "musetag-base.onnx")
    meta = metadata(args.version, cfg, backbones.msd_labels, audioset_music_labels(shared),
                    model.head.emb_w.shape[1])
    shapes = export(model, onnx_path, cfg, meta)
    log(f"exported {onnx_path} ({os.path.getsize(onnx_path) / 1e6:.1f} MB): {shapes}")

    t0 = time.time()
    rows = parity_rows(model, clips, data, cfg["k"], args.parity_clips)
    write_csv(os.path.join(args.out, "parity", "predictions.csv"), rows)
    times["parity_s"] = round(time.time() - t0, 1)
    times["total_s"] = round(time.time() - t_start, 1)
    record = {"settings": {k: v for k, v in cfg.items() if k != "shared"}, "head": rec, "consumes": consumes,
              "times": times, "metadata": meta, "shapes": shapes, "output_names": OUTPUTS, "cost": cost,
              "candidates": candidates, "parity": {"n": len(rows), "file": "parity/predictions.csv"}}
    with open(os.path.join(cache, "bundle-record.json"), "w") as fh:
        json.dump(record, fh, indent=1, default=lambda o: o.tolist() if hasattr(o, "tolist") else str(o))
    if candidates:
        bundle_card.write(args.out, onnx_path, record)
        log("cards written")
    log(f"done: {times}")


if __name__ == "__main__":
    main()
