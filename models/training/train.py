"""Rebuild musetag-base end to end: features -> 5-fold CV (out-of-fold evaluation, temperature fit) -> final model on
all data -> ONNX export + verification -> model cards -> parity predictions.

    /usr/bin/python3 models/training/train.py --data ../shared/data/train-v1 --out models      (from the repo root)

--version names the build (default: the bundled model's); --dry-run prints the settings, jobs and stages only.
"""
import argparse
import csv
import datetime
import hashlib
import json
import math
import os
import platform
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
np = torch = F = features = melspec = onnx_numpy = report = MuseNet = None
GENRES = QUADRANTS = N_MELS = PATCH_FRAMES = None


def _import_training_modules():
    """numpy, torch and the training modules, imported when a stage needs them: --help and --dry-run run on a
    Python without them."""
    global np, torch, F, features, melspec, onnx_numpy, report, MuseNet, GENRES, QUADRANTS, N_MELS, PATCH_FRAMES
    import numpy as np
    import torch
    import torch.nn.functional as F
    import features
    import melspec
    import onnx_numpy
    import report
    from model import GENRES, QUADRANTS, MuseNet, N_MELS, PATCH_FRAMES

MODEL_NAME = "musetag-base"
MODEL_VERSION = "1.1.0"  # the bundled model; a new build passes --version
CV_FOLDS = [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9)]
EMOTIFY_GENRES = ["classical", "electronic", "pop", "rock"]
GTZAN_GENRES = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]
T0 = time.time()
LOG_FH = None
JOB = {}  # worker-process state (features, labels, config), set by _init_worker


def _open_log(cache, t0):
    global LOG_FH, T0
    T0 = t0
    LOG_FH = open(os.path.join(cache, "train.log"), "a")


