"""Cache EfficientAT mn04 outputs for every clip of a data set (train-v1), per 10-s window, for training heads.

    /usr/bin/python3 models/training/mn04_features.py --data /work/shared/data/train-v1 \
        --cache models/training/.cache/backbones [--threads 1]

Audio: each clip decoded by features.decode (the app's ffmpeg invocation: mono, 16 kHz, f32le) and fed as 16 kHz
to backbones.mn04.Mn04Audio, whose graph upsamples to 32 kHz itself, so training sees what the exported model
computes in the app (the spectrum here by FFT instead of the graph's DFT conv: equal to ~3e-5 on the log-mel,
tested in tests/test_mn04_port.py; 12 ms instead of 70 ms per window on CPU).
Windows: 160,000 samples (10 s) every 80,000 (5 s) from the clip start; n = 1 + ceil(max(0, S - 160000) / 80000)
windows, at most 12; a window running past the end is zero-padded (a clip shorter than 10 s gives one padded window).

Output <cache>/mn04.npz (all float32 unless said):
  clip_id   [C] str     clips.csv order
  n_samples [C] int64   decoded length at 16 kHz
  offset    [C] int64   index of the clip's first window in the window arrays
  count     [C] int64   number of windows of the clip (windows offset[i] : offset[i] + count[i])
  start     [W] int64   start sample (16 kHz) of each window within its clip
  embedding [W, 384]    pooled last feature map (the embedding to use for transfer)
  hidden    [W, 512]    the AudioSet classifier's hidden layer (after Hardswish)
  tags      [W, 527]    AudioSet probabilities (label names: pretrained/efficientat/audioset_labels.csv)
  meta      str         JSON: window/hop/sample rate/weights sha256 prefix/version
Resumable: each clip is first written to <cache>/mn04-parts/<clip_id>.npz; a rerun skips clips already there and
mn04.npz is assembled once every clip has its part (parts from other weights/versions are refused, see meta).
"""
import argparse
import csv
import hashlib
import json
import math
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import features  # noqa: E402
from backbones import mn04  # noqa: E402

WIN, HOP, MAX_WINDOWS = 160000, 80000, 12
VERSION = "mn04-features-v1"


def window_starts(n):
    return [i * HOP for i in range(min(MAX_WINDOWS, 1 + math.ceil(max(0, n - WIN) / HOP)))]


def windows(pcm):
    """[n, WIN] float32 windows (zero-padded at the end) and their start samples."""
    starts = window_starts(pcm.size)
    out = np.zeros((len(starts), WIN), dtype=np.float32)
    for i, s in enumerate(starts):
        seg = pcm[s:s + WIN]
        out[i, :seg.size] = seg
    return out, np.array(starts, dtype=np.int64)


def prefetch(pool, fn, items, ahead=4):
    """fn over items in order, at most `ahead` running ahead (Executor.map would decode every clip at once)."""
    futs = [pool.submit(fn, x) for x in items[:ahead]]
    for i in range(len(items)):
        if i + ahead < len(items):
            futs.append(pool.submit(fn, items[i + ahead]))
        yield futs[i].result()
        futs[i] = None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--weights", default=os.path.join(os.environ.get("MUSETAG_SHARED", "/work/shared"),
                                                      "pretrained/efficientat/mn04_as_mAP_432.pt"))
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    with open(a.weights, "rb") as f:
        wsha = hashlib.sha256(f.read()).hexdigest()[:16]
    meta = json.dumps({"version": VERSION, "sr": 16000, "window": WIN, "hop": HOP, "max_windows": MAX_WINDOWS,
                       "weights_sha256": wsha, "spectrum": "fft"})
    with open(os.path.join(a.data, "clips.csv"), newline="") as f:
        clips = list(csv.DictReader(f))
    parts = os.path.join(a.cache, "mn04-parts")
    os.makedirs(parts, exist_ok=True)
    part = lambda c: os.path.join(parts, c["clip_id"] + ".npz")
    todo = [c for c in clips if not os.path.exists(part(c))]
    print(f"mn04 features: {len(clips) - len(todo)} clips cached, {len(todo)} to do", flush=True)
    model = mn04.build(a.weights, input_sr=16000)
    model.frontend.use_fft = True  # the exported graph's DFT conv: same log-mel to ~3e-5, 6x slower
    t0, n_win = time.time(), 0
    # ffmpeg runs in its own process; decoding the next clips while torch works on this one keeps both cores busy.
    with ThreadPoolExecutor(2) as pool, torch.no_grad():
        pcms = prefetch(pool, lambda c: features.decode(os.path.join(a.data, c["path"])), todo)
        for i, (c, pcm) in enumerate(zip(todo, pcms)):
            w, starts = windows(pcm)
            probs, emb, hidden = model(torch.from_numpy(w))
            tmp = part(c) + ".tmp.npz"  # written then renamed, so an interrupted run leaves no half part
            np.savez(tmp, n_samples=pcm.size, start=starts, embedding=emb.numpy(), hidden=hidden.numpy(),
                     tags=probs.numpy(), meta=meta)
            os.replace(tmp, part(c))
            n_win += len(starts)
            if (i + 1) % 50 == 0 or i + 1 == len(todo):
                dt = time.time() - t0
                print(f"  {i + 1}/{len(todo)} clips, {n_win} windows, {dt:.0f} s, {n_win / dt:.2f} windows/s",
                      flush=True)
    res = {k: [] for k in ["n_samples", "count", "start", "embedding", "hidden", "tags"]}
    for c in clips:
        p = np.load(part(c))
        if str(p["meta"]) != meta:
            sys.exit(f"{part(c)} was made with other settings or weights; delete {parts} and run again.")
        res["n_samples"].append(int(p["n_samples"])); res["count"].append(p["start"].size)
        for k in ["start", "embedding", "hidden", "tags"]:
            res[k].append(p[k])
    count = np.array(res["count"], dtype=np.int64)
    out = os.path.join(a.cache, "mn04.npz")
    np.savez(out, clip_id=np.array([c["clip_id"] for c in clips]), n_samples=np.array(res["n_samples"], np.int64),
             offset=np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64), count=count,
             **{k: np.concatenate(res[k]) for k in ["start", "embedding", "hidden", "tags"]}, meta=meta)
    print(f"wrote {out}: {len(clips)} clips, {int(count.sum())} windows", flush=True)


if __name__ == "__main__":
    main()
