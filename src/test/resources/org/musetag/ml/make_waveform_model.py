#!/usr/bin/python3
"""Writes waveform-test.onnx: a tiny but real ONNX graph with the musetag-base 2.0.0 contract.

The real 2.0.0 network (pretrained musicnn / EfficientAT front-ends inside the graph) is trained elsewhere; this
stands in for it in the Java tests. Its input is `audio` float32 [T, K, S] (raw 16 kHz mono PCM, K windows of S
samples per track); its outputs are track-level (the mean over the K windows is taken inside the graph), like
2.0.0's. Every weight is a formula, not a trained number, so WaveformModelTest can compute what the graph must
answer from the PCM on its own.

Per window k (of K) the graph measures
    r = sqrt(mean(x^2))                                  RMS
    z = mean over the S-1 neighbour pairs of [(x_i >= 0) != (x_i+1 >= 0)]   zero-crossing rate
    w = (k + 1) / K                                      the window's place (so order matters)
and answers, with mean_k the mean over the K windows:
    genre[g]     = softmax_g(mean_k(8 (g - 6.5) / 6.5 (z - 0.25) + ((g mod 3) - 1) r))      14 genres
    quadrant[q]  = softmax_q(mean_k(4 [r, -r, z, -z][q]))
    va           = tanh(mean_k([2 r - 0.5, 4 z - 1]))
    embedding    = mean_k([r, z, r^2, z^2, w r, w z])                                         6 wide, not 128
    tags_msd[t]  = sigmoid(mean_k((t + 1) (r - z)))                                           5 labels, comma list
    tags_mtt[t]  = sigmoid(mean_k((t - 3) z))                            7 labels (more than classify prints)
    audioset_music[t] = sigmoid(mean_k((1 - t) r))          3 labels with commas in them, so listed with '|'

Regenerate (from the repository root; needs python3-torch 1.13 and python3-onnx):
    /usr/bin/python3 src/test/resources/org/musetag/ml/make_waveform_model.py
The output is deterministic up to the exporter's version; commit the new file with the script.
"""
import os

import onnx
import torch

K = 3  # windows per track
S = 32000  # samples per window: 2 s at 16 kHz (the real model: 160000)
GENRES = ["blues", "classical", "country", "disco", "electronic", "folk", "hiphop", "jazz", "latin", "metal",
          "pop", "reggae", "rnb", "rock"]
TAGS = {
    "tags_msd": ["rock", "pop", "electronic", "jazz", "female vocalists"],
    "tags_mtt": ["guitar", "techno", "quiet", "loud", "piano", "drums", "vocal"],
    "audioset_music": ["Violin, fiddle", "Marimba, xylophone", "Drum kit"],
}


class Tiny(torch.nn.Module):
    def forward(self, audio):
        r = torch.sqrt(torch.mean(audio * audio, dim=-1))  # [T, K]
        cross = torch.ne(audio[:, :, 1:] >= 0, audio[:, :, :-1] >= 0)
        z = torch.mean(cross.to(torch.float32), dim=-1)  # [T, K]
        w = (torch.arange(K, dtype=torch.float32) + 1.0) / K  # [K]
        g = torch.arange(14, dtype=torch.float32)
        genre_logits = (8.0 * (g - 6.5) / 6.5) * (z.unsqueeze(-1) - 0.25) \
            + (torch.remainder(g, 3.0) - 1.0) * r.unsqueeze(-1)  # [T, K, 14]
        genre = torch.softmax(genre_logits.mean(dim=1), dim=-1)
        quadrant = torch.softmax((4.0 * torch.stack([r, -r, z, -z], dim=-1)).mean(dim=1), dim=-1)
        va = torch.tanh(torch.stack([2.0 * r - 0.5, 4.0 * z - 1.0], dim=-1).mean(dim=1))
        embedding = torch.stack([r, z, r * r, z * z, w * r, w * z], dim=-1).mean(dim=1)
        t5 = torch.arange(5, dtype=torch.float32)
        t3 = torch.arange(3, dtype=torch.float32)
        t7 = torch.arange(7, dtype=torch.float32)
        msd = torch.sigmoid(((t5 + 1.0) * (r - z).unsqueeze(-1)).mean(dim=1))
        mtt = torch.sigmoid(((t7 - 3.0) * z.unsqueeze(-1)).mean(dim=1))
        music = torch.sigmoid(((1.0 - t3) * r.unsqueeze(-1)).mean(dim=1))
        return genre, quadrant, va, embedding, msd, mtt, music


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "waveform-test.onnx")
    outputs = ["genre", "quadrant", "va", "embedding", *TAGS]
    torch.onnx.export(Tiny(), torch.zeros(1, K, S), out, input_names=["audio"], output_names=outputs,
                      dynamic_axes={n: {0: "tracks"} for n in ["audio", *outputs]}, opset_version=13)
    model = onnx.load(out)
    meta = {
        "name": "waveform-test",
        "version": "2.0.0-test",
        "frontend": "waveform-16k",
        "sample_rate": "16000",
        "window_samples": str(S),
        "windows_per_track": str(K),
        "genres": ",".join(GENRES),
        "quadrants": "Q1,Q2,Q3,Q4",
        "tag_outputs": ",".join(TAGS),
    }
    for name, labels in TAGS.items():
        meta["labels_" + name] = ("|" if any("," in l for l in labels) else ",").join(labels)
    del model.metadata_props[:]
    for k, v in meta.items():
        model.metadata_props.add(key=k, value=v)
    onnx.checker.check_model(model)
    onnx.save(model, out)
    print(out, os.path.getsize(out), "bytes")


if __name__ == "__main__":
    main()