def log(msg):
    line = f"[{time.time() - T0:7.1f}s] {msg}"
    print(line, flush=True)
    if LOG_FH:
        LOG_FH.write(line + "\n")
        LOG_FH.flush()


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for b in iter(lambda: fh.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


# ----------------------------------------------------------------------------------------------------------- labels
def load_labels(clips):
    """(genre label sets, quadrant, va) of every clip: one reader for 1.x and 2.x (transfer.load_labels)."""
    import transfer
    return transfer.load_labels(clips)


# --------------------------------------------------------------------------------------------------------- training
def band_stats(feats, idx):
    """Per-mel-band mean / std (dB) over the training clips' frames (every 4th frame)."""
    off = feats["offsets"]
    rows = np.concatenate([np.arange(off[i], off[i + 1], 4) for i in idx])
    x = feats["mel_all"][rows].astype(np.float64)
    return x.mean(0), x.std(0) + 1e-3


def make_batch(feats, clip_idx, starts):
    rows = (feats["offsets"][clip_idx] + starts)[:, None] + np.arange(PATCH_FRAMES)[None, :]
    x = feats["mel_all"][rows]                                # [B, 188, 64]
    return torch.from_numpy(np.ascontiguousarray(x.transpose(0, 2, 1)[:, None]))   # [B, 1, 64, 188]


def augment(x, gen, cfg):
    """Random gain (a dB offset), one mel-band mask and one time mask filled with the patch mean."""
    b = x.shape[0]
    x = x + (torch.rand(b, 1, 1, 1, generator=gen) * 2 - 1) * cfg["aug_gain_db"]
    x = torch.clamp(x, min=10 * math.log10(melspec.LOG_FLOOR))
    fill = x.mean(dim=(2, 3), keepdim=True)
    fw = torch.randint(0, cfg["aug_freq_mask"] + 1, (b, 1, 1, 1), generator=gen)
    f0 = (torch.rand(b, 1, 1, 1, generator=gen) * (N_MELS - fw + 1)).floor()
    tw = torch.randint(0, cfg["aug_time_mask"] + 1, (b, 1, 1, 1), generator=gen)
    t0 = (torch.rand(b, 1, 1, 1, generator=gen) * (PATCH_FRAMES - tw + 1)).floor()
    fr = torch.arange(N_MELS).view(1, 1, -1, 1)
    tr = torch.arange(PATCH_FRAMES).view(1, 1, 1, -1)
    m = ((fr >= f0) & (fr < f0 + fw)) | ((tr >= t0) & (tr < t0 + tw))
    return torch.where(m, fill, x)


def losses(out, gm, q, va, va_var):
    _, gl, ql, vp = out
    has_g = gm.any(1)
    lg = torch.zeros(())
    if has_g.any():
        lse_all = torch.logsumexp(gl[has_g], 1)
        lse_set = torch.logsumexp(gl[has_g].masked_fill(~gm[has_g], -1e4), 1)
        lg = (lse_all - lse_set).mean()                       # -log sum_{g in S} p_g
    has_q = q >= 0
    lq = F.cross_entropy(ql[has_q], q[has_q]) if has_q.any() else torch.zeros(())
    has_v = ~torch.isnan(va[:, 0])
    lv = (0.5 * ((vp[has_v] - va[has_v]) ** 2 / va_var).sum(1)).mean() if has_v.any() else torch.zeros(())
    return lg, lq, lv


def train_model(train_idx, feats, labels, sources, cfg, seed, tag):
    gmask, quad, va = labels
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    gen = torch.Generator().manual_seed(seed)
    model = MuseNet(tuple(cfg["channels"]), cfg["emb_dim"], cfg["dropout"])
    model.set_standardisation(*band_stats(feats, train_idx))
    model = model.to(memory_format=torch.channels_last)
    va_var = torch.from_numpy(np.nanvar(va[train_idx], axis=0).astype(np.float32))

    reps = np.array([cfg["source_repeat"][sources[i]] for i in train_idx]) * cfg["patches_per_clip"]
    visits = np.repeat(train_idx, reps)
    steps_per_epoch = int(math.ceil(len(visits) / cfg["batch"]))
    total = steps_per_epoch * cfg["epochs"]
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg["lr"], total_steps=total, pct_start=0.15)
    nframes = feats["offsets"][1:] - feats["offsets"][:-1]
    gm_t, q_t, va_t = torch.from_numpy(gmask), torch.from_numpy(quad), torch.from_numpy(va)
    log(f"{tag}: {len(train_idx)} clips, {len(visits)} patches/epoch, {cfg['epochs']} epochs, {total} steps")
    t_start = time.time()
    for ep in range(cfg["epochs"]):
        model.train()
        order = rng.permutation(visits)
        sums = np.zeros(3)
        for s in range(steps_per_epoch):
            ci = order[s * cfg["batch"]:(s + 1) * cfg["batch"]]
            if len(ci) < 8:
                continue
            st = (rng.random(len(ci)) * (nframes[ci] - PATCH_FRAMES + 1)).astype(np.int64)
            x = augment(make_batch(feats, ci, st), gen, cfg).contiguous(memory_format=torch.channels_last)
            cit = torch.from_numpy(ci)
            lg, lq, lv = losses(model.logits(x), gm_t[cit], q_t[cit], va_t[cit], va_var)
            loss = lg + lq + cfg["va_weight"] * lv
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            sums += [lg.item(), lq.item(), lv.item()]
        el = time.time() - t_start
        sums /= steps_per_epoch
        log(f"{tag}: epoch {ep + 1}/{cfg['epochs']} loss genre {sums[0]:.3f} quad {sums[1]:.3f} va {sums[2]:.3f} "
            f"({(ep + 1) * len(visits) / el:.0f} patches/s)")
    model = model.to(memory_format=torch.contiguous_format)
    model.eval()
    return model


