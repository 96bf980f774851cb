"""Decode train-v1 clips exactly like the Java app (ffmpeg CLI -> f32le mono 16 kHz) and cache MelSpec v1 features.

Two caches per clip, both from the same decoded PCM:
  * the whole clip's log-mel [frames, 64] (training samples random 188-frame windows of it; a window starting at
    frame f is bit-identical to melspec.log_mel(pcm[256 f : 256 f + 48384]));
  * the track-level evaluation patches of the Java aggregation (aggregation.patch_starts), each computed from its
    own 48,384 samples, [n_patches, 64, 188].
"""
import hashlib
import json
import os
import subprocess
from multiprocessing import Pool

import numpy as np

import melspec

P = melspec.PATCH_SAMPLES  # 48384
K = 5  # patches per track


def decode(path):
    """Float32 mono 16 kHz PCM, decoded with the same ffmpeg invocation as the Java app."""
    out = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-ac", "1", "-ar", "16000", "-f", "f32le", "-"],
                         check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout
    return np.frombuffer(out, dtype="<f4").astype(np.float32)


def patch_starts(d, p=P, k=K):
    """Start samples of the track-level patches: one at 0 if d <= p, else round((d - p)(2i + 1) / (2k)), i < k.
    round = round half up (Java Math.round), done exactly in integers: floor(x + 1/2) = (2 n + den) // (2 den)."""
    if d <= p:
        return [0]
    return [((d - p) * (2 * i + 1) * 2 + 2 * k) // (4 * k) for i in range(k)]


def track_patches(pcm):
    """[n, 64, 188] raw-dB patches of the track-level aggregation (zero-padded to P when the track is shorter)."""
    pcm = np.asarray(pcm, dtype=np.float32)
    out = []
    for s in patch_starts(pcm.size):
        seg = pcm[s:s + P]
        if seg.size < P:
            seg = np.concatenate([seg, np.zeros(P - seg.size, dtype=np.float32)])
        out.append(melspec.log_mel(seg).T)
    return np.stack(out).astype(np.float32)


def _one(path):
    pcm = decode(path)
    return pcm.size, melspec.log_mel(pcm), track_patches(pcm)


# Bump when decoding, patch placement or the cached layout changes (melspec.py and clips.csv are hashed as well).
CACHE_VERSION = b"features-v1: ffmpeg f32le mono 16k; full-clip log-mel + 5 track patches (round half up)"


def cache_key(clips_csv):
    h = hashlib.sha256(CACHE_VERSION)
    for f in [clips_csv, melspec.__file__]:
        with open(f, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()[:16]


NAMES = ["mel_all", "offsets", "n_samples", "eval_patches", "eval_offsets"]


def load_dir(d, mmap=False):
    return {n: np.load(os.path.join(d, n + ".npy"), mmap_mode="r" if mmap else None) for n in NAMES}


def load_or_build(data_dir, clips, cache_dir, workers=2, log=print):
    """clips: list of dicts from clips.csv. Returns (dict with mel_all [F,64], offsets [n+1], n_samples [n],
    eval_patches [M,64,188], eval_offsets [n+1]; the cache folder)."""
    key = cache_key(os.path.join(data_dir, "clips.csv"))
    d = os.path.join(cache_dir, "features-" + key)
    names = NAMES
    if all(os.path.exists(os.path.join(d, n + ".npy")) for n in names):
        log(f"features: using cache {d}")
        return load_dir(d), d
    os.makedirs(d, exist_ok=True)
    paths = [os.path.join(data_dir, c["path"]) for c in clips]
    mels, evs, ns = [], [], []
    with Pool(workers) as pool:
        for i, (n, mel, ev) in enumerate(pool.imap(_one, paths, chunksize=4)):
            ns.append(n); mels.append(mel); evs.append(ev)
            if (i + 1) % 200 == 0:
                log(f"features: {i + 1}/{len(paths)}")
    res = {
        "mel_all": np.concatenate(mels).astype(np.float32),
        "offsets": np.concatenate([[0], np.cumsum([m.shape[0] for m in mels])]).astype(np.int64),
        "n_samples": np.array(ns, dtype=np.int64),
        "eval_patches": np.concatenate(evs).astype(np.float32),
        "eval_offsets": np.concatenate([[0], np.cumsum([e.shape[0] for e in evs])]).astype(np.int64),
    }
    for n in names:
        np.save(os.path.join(d, n + ".npy"), res[n])
    with open(os.path.join(d, "info.json"), "w") as fh:
        json.dump({"clips": len(clips), "frames": int(res["mel_all"].shape[0])}, fh)
    log(f"features: built {d}")
    return res, d
