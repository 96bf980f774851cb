"""The hand-made baseline features: MelSpec v1 log-mel mean and standard deviation per band.

Cached per 3-s window (the MelSpec v1 patch, 48,384 samples, non-overlapping from the clip start, at most 20 per clip,
like the musicnn cache) and per whole clip, in the layout of the backbone caches (`clip_id`, `offset`, `count`,
`start` + per-window arrays), so transfer.py reads it like any backbone:

    /usr/bin/python3 models/training/melstats.py --data ../shared/data/train-v1 --out models/training/.cache/backbones/mel.npz

Per-window rows: `mean` [n, 64], `std` [n, 64] (dB). Per clip: `clip_mean`, `clip_std` [N, 64] over every frame.
"""
import argparse
import csv
import os
import sys
from multiprocessing import Pool

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import features  # noqa: E402
import melspec  # noqa: E402

P = melspec.PATCH_SAMPLES            # 48384 samples = 188 frames
STEP = P // melspec.HOP              # 189 frames between window starts
MAX_WINDOWS = 20


def clip_stats(path):
    """(window starts [k], window means [k,64], window stds [k,64], clip mean [64], clip std [64])."""
    pcm = features.decode(path)
    if pcm.size < P:
        pcm = np.concatenate([pcm, np.zeros(P - pcm.size, np.float32)])
    mel = melspec.log_mel(pcm).astype(np.float64)          # [frames, 64]
    k = max(1, min(MAX_WINDOWS, pcm.size // P))
    wins = [mel[STEP * i:STEP * i + melspec.PATCH_FRAMES] for i in range(k)]
    return (np.arange(k) * P, np.stack([w.mean(0) for w in wins]), np.stack([w.std(0) for w in wins]),
            mel.mean(0), mel.std(0))


def build(data, out, workers=2):
    with open(os.path.join(data, "clips.csv"), newline="") as fh:
        clips = list(csv.DictReader(fh))
    paths = [os.path.join(data, c["path"]) for c in clips]
    with Pool(workers) as pool:
        res = list(pool.imap(clip_stats, paths, chunksize=8))
    counts = np.array([len(r[0]) for r in res])
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    np.savez(out + ".tmp.npz", clip_id=np.array([c["clip_id"] for c in clips]),
             offset=np.concatenate([[0], np.cumsum(counts)[:-1]]), count=counts,
             start=np.concatenate([r[0] for r in res]),
             mean=np.concatenate([r[1] for r in res]).astype(np.float32),
             std=np.concatenate([r[2] for r in res]).astype(np.float32),
             clip_mean=np.stack([r[3] for r in res]).astype(np.float32),
             clip_std=np.stack([r[4] for r in res]).astype(np.float32))
    os.replace(out + ".tmp.npz", out)
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    print(build(a.data, a.out, a.workers))