def predict_patches(model, patches, batch=256):
    """Patch-level raw outputs (temperature not applied): emb, genre logits, quad logits, va."""
    model.eval()
    outs = [[], [], [], []]
    with torch.no_grad():
        for s in range(0, len(patches), batch):
            x = torch.from_numpy(patches[s:s + batch][:, None]).contiguous(memory_format=torch.channels_last)
            for o, t in zip(outs, model.logits(x)):
                o.append(t.numpy())
    return [np.concatenate(o) for o in outs]


def softmax(z, t=1.0):
    z = z / t
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def aggregate(patch_vals, counts):
    """Track-level arithmetic mean of consecutive patch rows (counts patches per track)."""
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    return np.add.reduceat(patch_vals, starts, axis=0) / np.asarray(counts)[:, None]


def fit_temperature(patch_logits, counts, nll_fn):
    grid = np.exp(np.linspace(np.log(0.25), np.log(6.0), 241))
    nll = [nll_fn(aggregate(softmax(patch_logits, t), counts)) for t in grid]
    return float(grid[int(np.argmin(nll))]), float(nll[int(np.argmin(nll))]), float(nll_fn(aggregate(
        softmax(patch_logits, 1.0), counts)))


# ------------------------------------------------------------------------------------------------------------- jobs
def _init_worker(cache, t0, feat_dir, labels, sources, cfg):
    """Each training job runs in its own single-threaded process: on 2 shared cores, two 1-thread jobs side by side
    are faster than one 2-thread job and degrade gracefully when other programs take CPU (OpenMP threads that lose
    their core stall each other)."""
    _import_training_modules()
    _open_log(cache, t0)
    torch.set_num_threads(cfg["threads_per_job"])
    JOB.update(feats=features.load_dir(feat_dir, mmap=True), labels=labels, sources=sources, cfg=cfg)


def run_job(job):
    """job = (tag, train clip indices, eval patch rows or None, seed, result file). Returns the result dict."""
    tag, train_idx, rows, seed, path = job
    t = time.time()
    model = train_model(train_idx, JOB["feats"], JOB["labels"], JOB["sources"], JOB["cfg"], seed, tag)
    res = {"tag": tag, "state_dict": model.state_dict(), "wall_s": time.time() - t}
    if rows is not None:
        res["rows"] = rows
        res["pred"] = predict_patches(model, np.asarray(JOB["feats"]["eval_patches"][rows]))
    torch.save(res, path + ".tmp")
    os.replace(path + ".tmp", path)
    log(f"{tag}: finished in {res['wall_s']:.0f} s")
    return res


def job_dir(cache, feat_dir, cfg):
    """Finished jobs are kept per (features, settings), so an interrupted build resumes where it stopped."""
    keep = {k: v for k, v in cfg.items() if k not in ("threads_per_job", "workers")}
    h = hashlib.sha256((os.path.basename(feat_dir) + json.dumps(keep, sort_keys=True)).encode()).hexdigest()[:12]
    d = os.path.join(cache, "jobs-" + h)
    os.makedirs(d, exist_ok=True)
    return d


