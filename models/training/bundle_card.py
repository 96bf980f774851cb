"""The model cards of musetag-base 2.x (JSON for machines, Markdown for people), written by bundle.py from what it
measured: the cross-validated candidates on the features of the inference windows, their measured cost, the
shipped head's settings, the export and the parity file."""
import hashlib
import json
import os
import subprocess

import report
import transfer

HERE = os.path.dirname(os.path.abspath(__file__))
BASELINE = os.path.join(HERE, "baselines", "musetag-base-1.1.0.json")
EXPLORATION = os.path.join(HERE, "baselines", "exploration.md")

PRETRAINED = [
    {"name": "musicnn (MSD)", "file": "pretrained/musicnn/MSD_musicnn.h5", "licence": "ISC",
     "origin": "Quint-e/musicnn_keras (Keras copy of the musicnn release, commit ad6cfb80)",
     "paper": "J. Pons, X. Serra, \"musicnn: pre-trained convolutional neural networks for music audio tagging\", "
              "ISMIR 2019 late-breaking demo",
     "trained_on": "Million Song Dataset, ~200 k songs, top-50 Last.fm tags",
     "port": "models/training/backbones/musicnn.py (tests/test_musicnn_port.py: published MTT top tags)"},
    {"name": "EfficientAT mn04", "file": "pretrained/efficientat/mn04_as_mAP_432.pt", "licence": "MIT",
     "origin": "EfficientAT (F. Schmid), copy in nikih94/swch-audio-classification, commit 2b362d97",
     "paper": "F. Schmid, K. Koutini, G. Widmer, \"Efficient large-scale audio tagging via transformer-to-CNN "
              "knowledge distillation\", ICASSP 2023",
     "trained_on": "AudioSet, 527 classes (mAP 0.432)",
     "port": "models/training/backbones/mn04.py (tests/test_mn04_port.py: the public code's outputs within 1e-4)"},
]

