"""Out-of-fold metrics and the model cards (JSON for machines, Markdown for people)."""
import hashlib
import json
import os

import numpy as np

from model import GENRES, QUADRANTS

TARGETS = [  # (key in summary, label, threshold)
    ("quadrant_accuracy", "Quadrant accuracy (4Q)", 0.76),
    ("emotify_genre_accuracy", "Emotify genre accuracy (4-way)", 0.95),
    ("gtzan_genre_accuracy", "GTZAN genre accuracy (10-way)", 0.80),
    ("arousal_r", "Arousal Pearson r", 0.70),
    ("valence_r", "Valence Pearson r", 0.60),
]


def per_class(y, p, names):
    out = []
    for k, n in enumerate(names):
        tp = int(((p == k) & (y == k)).sum())
        sup, pred = int((y == k).sum()), int((p == k).sum())
        pr = tp / pred if pred else 0.0
        rc = tp / sup if sup else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        out.append({"label": n, "support": sup, "predicted": pred, "precision": pr, "recall": rc, "f1": f1})
    return out


def confusion(y, p, n):
    m = np.zeros((n, n), dtype=int)
    np.add.at(m, (y, p), 1)
    return m.tolist()


def restricted_eval(probs, gmask, names):
    """Single-label clips; argmax restricted to names."""
    idx = [GENRES.index(g) for g in names]
    y = np.array([idx.index(int(np.flatnonzero(r)[0])) for r in gmask])
    p = probs[:, idx].argmax(1)
    return {"labels": names, "n": int(len(y)), "accuracy": float((y == p).mean()),
            "per_class": per_class(y, p, names), "confusion": confusion(y, p, len(names)),
            "macro_f1": float(np.mean([c["f1"] for c in per_class(y, p, names)]))}


def reliability(conf, correct, bins=10):
    edges = np.linspace(0, 1, bins + 1)
    rows, ece = [], 0.0
    for b in range(bins):
        m = (conf >= edges[b]) & ((conf < edges[b + 1]) if b < bins - 1 else (conf <= 1))
        if m.any():
            acc, c = float(correct[m].mean()), float(conf[m].mean())
            rows.append({"bin": [round(edges[b], 2), round(edges[b + 1], 2)], "n": int(m.sum()),
                         "mean_confidence": c, "accuracy": acc})
            ece += m.sum() / len(conf) * abs(acc - c)
    return rows, float(ece)


def coverage_table(conf, correct, thresholds):
    rows = []
    for t in thresholds:
        m = conf >= t
        rows.append({"threshold": t, "coverage": float(m.mean()), "accuracy": float(correct[m].mean()) if m.any()
                     else None})
    return rows


def pick_threshold(rows, want):
    ok = [r for r in rows if r["accuracy"] is not None and r["accuracy"] >= want]
    return min(ok, key=lambda r: r["threshold"]) if ok else None


def pearson(a, b):
    return float(np.corrcoef(a, b)[0, 1])


def r2(y, p):
    return float(1 - ((y - p) ** 2).sum() / ((y - y.mean()) ** 2).sum())