# ----------------------------------------------------------------------------------------------------------- export
def export_onnx(model, path, meta):
    model = model.to(memory_format=torch.contiguous_format).eval()
    dummy = torch.zeros(2, 1, N_MELS, PATCH_FRAMES) - 50.0
    names = ["mel", "embedding", "genre", "quadrant", "va"]
    torch.onnx.export(model, dummy, path, opset_version=13, input_names=names[:1], output_names=names[1:],
                      dynamic_axes={n: {0: "N"} for n in names}, do_constant_folding=True)
    import onnx
    m = onnx.load(path)
    onnx.helper.set_model_props(m, meta)
    m.producer_name = "musetag models/training/train.py"
    m.doc_string = "musetag-base: genre / quadrant / valence-arousal from one MelSpec v1 patch [N,1,64,188] (dB)."
    onnx.save(m, path)
    m = onnx.load(path)
    onnx.checker.check_model(m, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(m, strict_mode=True)
    shapes = {o.name: [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim] for o in inferred.graph.output}
    assert [o.name for o in m.graph.output] == names[1:], [o.name for o in m.graph.output]
    assert m.opset_import[0].version == 13
    return shapes


# ----------------------------------------------------------------------------------------------------------- stages
def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="train-v1 folder (with clips.csv)")
    ap.add_argument("--out", required=True, help="models/ folder to write the ONNX file, cards and parity/")
    ap.add_argument("--version", default=MODEL_VERSION,
                    help=f"version written into the ONNX metadata and the cards (default {MODEL_VERSION})")
    ap.add_argument("--cache", default=None, help="default: <this folder>/.cache")
    ap.add_argument("--workers", type=int, default=2, help="training jobs run side by side (processes)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads per job")
    ap.add_argument("--seed", type=int, default=20250)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--patches-per-clip", type=int, default=4, help="random patches per clip per epoch")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--cv-folds", type=int, default=5, help="how many of the 5 CV splits to run (5 for the card)")
    ap.add_argument("--skip-final", action="store_true", help="CV only (for experiments)")
    ap.add_argument("--dry-run", action="store_true",
                    help="read clips.csv, print the settings, the training jobs and the stages, and stop "
                         "(needs neither numpy nor torch)")
    return ap.parse_args(argv)


def training_config(args):
    """The settings that define the trained weights (the job cache is keyed on them, so the version is not here)."""
    return {
        "channels": [16, 32, 64, 128], "emb_dim": 128, "dropout": 0.3,
        "epochs": args.epochs, "patches_per_clip": args.patches_per_clip, "batch": args.batch, "lr": args.lr,
        "weight_decay": 1e-2, "optimizer": "AdamW, OneCycle (15 % warm-up, cosine)",
        "source_repeat": {"4q": 1, "emotify": 1, "gtzan": 2}, "va_weight": 1.0,
        "va_loss": "0.5 * sum over (valence, arousal) of squared error / training variance",
        "aug_gain_db": 6.0, "aug_freq_mask": 8, "aug_time_mask": 24,
        "seed": args.seed, "fold_seeds": [args.seed + k for k in range(5)], "final_seed": args.seed + 100,
        "workers": args.workers, "threads_per_job": args.threads,
    }


def model_metadata(version):
    """The ONNX file's metadata, which Musetag reads to know the model (name@version is written into tags)."""
    return {"name": MODEL_NAME, "version": version, "frontend": "MelSpec-v1", "genres": ",".join(GENRES),
            "quadrants": ",".join(QUADRANTS), "patch_frames": str(PATCH_FRAMES), "n_mels": str(N_MELS)}


def read_clips(data):
    csv_path = os.path.join(data, "clips.csv")
    with open(csv_path, newline="") as fh:
        clips = list(csv.DictReader(fh))
    return csv_path, clips


def plan_jobs(args, cfg, folds):
    """The training jobs as (tag, train clip indices, held-out clip indices or None, seed, file name): 5 CV models
    (train on four fold pairs, predict the fifth) and the final model on all clips, the longest (final) first."""
    n = len(folds)
    specs = []
    if not args.skip_final:
        specs.append(("final", list(range(n)), None, cfg["final_seed"], "final.pt"))
    for k, (fa, fb) in enumerate(CV_FOLDS[:args.cv_folds]):
        test = [i for i in range(n) if folds[i] in (fa, fb)]
        train = [i for i in range(n) if folds[i] not in (fa, fb)]
        specs.append((f"cv{k}", train, test, cfg["fold_seeds"][k], f"cv{k}.pt"))
    return specs


STAGES = ["features", "training jobs (cross-validation folds and final model)", "cross-validation evaluation",
          "final model", "ONNX export and parity", "model cards"]


