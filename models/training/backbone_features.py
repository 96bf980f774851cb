"""Per-patch features of a pretrained backbone for every clip of a data set (train-v1), cached for training heads.

    /usr/bin/python3 models/training/backbone_features.py --backbone musicnn-msd --data /work/shared/data/train-v1 \
        --cache models/training/.cache/backbones

Each clip (clips.csv order) is decoded with features.decode (the app's ffmpeg invocation: mono, 16 kHz, f32) and cut
into non-overlapping 3-s patches from the clip start, at most 20 per clip (backbones.musicnn.patch_waveforms: patch k
is frames 187 k .. 187 k + 186 of the clip's centred spectrogram, i.e. the ONNX graph's input for that patch). Every
patch goes through the whole torch graph (in-graph front-end, then the network), as the exported model would.

Output: <cache>/<backbone>.npz, read with np.load(path):
    clip_id   [C] str     clips.csv clip_id, in clips.csv order
    offset    [C] int64   first row of the clip's patches in the per-patch arrays
    count     [C] int64   number of patches of the clip (>= 1; a clip shorter than one patch is zero-padded to one)
    start     [P] int64   patch start in clip samples at 16 kHz (47872 k; its frames are centred on start + 256 t)
    bn_dense  [P, 200]  float32   the usual transfer embedding
    pooled    [P, 1506] float32   max/mean-pooled features before bn_flatpool (pooled[2c] = max, pooled[2c+1] = mean)
    tags      [P, 50]   float32   sigmoid tag probabilities
    labels    [50] str            tag names
    key       str                 hash of clips.csv + this format version (a changed clips.csv gives a new file)
Rows of clip i: offset[i] : offset[i] + count[i].

Resumable: clips are processed in chunks of 32 written to <cache>/<backbone>.parts-<key>/; a rerun skips the chunks
already there and the final file is assembled (atomically) once all chunks exist.
"""
import argparse
import csv
import hashlib
import os
import sys
import time
from multiprocessing import Pool

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import features  # noqa: E402

VERSION = b"backbone-features-v1: features.decode; musicnn.patch_waveforms, <= 20 patches; whole torch graph"
BACKBONES = {"musicnn-msd": "MSD", "musicnn-mtt": "MTT"}
MAX_PATCHES = 20
CHUNK = 32

_graph = None  # per worker process


def _init(weights):
    global _graph
    import torch
    torch.set_num_threads(1)  # one thread per worker process: the cores are shared
    from backbones import musicnn
    net, _ = musicnn.load(weights)
    _graph = musicnn.MusicnnWaveform(net).eval()


def _chunk(job):
    """Compute one chunk of clips and write it to its part file (tmp + rename, so a part is complete or absent)."""
    import torch
    from backbones import musicnn
    part, paths = job
    out = {"count": [], "start": [], "bn_dense": [], "pooled": [], "tags": []}
    for p in paths:
        wave, starts = musicnn.patch_waveforms(features.decode(p), MAX_PATCHES)
        with torch.no_grad():
            tags, emb, pooled = _graph(torch.from_numpy(wave))
        out["count"].append(len(starts)); out["start"].append(starts)
        out["bn_dense"].append(emb.numpy()); out["pooled"].append(pooled.numpy()); out["tags"].append(tags.numpy())
    arrays = {k: np.asarray(v, np.int64) if k == "count" else np.concatenate(v) for k, v in out.items()}
    arrays["start"] = arrays["start"].astype(np.int64)
    tmp = part + ".tmp.npz"
    np.savez(tmp, **arrays)
    os.replace(tmp, part)
    return part, int(arrays["count"].sum())


def cache_key(clips_csv):
    h = hashlib.sha256(VERSION)
    with open(clips_csv, "rb") as fh:
        h.update(fh.read())
    return h.hexdigest()[:16]


def build(backbone, data, cache, workers=2, log=print):
    weights = BACKBONES[backbone]
    csv_path = os.path.join(data, "clips.csv")
    with open(csv_path, newline="") as fh:
        clips = list(csv.DictReader(fh))
    key = cache_key(csv_path)
    final = os.path.join(cache, backbone + ".npz")
    if os.path.exists(final) and str(np.load(final)["key"]) == key:
        log(f"{backbone}: up to date: {final}")
        return final
    parts_dir = os.path.join(cache, f"{backbone}.parts-{key}")
    os.makedirs(parts_dir, exist_ok=True)
    jobs = []
    for c0 in range(0, len(clips), CHUNK):
        part = os.path.join(parts_dir, f"chunk-{c0 // CHUNK:05d}.npz")
        if not os.path.exists(part):
            jobs.append((part, [os.path.join(data, c["path"]) for c in clips[c0:c0 + CHUNK]]))
    n_chunks = (len(clips) + CHUNK - 1) // CHUNK
    log(f"{backbone}: {len(clips)} clips, {n_chunks} chunks, {len(jobs)} to compute")
    t0, done = time.time(), 0
    if jobs:
        with Pool(workers, initializer=_init, initargs=(weights,)) as pool:
            for i, (part, n) in enumerate(pool.imap_unordered(_chunk, jobs)):
                done += n
                el = time.time() - t0
                log(f"{backbone}: chunk {i + 1}/{len(jobs)} ({os.path.basename(part)}), {done} patches, "
                    f"{el:.0f} s, {done / el:.2f} patches/s")
    parts = [np.load(os.path.join(parts_dir, f"chunk-{i:05d}.npz")) for i in range(n_chunks)]
    res = {k: np.concatenate([p[k] for p in parts]) for k in ("count", "start", "bn_dense", "pooled", "tags")}
    assert res["count"].size == len(clips)
    res["offset"] = np.concatenate([[0], np.cumsum(res["count"])[:-1]]).astype(np.int64)
    res["clip_id"] = np.array([c["clip_id"] for c in clips])
    from backbones import musicnn
    with open(os.path.join(musicnn.shared_dir(), "pretrained", "musicnn", f"labels-{weights}.txt")) as fh:
        res["labels"] = np.array([line.strip() for line in fh if line.strip()])
    res["key"] = np.array(key)
    tmp = final + ".tmp.npz"
    np.savez(tmp, **res)
    os.replace(tmp, final)
    log(f"{backbone}: wrote {final}: {len(clips)} clips, {res['start'].size} patches"
        + (f", {time.time() - t0:.0f} s for {done} patches ({done / (time.time() - t0):.2f} patches/s)" if jobs else ""))
    return final


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--backbone", required=True, choices=sorted(BACKBONES))
    ap.add_argument("--data", required=True, help="data set folder with clips.csv")
    ap.add_argument("--cache", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache", "backbones"))
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    build(a.backbone, a.data, a.cache, a.workers, log=lambda m: print(m, flush=True))


if __name__ == "__main__":
    main()