def compute_metrics(clips, gmask, quad, va, track, emotify_genres, gtzan_genres):
    src = np.array([c["source"] for c in clips])
    out = {}
    # quadrants
    qm = quad >= 0
    y, pq = quad[qm], track["quad"][qm]
    p = pq.argmax(1)
    conf, correct = pq.max(1), (p == y)
    rel, ece = reliability(conf, correct)
    rel_u, ece_u = reliability(track["quad_uncal"][qm].max(1), track["quad_uncal"][qm].argmax(1) == y)
    cov = coverage_table(conf, correct, [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    out["quadrant"] = {"n": int(qm.sum()), "accuracy": float(correct.mean()), "per_class": per_class(y, p, QUADRANTS),
                       "confusion": confusion(y, p, 4), "reliability": rel, "ece": ece,
                       "reliability_uncalibrated": rel_u, "ece_uncalibrated": ece_u, "coverage": cov}
    out["quadrant"]["macro_f1"] = float(np.mean([c["f1"] for c in out["quadrant"]["per_class"]]))
    # genres, restricted
    em = (src == "emotify") & gmask.any(1)
    gz = (src == "gtzan") & gmask.any(1)
    out["genre_emotify"] = restricted_eval(track["genre"][em], gmask[em], emotify_genres)
    out["genre_gtzan"] = restricted_eval(track["genre"][gz], gmask[gz], gtzan_genres)
    # genres, unrestricted: top-1 in the clip's label set
    hm = gmask.any(1)
    top = track["genre"].argmax(1)
    hit = gmask[np.arange(len(top)), top]
    un = {"n": int(hm.sum()), "accuracy": float(hit[hm].mean()),
          "by_source": {s: {"n": int((hm & (src == s)).sum()), "accuracy": float(hit[hm & (src == s)].mean())}
                        for s in ["4q", "emotify", "gtzan"] if (hm & (src == s)).any()}}
    rows = []
    for k, g in enumerate(GENRES):
        has, pred = hm & gmask[:, k], hm & (top == k)
        prec = float(gmask[pred, k].mean()) if pred.any() else 0.0
        hr = float(hit[has].mean()) if has.any() else 0.0
        strict = float((top[has] == k).mean()) if has.any() else 0.0
        rows.append({"label": g, "support": int(has.sum()), "predicted": int(pred.sum()), "precision": prec,
                     "recall": strict, "set_hit_rate": hr,
                     "f1": 2 * prec * strict / (prec + strict) if prec + strict else 0.0})
    un["per_class"] = rows
    # confusion: rows = label-set group (single genre, pop|rock, multi-label), cols = predicted genre
    groups = []
    for r in gmask[hm]:
        s = [GENRES[k] for k in np.flatnonzero(r)]
        groups.append(s[0] if len(s) == 1 else ("pop|rock" if s == ["pop", "rock"] else "multi-label"))
    gnames = [g for g in GENRES if g in groups] + [g for g in ["pop|rock", "multi-label"] if g in groups]
    cm = np.zeros((len(gnames), len(GENRES)), dtype=int)
    for gname, t in zip(groups, top[hm]):
        cm[gnames.index(gname), t] += 1
    un["confusion_rows"], un["confusion"] = gnames, cm.tolist()
    gconf, gcorr = track["genre"][hm].max(1), hit[hm]
    un["reliability"], un["ece"] = reliability(gconf, gcorr)
    un["coverage"] = coverage_table(gconf, gcorr, [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    out["genre_unrestricted"] = un
    # valence / arousal vs the word proxies
    vm = ~np.isnan(va[:, 0])
    out["va"] = {"n": int(vm.sum())}
    for k, name in enumerate(["valence", "arousal"]):
        out["va"][name] = {"pearson_r": pearson(track["va"][vm, k], va[vm, k]), "r2": r2(va[vm, k], track["va"][vm, k])}
    summary = {"quadrant_accuracy": out["quadrant"]["accuracy"], "quadrant_ece": ece,
               "emotify_genre_accuracy": out["genre_emotify"]["accuracy"],
               "gtzan_genre_accuracy": out["genre_gtzan"]["accuracy"],
               "genre_top1_in_set_accuracy": un["accuracy"],
               "valence_r": out["va"]["valence"]["pearson_r"], "arousal_r": out["va"]["arousal"]["pearson_r"],
               "valence_r2": out["va"]["valence"]["r2"], "arousal_r2": out["va"]["arousal"]["r2"]}
    out["summary"] = summary
    out["targets"] = [{"metric": k, "label": lab, "target": t, "value": summary[k], "met": bool(summary[k] >= t)}
                      for k, lab, t in TARGETS]
    qt = pick_threshold(cov, 0.8)
    gt = pick_threshold(un["coverage"], 0.8)
    out["thresholds"] = {
        "quadrant_confidence_for_80pct_accuracy": qt,
        "genre_top_probability_for_80pct_top1_in_set": gt,
        "note": "Suggested UI thresholds from out-of-fold data: below them show the prediction as uncertain.",
    }
    return out


# ------------------------------------------------------------------------------------------------------- markdown
def pct(x):
    return f"{100 * x:.1f} %"


def md_per_class(rows, extra=False):
    head = "| class | support | predicted | precision | recall | F1 |" + (" set-hit |" if extra else "")
    lines = [head, "|---" * (7 if extra else 6) + "|"]
    for r in rows:
        lines.append(f"| {r['label']} | {r['support']} | {r['predicted']} | {r['precision']:.2f} | {r['recall']:.2f} | "
                     f"{r['f1']:.2f} |" + (f" {r['set_hit_rate']:.2f} |" if extra else ""))
    return "\n".join(lines)


def md_confusion(m, rows, cols):
    lines = ["| true \\ predicted | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, r in zip(rows, m):
        lines.append(f"| **{name.replace('|', chr(92) + '|')}** | " + " | ".join(str(v) if v else "·" for v in r) + " |")
    return "\n".join(lines)


def md_reliability(rows):
    lines = ["| top probability | clips | mean confidence | accuracy |", "|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['bin'][0]:.1f}–{r['bin'][1]:.1f} | {r['n']} | {r['mean_confidence']:.3f} | "
                     f"{r['accuracy']:.3f} |")
    return "\n".join(lines)


def md_coverage(rows):
    lines = ["| threshold | coverage | accuracy |", "|---|---|---|"]
    for r in rows:
        lines.append(f"| ≥ {r['threshold']:.1f} | {pct(r['coverage'])} | "
                     f"{'–' if r['accuracy'] is None else pct(r['accuracy'])} |")
    return "\n".join(lines)


def write_cards(out_dir, onnx_path, meta, metrics, training, shapes, parity_path, n_parity):
    with open(onnx_path, "rb") as fh:
        onnx_sha = hashlib.sha256(fh.read()).hexdigest()
    size = os.path.getsize(onnx_path)
    temp = metrics["temperature"]
    aggregation = {
        "patch_samples": 48384, "patches_per_track": 5,
        "patch_start": "D <= P: one patch from sample 0, PCM zero-padded to P; else patch i (0..4) starts at "
                       "round((D - P) * (2i + 1) / 10) (round half up), D = decoded samples, P = 48384",
        "features": "MelSpec v1 log-mel of each patch's own 48384 samples, transposed to [64 mels, 188 frames]",
        "genre": "mean of patch genre probabilities", "quadrant": "mean of patch quadrant probabilities",
        "va": "mean of patch va", "embedding": "mean of patch embeddings",
        "confidence": "max of the mean quadrant probabilities",
    }
    card = {
        "name": meta["name"], "version": meta["version"], "file": os.path.basename(onnx_path),
        "sha256": onnx_sha, "size_bytes": size, "onnx_opset": 13, "metadata_props": meta,
        "frontend": {"name": "MelSpec-v1", "spec": "docs/decisions/0002-model-front-end-in-java.md",
                     "sample_rate": 16000, "n_fft": 512, "hop": 256, "center": False, "window": "periodic hann",
                     "n_mels": 64, "f_min": 0, "f_max": 8000, "mel_scale": "htk", "filter_norm": "peak 1",
                     "log": "10*log10(max(x, 1e-10))", "patch_frames": 188, "patch_samples": 48384,
                     "decoder": "ffmpeg -v error -i FILE -ac 1 -ar 16000 -f f32le -"},
        "input": {"name": "mel", "type": "float32", "shape": ["N", 1, 64, 188],
                  "meaning": "raw dB from MelSpec v1 (standardisation is inside the graph)"},
        "outputs": [
            {"name": "embedding", "shape": ["N", 128], "meaning": "backbone patch embedding (ReLU, >= 0)"},
            {"name": "genre", "shape": ["N", 14], "meaning": "softmax probabilities over labels.genres"},
            {"name": "quadrant", "shape": ["N", 4], "meaning": "softmax probabilities over labels.quadrants"},
            {"name": "va", "shape": ["N", 2], "meaning": "valence, arousal in -1..1 (tanh)"},
        ],
        "inferred_output_shapes": shapes,
        "labels": {"genres": GENRES, "quadrants": QUADRANTS,
                   "quadrant_meaning": {"Q1": "+valence +arousal (happy, excited)",
                                        "Q2": "-valence +arousal (angry, tense)",
                                        "Q3": "-valence -arousal (sad, depressed)",
                                        "Q4": "+valence -arousal (calm, relaxed)"}},
        "temperature": {"genre": temp["genre"], "quadrant": temp["quadrant"],
                        "baked_into_graph": True, "fit": "grid search minimising out-of-fold track-level NLL",
                        "nll": {k: v for k, v in temp.items() if "nll" in k}},
        "aggregation": aggregation,
        "thresholds": metrics["thresholds"],
        "evaluation": {"protocol": "5-fold CV over the clips.csv fold column ({0,1},{2,3},{4,5},{6,7},{8,9}); "
                                   "out-of-fold, track-level aggregation, calibrated probabilities",
                       "n_clips": metrics["n_clips_evaluated"]},
        "targets": metrics["targets"],
        "metrics": {k: v for k, v in metrics.items() if k not in ("targets", "thresholds", "temperature")},
        "training": training,
        "parity": {"file": os.path.relpath(parity_path, out_dir), "clips": n_parity,
                   "what": "final model's track-level outputs (from the ONNX file) for every clip of folds 0 and 1 "
                           "plus all GTZAN clips; in-sample, for numerical parity only"},
        "datasets": [
            {"name": "4Q Audio Emotion Dataset", "source": "4q",
             "citation": "R. Panda, R. Malheiro, R. P. Paiva, 'Novel audio features for music emotion recognition', "
                         "IEEE Transactions on Affective Computing, 2018"},
            {"name": "Emotify", "source": "emotify",
             "citation": "A. Aljanaki, F. Wiering, R. C. Veltkamp, 'Studying emotion induced by music through a "
                         "crowdsourcing game', Information Processing & Management, 2016"},
            {"name": "GTZAN (subset)", "source": "gtzan",
             "citation": "G. Tzanetakis, P. Cook, 'Musical genre classification of audio signals', IEEE "
                         "Transactions on Speech and Audio Processing, 2002"},
        ],
    }
    with open(os.path.join(out_dir, "musetag-base.card.json"), "w") as fh:
        json.dump(card, fh, indent=1)
        fh.write("\n")

    q, ge, gg, gu, va = (metrics["quadrant"], metrics["genre_emotify"], metrics["genre_gtzan"],
                         metrics["genre_unrestricted"], metrics["va"])
    cfg = training["settings"]
    tgt = "\n".join(f"| {t['label']} | ≥ {t['target']:.2f} | {t['value']:.3f} | {'met' if t['met'] else 'missed'} |"
                    for t in metrics["targets"])
    th = metrics["thresholds"]
    qt, gt = th["quadrant_confidence_for_80pct_accuracy"], th["genre_top_probability_for_80pct_top1_in_set"]
    md = f"""# musetag-base {meta['version']}

`{os.path.basename(onnx_path)}` — {size / 1024:.0f} KiB, sha256 `{onnx_sha}`, ONNX opset 13.

A small CNN that reads one MelSpec v1 log-mel patch (64 mel bands × 188 frames ≈ 3.02 s of 16 kHz audio) and gives
a 128-d embedding, a genre distribution over 14 genres, a Russell-quadrant distribution (Q1 happy/excited,
Q2 angry/tense, Q3 sad/depressed, Q4 calm/relaxed) and valence/arousal in −1..1. Musetag runs it on five patches
per track and averages. It is a tagging aid trained on 13 hours of music, not an authority: see *Limitations*.

## Interface
- Input `mel` float32 `[N, 1, 64, 188]`: raw dB from MelSpec v1 (`docs/decisions/0002-model-front-end-in-java.md`),
  mels × frames. Per-band standardisation is inside the graph.
- Outputs, in order: `embedding` `[N, 128]`, `genre` `[N, 14]` (softmax), `quadrant` `[N, 4]` (softmax),
  `va` `[N, 2]` (valence, arousal; tanh).
- Genres (alphabetical): {', '.join(GENRES)}. Quadrants: Q1, Q2, Q3, Q4.
- Calibration temperatures are baked in before the softmaxes: quadrant T = {temp['quadrant']:.3f},
  genre T = {temp['genre']:.3f} (fitted on out-of-fold logits by minimising the track-level NLL; quadrant NLL
  {temp['quadrant_nll_before']:.3f} → {temp['quadrant_nll_after']:.3f}, genre set-NLL {temp['genre_nll_before']:.3f} →
  {temp['genre_nll_after']:.3f}).
- Metadata: {', '.join(f'`{k}`={v}' for k, v in meta.items())}.

**Track-level aggregation** (as Musetag does it; used for every figure below). D = decoded samples
(`ffmpeg -v error -i FILE -ac 1 -ar 16000 -f f32le -`), P = 48,384. If D ≤ P one patch from sample 0, zero-padded
to P; else five patches starting at round((D − P)(2i + 1)/10), i = 0..4 (round half up). Each patch's log-mel is
computed from its own P samples. Track genre / quadrant probabilities, va and embedding are the means over
patches; confidence = max of the mean quadrant probabilities.

## Data
train-v1: {training['n_clips']} clips, {training['hours']} h, 16 kHz mono Opus (clips.csv sha256
`{training['clips_csv_sha256']}`).

| source | clips | labels used |
|---|---|---|
| 4Q Audio Emotion Dataset — R. Panda, R. Malheiro, R. P. Paiva, "Novel audio features for music emotion recognition", IEEE Trans. Affective Computing, 2018 | 809 | quadrant; valence/arousal of the AllMusic mood words (Warriner et al. 2013 norms) as a proxy; AllMusic genres (multi-label, `pop\\|rock` = pop or rock) |
| Emotify — A. Aljanaki, F. Wiering, R. C. Veltkamp, "Studying emotion induced by music through a crowdsourcing game", Information Processing & Management, 2016 | 338 | genre (classical, electronic, pop, rock) |
| GTZAN (subset) — G. Tzanetakis, P. Cook, "Musical genre classification of audio signals", IEEE Trans. Speech and Audio Processing, 2002 | 136 | genre (10 classes, 12–16 clips each) |

The audio is not shipped; only the weights are.

## Training
- Network: conv 3×3 stride 2 (16) → conv (32) → max-pool → conv (64) → max-pool → conv (128), each conv with
  BatchNorm + ReLU; mean over mel bands, then mean ‖ max over time (256) → linear 128 + ReLU = embedding;
  dropout {cfg['dropout']}; linear heads (genre 14, quadrant 4, va 2 + tanh).
- Losses (summed): genre −log Σ_{{g∈S}} p_g over the clip's label set S (clips without genre masked);
  quadrant cross-entropy (4Q only); valence/arousal {cfg['va_loss']} (4Q only).
- {cfg['epochs']} epochs; per epoch {cfg['patches_per_clip']} random 188-frame patches per clip (GTZAN clips
  ×{cfg['source_repeat']['gtzan']}); batch {cfg['batch']}; {cfg['optimizer']}, max lr {cfg['lr']}, weight decay
  {cfg['weight_decay']}. Augmentation: gain ±{cfg['aug_gain_db']} dB, one mel-band mask ≤ {cfg['aug_freq_mask']},
  one time mask ≤ {cfg['aug_time_mask']} frames.
- Seeds: {cfg['seed']} (CV folds {cfg['fold_seeds']}, final model {cfg['final_seed']}); torch {training['environment']['torch']}.
  The six trainings (5 CV + final) run as single-threaded jobs, {cfg['workers']} side by side.
- Rebuild: `{training['command']}` (from the repository root). Wall time {training['wall_time_s']['total'] / 60:.1f} min
  on {training['environment']['cpu_count']} CPU cores shared with other work (training jobs
  {training['wall_time_s']['training_jobs'] / 60:.1f} min; per job: {', '.join(f'{k} {v / 60:.1f}' for k, v in training['wall_time_s']['per_job'].items())} min{'; resumed from an earlier run: ' + ', '.join(training['wall_time_s']['resumed_jobs']) if training['wall_time_s']['resumed_jobs'] else ''}).
  Code: git HEAD `{training['code_version']['git_head']}`; file hashes in the JSON card.

## Evaluation
5-fold cross-validation over the `fold` column (folds {{0,1}}, {{2,3}}, {{4,5}}, {{6,7}}, {{8,9}}; 4Q artists never
cross folds): train on four, predict the fifth with the track-level aggregation. All {metrics['n_clips_evaluated']}
clips are predicted out-of-fold; the shipped model is then trained on all of them with the same settings. The
held-back train-v1 evaluation clips were not used.

### Targets
| metric | target | value | |
|---|---|---|---|
{tgt}

Also: genre top-1 ∈ label set, all {gu['n']} clips with a genre, unrestricted 14-way:
{pct(gu['accuracy'])} ({', '.join(f"{s} {pct(v['accuracy'])}" for s, v in gu['by_source'].items())}).
Valence R² {va['valence']['r2']:.3f}, arousal R² {va['arousal']['r2']:.3f} (n = {va['n']}).

### Quadrants (4Q, n = {q['n']}; accuracy {pct(q['accuracy'])}, macro F1 {q['macro_f1']:.3f})
{md_per_class(q['per_class'])}

{md_confusion(q['confusion'], QUADRANTS, QUADRANTS)}

### Genre — Emotify (n = {ge['n']}; argmax over classical/electronic/pop/rock; accuracy {pct(ge['accuracy'])})
{md_per_class(ge['per_class'])}

{md_confusion(ge['confusion'], ge['labels'], ge['labels'])}

### Genre — GTZAN (n = {gg['n']}; argmax over its ten labels; accuracy {pct(gg['accuracy'])})
{md_per_class(gg['per_class'])}

{md_confusion(gg['confusion'], gg['labels'], gg['labels'])}

### Genre — unrestricted 14-way, all sources (n = {gu['n']})
Precision = share of clips predicted g whose label set contains g; recall = share of clips carrying g whose top-1 is
g; set-hit = share of clips carrying g whose top-1 is any of their labels (a `pop|rock` clip predicted rock is a hit).

{md_per_class(gu['per_class'], extra=True)}

Rows: clips grouped by label set (a single genre, `pop|rock`, or several genres); columns: top-1 genre.

{md_confusion(gu['confusion'], gu['confusion_rows'], GENRES)}

### Calibration (quadrant, track-level confidence = max mean probability)
ECE {q['ece']:.3f} with T = {temp['quadrant']:.3f} (uncalibrated, T = 1: {q['ece_uncalibrated']:.3f}).

{md_reliability(q['reliability'])}

Selective accuracy (use for UI thresholds; suggested: confidence ≥
{qt['threshold'] if qt else '–'} gives ≥ 80 % accuracy on {pct(qt['coverage']) if qt else '–'} of 4Q clips):

{md_coverage(q['coverage'])}

Genre (unrestricted top-1 ∈ set vs top genre probability, T = {temp['genre']:.3f}): ECE {gu['ece']:.3f}; suggested
threshold {gt['threshold'] if gt else '–'} for ≥ 80 % (coverage {pct(gt['coverage']) if gt else '–'}).

{md_coverage(gu['coverage'])}

## Parity
`{os.path.relpath(parity_path, out_dir)}`: the shipped model's track-level outputs for {n_parity} train-v1 clips (folds 0 and 1
plus all GTZAN), computed from the ONNX file (numpy evaluator; it matches torch to
{max(training['onnx_vs_torch_max_abs_diff'].values()):.1e}) on ffmpeg-decoded PCM with the aggregation above. These clips are
in the shipped model's training set, so the file is for numerical parity, not for accuracy.

## Limitations
- Small data (13.4 h, 1,283 clips). Disco and metal have 13 examples each, all from GTZAN; classical, country, folk,
  latin, reggae, rnb and hip-hop come mostly from 30-s AllMusic previews. Expect per-genre errors well beyond the
  averages, and poor behaviour on genres outside the 14.
- AllMusic does not separate pop and rock (`pop|rock`); the pop-vs-rock distinction is learnt from Emotify and GTZAN
  alone (~200 clips).
- Quadrants and valence/arousal targets come from AllMusic mood words, i.e. editorial tags, not listener ratings
  of the audio; the va targets are a word-norm proxy and carry the same bias. Quadrant accuracy reflects agreement
  with those tags.
- Western-centric, commercial music; 16 kHz input, so nothing above 8 kHz is seen. Opus 24 kbit/s training audio.
- GTZAN has known faults (repeated clips, mislabels, one artist dominating reggae). clips.csv has no artist for
  Emotify and GTZAN, so their folds cannot be artist-grouped and their figures may be optimistic; GTZAN's
  per-class figures rest on 12–16 clips each.
- Five 3-s patches per track: long tracks with changing character are summarised by five snapshots.
- Calibration was fitted and measured on the same out-of-fold predictions (a 1-parameter fit, small optimism).
- The training settings were sized from a timing run and one trial on CV split {0,1}; no wider tuning was done
  (so little selection optimism, but also little tuning).
"""
    with open(os.path.join(out_dir, "musetag-base.card.md"), "w") as fh:
        fh.write(md)