def dry_run(args, cfg):
    _, clips = read_clips(args.data)
    folds = [int(c["fold"]) for c in clips]
    print(f"{MODEL_NAME} {args.version}: {len(clips)} clips from {os.path.join(args.data, 'clips.csv')}")
    print("settings " + json.dumps(cfg))
    for tag, train, test, seed, name in plan_jobs(args, cfg, folds):
        held = "none" if test is None else f"{len(test)} clips"
        print(f"job {tag}: train {len(train)} clips, held out {held}, seed {seed}, result {name}")
    print("stages: " + " -> ".join(STAGES if not args.skip_final else STAGES[:3]))
    print(f"would write {os.path.join(args.out, MODEL_NAME + '.onnx')}, its cards and parity/predictions.csv")


class Data:
    """clips.csv, labels, folds and the cached features, as every later stage reads them."""

    def __init__(self, args, cache):
        self.csv_path, self.clips = read_clips(args.data)
        self.sources = [c["source"] for c in self.clips]
        self.labels = load_labels(self.clips)
        self.gmask, self.quad, self.va = self.labels
        self.folds = np.array([int(c["fold"]) for c in self.clips])
        self.feats, self.feat_dir = features.load_or_build(args.data, self.clips, cache,
                                                           workers=max(2, args.workers), log=log)
        self.counts = np.diff(self.feats["eval_offsets"])

    def patch_rows(self, idx):
        eo = self.feats["eval_offsets"]
        return np.concatenate([np.arange(eo[i], eo[i + 1]) for i in idx])


def run_training_jobs(args, cfg, data, cache):
    """Runs the jobs not finished before, as single-threaded processes, `workers` side by side."""
    jdir = job_dir(cache, data.feat_dir, cfg)
    jobs = [(tag, np.asarray(train), None if test is None else data.patch_rows(test), seed, os.path.join(jdir, name))
            for tag, train, test, seed, name in plan_jobs(args, cfg, data.folds)]
    results = {}
    todo = []
    for j in jobs:
        if os.path.exists(j[4]):
            results[j[0]] = torch.load(j[4])
            log(f"{j[0]}: using finished job {j[4]}")
        else:
            todo.append(j)
    t_train = time.time()
    if todo:
        import multiprocessing as mp
        ctx = mp.get_context("spawn")
        with ctx.Pool(min(args.workers, len(todo)), initializer=_init_worker,
                      initargs=(cache, T0, data.feat_dir, data.labels, data.sources, cfg)) as pool:
            for res in pool.imap_unordered(run_job, todo):
                results[res["tag"]] = res
    resumed = sorted({j[0] for j in jobs} - {j[0] for j in todo})
    return results, resumed, time.time() - t_train