DATASETS = [
    ("4Q Audio Emotion Dataset — R. Panda, R. Malheiro, R. P. Paiva, \"Novel audio features for music emotion "
     "recognition\", IEEE Trans. Affective Computing, 2018", "4q",
     "quadrant; valence/arousal of the AllMusic mood words (Warriner et al. 2013 norms) as a proxy; AllMusic genres"),
    ("Emotify — A. Aljanaki, F. Wiering, R. C. Veltkamp, \"Studying emotion induced by music through a "
     "crowdsourcing game\", Information Processing & Management, 2016", "emotify",
     "genre (classical, electronic, pop, rock)"),
    ("GTZAN (subset) — G. Tzanetakis, P. Cook, \"Musical genre classification of audio signals\", IEEE Trans. "
     "Speech and Audio Processing, 2002", "gtzan", "genre (10 classes)"),
]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for b in iter(lambda: fh.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


def git_head():
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=HERE, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def _fmt(v):
    return "–" if v is None else f"{v:.3f}"


def _shape(rec, name):
    """The inferred output shape, with the tag outputs' width (left symbolic by shape inference) from their labels."""
    shape = list(rec["shapes"].get(name, []))
    labels = rec["metadata"].get("labels_" + name)
    if labels and len(shape) == 2 and not isinstance(shape[1], int):
        shape[1] = len(labels.split("|" if "|" in labels else ","))
    return shape


def comparison_table(candidates, baseline):
    cols = transfer.COLS
    lines = ["| candidate | " + " | ".join(c[1] for c in cols) + " | backbone ms/track (measured, 1 thread) |",
             "|---" * (len(cols) + 2) + "|",
             "| *target* | " + " | ".join("" if t is None else (("≤ " if "ECE" in lab else "≥ ") + f"{t}")
                                         for _, lab, t in cols) + " | |"]
    if baseline:
        lines.append("| musetag-base 1.1.0 (its card; 5 MelSpec patches) | "
                     + " | ".join(_fmt(baseline.get(k)) for k, _, _ in cols) + " | |")
    for c in candidates:
        s = c["metrics"]["summary"]
        star = " **(shipped)**" if c.get("shipped") else ""
        lines.append(f"| {c['label']}{star} | " + " | ".join(_fmt(s.get(k)) for k, _, _ in cols)
                     + f" | {c['cost_ms']:.0f} |")
    return "\n".join(lines)


def per_class_md(m):
    q, e, g, u = m["quadrant"], m["genre_emotify"], m["genre_gtzan"], m["genre_unrestricted"]
    return "\n".join([
        f"### Quadrants (4Q, n = {q['n']}; accuracy {q['accuracy']:.3f}, ECE {q['ece']:.3f})",
        report.md_per_class(q["per_class"]), "", report.md_confusion(q["confusion"], transfer.QUADRANTS,
                                                                      transfer.QUADRANTS), "",
        f"### Genre — Emotify (n = {e['n']}; argmax over its four labels; accuracy {e['accuracy']:.3f})",
        report.md_per_class(e["per_class"]), "",
        report.md_confusion(e["confusion"], transfer.EMOTIFY_GENRES, transfer.EMOTIFY_GENRES), "",
        f"### Genre — GTZAN (n = {g['n']}; argmax over its ten labels; accuracy {g['accuracy']:.3f})",
        report.md_per_class(g["per_class"]), "",
        report.md_confusion(g["confusion"], transfer.GTZAN_GENRES, transfer.GTZAN_GENRES), "",
        "### Genre — unrestricted 14-way, all sources (top-1 in the clip's label set)",
        report.md_per_class(u["per_class"], extra=True), "",
        "### Calibration: quadrant (confidence = top calibrated probability)",
        report.md_reliability(q["reliability"]), "",
        "### Calibration: genre (the `genre_confidence` output = P(top genre in the label set), Platt-scaled)",
        report.md_reliability(u["reliability_platt"])])


def write(out_dir, onnx_path, rec):
    """rec: bundle.py's record (settings, candidates, shipped, head, times, metadata, shapes, parity)."""
    baseline = None
    if os.path.exists(BASELINE):
        with open(BASELINE) as fh:
            baseline = json.load(fh)["summary"]
    shipped = next(c for c in rec["candidates"] if c.get("shipped"))
    s = shipped["metrics"]["summary"]
    meta = rec["metadata"]
    k, mw = rec["settings"]["k"], rec["settings"]["musicnn_windows"]
    card = {
        "name": meta["name"], "version": meta["version"], "file": os.path.basename(onnx_path),
        "sha256": sha256(onnx_path), "size_bytes": os.path.getsize(onnx_path), "onnx_opset": 13,
        "metadata_props": meta,
        "frontend": {"name": "waveform-16k", "inside_graph": True, "sample_rate": 16000,
                     "decoder": "ffmpeg -v error -i FILE -ac 1 -ar 16000 -f f32le -",
                     "windows_per_track": k, "window_samples": 160000,
                     "window_plan": "D <= S: one window from sample 0, zero-padded, repeated K times; else window i "
                                    "(0..K-1) starts at round((D - S)(2i + 1) / 2K), round half up",
                     "mn04_windows": rec["settings"]["mn04_windows"],
                     "musicnn_patches": f"the centre 48,128 samples (3 s, 187 frames) of windows {mw}"},
        "input": {"name": "audio", "type": "float32", "shape": ["T", k, 160000],
                  "meaning": "K windows of 16 kHz mono PCM per track"},
        "outputs": [{"name": n, "shape": _shape(rec, n)} for n in rec["output_names"]],
        "output_meaning": {
            "genre": "probabilities over labels.genres (calibrated softmax)",
            "quadrant": "probabilities over labels.quadrants (calibrated softmax)",
            "va": "valence, arousal; stretched to the targets' spread, then moved into the predicted quadrant",
            "genre_confidence": "P(top genre is one of the track's genres), Platt-scaled",
            "embedding": "the first 128 principal components of the standardised pooled backbone features (for similar songs)",
            "tags_msd": "mean musicnn MSD tag probabilities over the musicnn patches (labels_tags_msd)",
            "audioset_music": "mean mn04 probabilities of AudioSet's music classes 137-282 (labels_audioset_music)"},
        "labels": {"genres": transfer.GENRES, "quadrants": transfer.QUADRANTS,
                   "tags_msd": meta["labels_tags_msd"].split(","),
                   "audioset_music": meta["labels_audioset_music"].split("|")},
        "pretrained": PRETRAINED,
        "datasets": [{"citation": c, "source": src, "labels": lab} for c, src, lab in DATASETS],
        "training": {"head": rec["head"], "consumes": shipped["consumes"], "times_s": rec["times"],
                     "protocol": "5 outer artist-grouped folds {0,1},{2,3},{4,5},{6,7},{8,9}; regularisation and "
                                 "calibration on inner folds only; every clip predicted once out of fold",
                     "code": git_head()},
        "metrics": shipped["metrics"], "targets": transfer.targets_met(s),
        "candidates": [{"label": c["label"], "candidate": c["candidate"], "cost_ms": c["cost_ms"],
                        "summary": c["metrics"]["summary"]} for c in rec["candidates"]],
        "cost": rec["cost"], "parity": rec["parity"],
    }
    with open(os.path.join(out_dir, "musetag-base.card.json"), "w") as fh:
        json.dump(card, fh, indent=1, default=lambda o: o.tolist() if hasattr(o, "tolist") else str(o))
    tmet = transfer.targets_met(s)
    missed = [t for t in tmet if not t["met"]]
    md = [f"# musetag-base {meta['version']}", "",
          f"`{card['file']}` — {card['size_bytes'] / 1e6:.1f} MB, sha256 `{card['sha256']}`, ONNX opset 13.", "",
          "Two networks pretrained on far more music than Musetag's own data — musicnn (Million Song Dataset) and "
          "EfficientAT mn04 (AudioSet) — with their front-ends inside the graph, and heads trained on train-v1 "
          "on top of their frozen features: genre over 14 genres, Russell quadrant (Q1 happy/excited, Q2 "
          "angry/tense, Q3 sad/depressed, Q4 calm/relaxed), valence/arousal, an embedding for similar songs, and "
          "the pretrained networks' own tags. A tagging aid trained on 13 hours of labelled music, not an "
          "authority: see *Limitations*.", "",
          "## Interface",
          f"- Input `audio` float32 `[T, {k}, 160000]`: per track, {k} windows of 10 s of 16 kHz mono PCM as "
          "Musetag decodes it (`ffmpeg -v error -i FILE -ac 1 -ar 16000 -f f32le -`), planned: D ≤ S → one window "
          "from 0, zero-padded, repeated K times; else window i starts at round((D − S)(2i + 1)/2K).",
          f"- Inside: mn04 (its log-mel computed at 16 kHz as its 16 → 32 kHz upsampler and 32 kHz log-mel would give it, within 0.002, about 4× cheaper; the network) on windows "
          f"{rec['settings']['mn04_windows']}; musicnn MSD (its log-mel, the network) on the centre 3-s patch of "
          f"windows {mw}; per track mean ‖ std ‖ max over the windows of musicnn's pooled (1,506), bn_dense (200) "
          "and tags (50) and mn04's embedding (384) and AudioSet probabilities (527); then the head.",
          "- Outputs (track-level): " + ", ".join(f"`{o['name']}` {o['shape']}" for o in card["outputs"]) + ".",
          *[f"  - `{n}`: {v}" for n, v in card["output_meaning"].items()],
          "- Metadata: " + ", ".join(f"`{a}`" for a in meta if not a.startswith("labels_")) +
          ", and the label lists `labels_tags_msd` (comma-separated) and `labels_audioset_music` (`|`-separated: "
          "AudioSet names contain commas).", "",
          "## Pretrained networks",
          "| network | trained on | licence | origin | port and its proof |", "|---|---|---|---|---|",
          *[f"| {p['name']} ({p['paper']}) | {p['trained_on']} | {p['licence']} | {p['origin']} | {p['port']} |"
            for p in PRETRAINED],
          "", "Their notices are in `musetag-base.NOTICE.txt` and in the product's third-party notices. MTT "
          "musicnn is ported and proven too (`backbones/musicnn.py`, `load(\"MTT\")`) but not in the bundled graph: "
          "another 1.45 G multiply-adds per patch, and its features were not measured on train-v1 in time.", "",
          "## Data",
          "train-v1: 1,283 clips, 13.4 h, 16 kHz mono Opus. The audio is not shipped; only the weights are.", "",
          "| source | labels used |", "|---|---|", *[f"| {c} | {lab} |" for c, _, lab in DATASETS], "",
          "## Training",
          "- Backbones frozen. Features of every clip computed at exactly the windows the app hears "
          "(`bundle.py` stage 1: the graph's own modules in torch).",
          "- Head (`transfer.Head`): per-feature standardisation (each block weighted 1/√width; tag blocks scaled as "
          "a whole), projection on the training set's principal components, three linear heads (genre: "
          "−log Σ_{g∈S} p_g over the clip's label set, the softmax restricted to the clip's source vocabulary; "
          "quadrant: cross-entropy; valence/arousal: ridge), L2 strengths chosen by inner 4-fold CV, genre and "
          "quadrant temperatures, a Platt-scaled genre confidence and the valence/arousal stretch fitted on inner "
          "out-of-fold predictions; the point is then moved into the predicted quadrant (a coordinate on the wrong "
          "side becomes ±0.01), so point and label always agree.",
          f"- Shipped head: {json.dumps(rec['head'].get('lambdas', {}))} λ, {rec['head'].get('components')} "
          "components, calibration " + json.dumps(rec["head"].get("calibration", {})) + ".",
          f"- Rebuild: `/usr/bin/python3 models/training/bundle.py --data ../shared/data/train-v1 --out models` "
          f"(this build: {json.dumps(rec['times'])} s on 2 shared CPU cores). Code: git `{card['training']['code']}`.",
          "", "## Evaluation (out of fold)",
          "Every figure: 5 artist-grouped outer folds, nothing chosen on the test fold, track-level, on the "
          "features of the inference windows. Cost: the backbones' time per track in torch on one thread "
          "(median; mn04 per 10-s window and musicnn per 3-s patch, measured in the same run), so the choice of "
          "windows is informed.", "",
          comparison_table(rec["candidates"], baseline), "",
          *(["### Exploration: more candidates, other windows", "", open(EXPLORATION).read(), ""]
            if os.path.exists(EXPLORATION) else []),
          "### Targets (issue 13)", "| metric | target | value | |", "|---|---|---|---|",
          *[f"| {t['metric']} | {t['target']} | {_fmt(t['value'])} | {'met' if t['met'] else '**missed**'} |"
            for t in tmet], "",
          (f"Missed: {', '.join(t['metric'] for t in missed)}." if missed else "All targets met."), "",
          per_class_md(shipped["metrics"]), "",
          "## Parity",
          f"`parity/predictions.csv`: the graph's track-level outputs (torch, the exported modules) for "
          f"{rec['parity']['n']} train-v1 clips on ffmpeg-decoded PCM, for the Java parity test "
          "(`TrainingParityTest`: top genre and quadrant agree on ≥ 99 %, |Δvalence|, |Δarousal| ≤ 0.02). These "
          "clips are in the shipped head's training set: numerical parity, not accuracy.", "",
          "## Limitations",
          "- Small labelled data (13.4 h); per-class figures rest on 12–16 clips for GTZAN and 13 for disco and "
          "metal. Expect per-genre errors well beyond the averages, and poor behaviour outside the 14 genres.",
          "- Quadrant and valence/arousal targets come from AllMusic mood words (editorial tags), not listener "
          "ratings of the audio.",
          "- 16 kHz input: mn04 was trained on 32 kHz audio and sees nothing above 8 kHz here (train-v1 has "
          "nothing there either).",
          f"- {k} windows of 10 s per track (musicnn hears {len(mw)} 3-s patch(es)): long tracks with changing "
          "character are summarised by these snapshots.",
          "- Emotify and GTZAN have no artist column, so their folds are not artist-grouped: their figures may be "
          "optimistic. Calibration was fitted on inner folds and measured on outer ones."]
    with open(os.path.join(out_dir, "musetag-base.card.md"), "w") as fh:
        fh.write("\n".join(md) + "\n")