def cross_validation(args, cfg, data, results, cache):
    """Out-of-fold predictions of the CV models: calibration temperatures and the card's metrics."""
    folds, quad, gmask, counts = data.folds, data.quad, data.gmask, data.counts
    n_p = len(data.feats["eval_patches"])
    oof = {"emb": np.zeros((n_p, cfg["emb_dim"]), np.float32), "g": np.zeros((n_p, len(GENRES)), np.float32),
           "q": np.zeros((n_p, 4), np.float32), "va": np.zeros((n_p, 2), np.float32)}
    done = np.zeros(len(data.clips), bool)
    for k, (fa, fb) in enumerate(CV_FOLDS[:args.cv_folds]):
        res = results[f"cv{k}"]
        rows_k = res["rows"]
        oof["emb"][rows_k], oof["g"][rows_k], oof["q"][rows_k], oof["va"][rows_k] = res["pred"]
        test = np.where((folds == fa) | (folds == fb))[0]
        done[test] = True
        m = quad[test] >= 0
        qa = aggregate(softmax(res["pred"][2]), counts[test])
        log(f"cv{k}: held-out folds {fa},{fb}: {len(test)} clips, quadrant acc {(qa.argmax(1)[m] == quad[test][m]).mean():.3f}")
    np.savez_compressed(os.path.join(cache, "oof.npz"), done=done, **oof)

    ev = np.where(done)[0]
    rows = data.patch_rows(ev)
    cnt = counts[ev]

    def quad_nll(p):
        m = quad[ev] >= 0
        return -np.mean(np.log(np.maximum(p[m, quad[ev][m]], 1e-12)))

    def genre_nll(p):
        m = gmask[ev].any(1)
        return -np.mean(np.log(np.maximum((p[m] * gmask[ev][m]).sum(1), 1e-12)))

    t_q, nll_q, nll_q1 = fit_temperature(oof["q"][rows], cnt, quad_nll)
    t_g, nll_g, nll_g1 = fit_temperature(oof["g"][rows], cnt, genre_nll)
    log(f"temperature: quadrant {t_q:.3f} (NLL {nll_q1:.4f} -> {nll_q:.4f}), genre {t_g:.3f} "
        f"(NLL {nll_g1:.4f} -> {nll_g:.4f})")
    track = {
        "genre": aggregate(softmax(oof["g"][rows], t_g), cnt),
        "quad": aggregate(softmax(oof["q"][rows], t_q), cnt),
        "quad_uncal": aggregate(softmax(oof["q"][rows], 1.0), cnt),
        "va": aggregate(oof["va"][rows], cnt),
    }
    metrics = report.compute_metrics([data.clips[i] for i in ev], gmask[ev], quad[ev], data.va[ev], track,
                                     EMOTIFY_GENRES, GTZAN_GENRES)
    metrics["temperature"] = {"quadrant": t_q, "genre": t_g, "quadrant_nll_before": nll_q1,
                              "quadrant_nll_after": nll_q, "genre_nll_before": nll_g1, "genre_nll_after": nll_g}
    metrics["n_clips_evaluated"] = int(len(ev))
    log("metrics: " + json.dumps(metrics["summary"]))
    with open(os.path.join(cache, "oof_metrics.json"), "w") as fh:
        json.dump(metrics, fh, indent=1)
    return metrics, t_g, t_q


def final_model(cfg, results, t_g, t_q):
    """The model trained on all clips, with the calibration temperatures baked in."""
    final = MuseNet(tuple(cfg["channels"]), cfg["emb_dim"], cfg["dropout"])
    final.load_state_dict(results["final"]["state_dict"])
    final.eval()
    final.set_temperatures(t_g, t_q)
    return final


def export_and_check_parity(args, data, final):
    """Writes the ONNX file, checks it against torch, and writes the parity predictions the Java tests compare with:
    every clip of folds 0 and 1 plus all of GTZAN, track-level, outputs of the ONNX file itself."""
    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, MODEL_NAME + ".onnx")
    meta = model_metadata(args.version)
    shapes = export_onnx(final, onnx_path, meta)
    log(f"exported {onnx_path} ({os.path.getsize(onnx_path)} bytes), output shapes {shapes}")

    clips, sources, feats = data.clips, data.sources, data.feats
    par = [i for i in range(len(clips)) if data.folds[i] in (0, 1) or sources[i] == "gtzan"]
    prow = data.patch_rows(par)
    x = feats["eval_patches"][prow][:, None]
    onnx_out = [np.concatenate(z) for z in zip(*[onnx_numpy.run(onnx_path, {"mel": x[s:s + 128]})
                                                  for s in range(0, len(x), 128)])]
    with torch.no_grad():
        torch_out = [np.concatenate(z) for z in zip(*[[t.numpy() for t in final(torch.from_numpy(x[s:s + 256]))]
                                                     for s in range(0, len(x), 256)])]
    diffs = {n: float(np.abs(a - b).max()) for n, a, b in zip(["embedding", "genre", "quadrant", "va"],
                                                               onnx_out, torch_out)}
    log(f"ONNX (numpy evaluator) vs torch, {len(x)} patches, max abs diff: {diffs}")
    assert max(diffs.values()) < 1e-4, diffs
    pc = data.counts[par]
    p_emb, p_g, p_q, p_va = [aggregate(o, pc) for o in onnx_out]
    os.makedirs(os.path.join(args.out, "parity"), exist_ok=True)
    par_path = os.path.join(args.out, "parity", "predictions.csv")
    with open(par_path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["clip_id", "path", "source", "n_samples", "n_patches", "top_genre"] + [f"p_{g}" for g in GENRES]
                   + ["quadrant"] + [f"p_{q}" for q in QUADRANTS] + ["valence", "arousal", "confidence"])
        for j, i in enumerate(par):
            w.writerow([clips[i]["clip_id"], clips[i]["path"], sources[i], int(feats["n_samples"][i]), int(pc[j]),
                        GENRES[int(p_g[j].argmax())]] + [f"{v:.7g}" for v in p_g[j]]
                       + [QUADRANTS[int(p_q[j].argmax())]] + [f"{v:.7g}" for v in p_q[j]]
                       + [f"{p_va[j, 0]:.7g}", f"{p_va[j, 1]:.7g}", f"{p_q[j].max():.7g}"])
    log(f"wrote {par_path} ({len(par)} clips)")
    return onnx_path, meta, shapes, diffs, par_path, len(par)


def write_model_cards(args, cfg, data, metrics, results, resumed, train_wall, exported):
    """The JSON and Markdown cards: metrics, settings, code and environment of this build."""
    onnx_path, meta, shapes, diffs, par_path, n_par = exported
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=here, capture_output=True, text=True,
                              check=True).stdout.strip()
    except Exception:
        head = None
    code_files = ["train.py", "features.py", "model.py", "melspec.py", "onnx_numpy.py", "report.py"]
    ffmpeg_v = subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True).stdout.splitlines()[0]
    import onnx
    training = {
        "command": "/usr/bin/python3 models/training/train.py --data ../shared/data/train-v1 --out models",
        "argv": sys.argv, "data": os.path.abspath(args.data), "clips_csv_sha256": sha256(data.csv_path),
        "n_clips": len(data.clips), "hours": round(float(data.feats["n_samples"].sum()) / 16000 / 3600, 2),
        "code_version": {"git_head": head,
                         "files_sha256": {f: sha256(os.path.join(here, f)) for f in code_files}},
        "settings": cfg, "cv_splits": CV_FOLDS,
        "wall_time_s": {"total": round(time.time() - T0, 1), "training_jobs": round(train_wall, 1),
                        "per_job": {k: round(v["wall_s"], 1) for k, v in sorted(results.items())},
                        "resumed_jobs": resumed},
        "environment": {"python": platform.python_version(), "torch": torch.__version__, "onnx": onnx.__version__,
                        "numpy": np.__version__, "ffmpeg": ffmpeg_v, "workers": args.workers,
                        "torch_threads_per_job": args.threads, "cpu_count": os.cpu_count()},
        "finished": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "onnx_vs_torch_max_abs_diff": diffs,
    }
    report.write_cards(args.out, onnx_path, meta, metrics, training, shapes, par_path, n_par)


# ------------------------------------------------------------------------------------------------------------- main
def main(argv=None):
    args = parse_args(argv)
    cfg = training_config(args)
    if args.dry_run:
        dry_run(args, cfg)
        return
    _import_training_modules()
    here = os.path.dirname(os.path.abspath(__file__))
    cache = args.cache or os.path.join(here, ".cache")
    os.makedirs(cache, exist_ok=True)
    _open_log(cache, T0)
    torch.set_num_threads(max(1, args.workers * args.threads))
    np.random.seed(args.seed)
    log(f"config {json.dumps(cfg)}")

    data = Data(args, cache)
    results, resumed, train_wall = run_training_jobs(args, cfg, data, cache)
    metrics, t_g, t_q = cross_validation(args, cfg, data, results, cache)
    if args.skip_final:
        log("skip-final: done")
        return
    final = final_model(cfg, results, t_g, t_q)
    exported = export_and_check_parity(args, data, final)
    write_model_cards(args, cfg, data, metrics, results, resumed, train_wall, exported)
    log(f"done in {time.time() - T0:.0f} s")


if __name__ == "__main__":
    main()
