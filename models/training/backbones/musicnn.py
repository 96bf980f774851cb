"""musicnn (Pons & Serra 2019) in PyTorch, with its MSD / MTT Keras weights, and its log-mel front-end twice:
a numpy reference and an in-graph torch form that exports to ONNX (opset 13, torch 1.13; no torch.stft).

Written from the architecture in the weights' own `model_config` (Keras 2.2.4-tf HDF5); see README.md next to
this file for the proof of the port and its cost.

Front-end (librosa 0.7 defaults as used by musicnn): 16 kHz mono, STFT n_fft 512, hop 256, periodic Hann,
centred frames (the signal is reflect-padded by 256 samples at both ends, so frame t is centred on sample 256 t),
power spectrum, 96 Slaney mel bands with Slaney area normalisation over 0-8 kHz, rounded to float16, then
log10(10000 mel + 1). One patch is 187 frames (3 s).

Patch waveforms: the in-graph front-end frames without centring, so one patch needs
PATCH_SAMPLES = 512 + 186 * 256 = 48128 samples of the *reflect-padded* signal; patch k of a clip is
padded[47872 k : 47872 k + 48128] (PATCH_HOP = 187 * 256 = 47872, non-overlapping in frames) and equals frames
187 k .. 187 k + 186 of the centred spectrogram of the whole clip. Only the first patch sees the padding.

The float16 step: the original rounds the mel to float16 and then computes `np.log10(10000 * mel16 + 1)`; numpy
types the integer 10000 as uint16, and float16 x uint16 promotes to float32, so the log is a float32 computation
(no float16 overflow). Both forms here do exactly that.
"""
import re
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SR = 16000
N_FFT = 512
HOP = 256
N_MELS = 96
N_FRAMES = 187
PATCH_SAMPLES = N_FFT + (N_FRAMES - 1) * HOP  # 48128
PATCH_HOP = N_FRAMES * HOP  # 47872
PAD = N_FFT // 2  # centring pad (reflect)
BN_EPS = 1e-3  # Keras BatchNormalization default, as in the h5 config


# ---------------------------------------------------------------- front-end, numpy reference

def _hz_to_mel(f):
    """Slaney (Auditory Toolbox) mel scale: linear below 1 kHz (200/3 Hz per mel), logarithmic above."""
    f = np.asarray(f, dtype=np.float64)
    lin = f / (200.0 / 3)
    return np.where(f >= 1000.0, 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / (np.log(6.4) / 27.0), lin)


def _mel_to_hz(m):
    m = np.asarray(m, dtype=np.float64)
    return np.where(m >= 15.0, 1000.0 * np.exp((np.log(6.4) / 27.0) * (m - 15.0)), m * (200.0 / 3))


def mel_filterbank(sr=SR, n_fft=N_FFT, n_mels=N_MELS, fmin=0.0, fmax=SR / 2):
    """[n_mels, n_fft//2+1] float32 triangles on the Slaney scale, each scaled by 2 / (its width in Hz) so that
    every band has the same area (librosa's norm=1 / 'slaney')."""
    bins = np.linspace(0.0, sr / 2.0, n_fft // 2 + 1)
    edges = _mel_to_hz(np.linspace(_hz_to_mel(fmin), _hz_to_mel(fmax), n_mels + 2))
    width = np.diff(edges)
    ramps = edges[:, None] - bins[None, :]
    fb = np.zeros((n_mels, bins.size))
    for i in range(n_mels):
        rising = -ramps[i] / width[i]
        falling = ramps[i + 2] / width[i + 1]
        fb[i] = np.maximum(0.0, np.minimum(rising, falling))
    fb *= (2.0 / (edges[2:n_mels + 2] - edges[:n_mels]))[:, None]
    return fb.astype(np.float32)


def hann(n=N_FFT):
    """Periodic Hann (scipy get_window('hann', n, fftbins=True)), as librosa uses."""
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(n) / n)


def _log_compress(mel):
    mel16 = mel.astype(np.float16).astype(np.float32)  # the rounding the reference applies; the rest is float32
    return np.log10(np.float32(10000.0) * mel16 + np.float32(1.0)).astype(np.float32)


def log_mel_reference(pcm):
    """[frames, 96] float32 log-mel of a whole clip, centred frames (librosa.feature.melspectrogram defaults)."""
    y = np.pad(np.asarray(pcm, dtype=np.float32), PAD, mode="reflect")
    frames = 1 + (y.size - N_FFT) // HOP
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(frames)[:, None]
    # librosa: float64 window x float32 frames, FFT in float64, stored as complex64, |.|^2 in float32
    spec = np.fft.rfft(y[idx] * hann()[None, :], axis=1).astype(np.complex64)
    power = (np.abs(spec) ** 2).astype(np.float32)
    return _log_compress(power @ mel_filterbank().T)


def reference_patches(pcm, max_patches=None):
    """[n, 187, 96] non-overlapping patches of log_mel_reference (only whole patches, like musicnn's batch_data)."""
    lm = log_mel_reference(pcm)
    n = max(0, (lm.shape[0] - N_FRAMES) // N_FRAMES + 1)
    if max_patches is not None:
        n = min(n, max_patches)
    return np.stack([lm[k * N_FRAMES:(k + 1) * N_FRAMES] for k in range(n)]) if n else np.zeros((0, N_FRAMES, N_MELS), np.float32)


def patch_waveforms(pcm, max_patches=None):
    """([n, 48128] float32, start samples [n]) for the in-graph front-end; the same patches as reference_patches.
    A clip shorter than one patch is zero-padded to one patch (the reference would give none)."""
    pcm = np.asarray(pcm, dtype=np.float32)
    n = max(0, (pcm.size - (PATCH_SAMPLES - 2 * PAD)) // PATCH_HOP + 1)
    if n == 0:
        pcm = np.concatenate([pcm, np.zeros(PATCH_SAMPLES - 2 * PAD - pcm.size, np.float32)])
        n = 1
    if max_patches is not None:
        n = min(n, max_patches)
    y = np.pad(pcm, PAD, mode="reflect") if pcm.size > PAD else np.pad(pcm, PAD)
    starts = PATCH_HOP * np.arange(n)
    return np.stack([y[s:s + PATCH_SAMPLES] for s in starts]), starts  # start in clip samples = frame centre


# ---------------------------------------------------------------- front-end, in-graph torch

class FrontEnd(nn.Module):
    """Waveform [N, S] (16 kHz mono, already centred-padded as patch_waveforms does) -> log-mel [N, frames, 96],
    frames = 1 + (S - 512) // 256 (187 for S = 48128). STFT as a strided conv1d with fixed Hann-windowed cos / sin
    kernels (exports as ONNX Conv), mel as a matmul, the float16 rounding as a cast to half and back."""

    def __init__(self):
        super().__init__()
        n = np.arange(N_FFT)
        k = np.arange(N_FFT // 2 + 1)
        ang = 2.0 * np.pi * np.outer(k, n) / N_FFT
        w = hann()
        kern = np.concatenate([np.cos(ang) * w, -np.sin(ang) * w])[:, None, :]  # [514, 1, 512]
        self.register_buffer("dft", torch.tensor(kern, dtype=torch.float32))
        self.register_buffer("mel_t", torch.tensor(mel_filterbank().T.copy()))  # [257, 96]

    def forward(self, wave):
        s = F.conv1d(wave.unsqueeze(1), self.dft, stride=HOP)  # [N, 514, frames]
        re, im = s[:, :N_FFT // 2 + 1], s[:, N_FFT // 2 + 1:]
        power = (re * re + im * im).transpose(1, 2)  # [N, frames, 257]
        mel = torch.matmul(power, self.mel_t).half().float()
        return torch.log10(10000.0 * mel + 1.0)


# ---------------------------------------------------------------- network

class BatchNorm(nn.Module):
    """Inference BatchNorm as a fixed per-channel affine map (Keras: gamma (x - mean) / sqrt(var + 1e-3) + beta),
    broadcast along `dim` of an input with `ndim` dimensions."""

    def __init__(self, n, dim=1, ndim=4):
        super().__init__()
        shape = [1] * ndim
        shape[dim] = n
        self.register_buffer("scale", torch.ones(shape))
        self.register_buffer("shift", torch.zeros(shape))

    def load(self, gamma, beta, mean, var):
        scale = gamma / np.sqrt(var + BN_EPS)
        self.scale.copy_(torch.tensor(scale).reshape(self.scale.shape))
        self.shift.copy_(torch.tensor(beta - mean * scale).reshape(self.shift.shape))

    def forward(self, x):
        return x * self.scale + self.shift


class Musicnn(nn.Module):
    """Log-mel patch [N, 187, 96] -> (tags [N, 50] sigmoid, bn_dense [N, 200], pooled [N, 1506]).

    Layout: torch NCHW with H = time, W = mel. Keras ops and where they went:
      * input BN (1 channel); timbral convs (7x38, 7x67, 204 filters) on the input padded by 3 frames; temporal
        convs (128x1, 64x1, 32x1, 51 filters, 'same': TF pads (k-1)//2 before, the rest after); each conv is
        followed by ReLU, then BN, then a max over the whole mel axis (max_pooling2d + squeeze) -> [N, C, 187];
      * concatenated front-end features: 204 + 204 + 3 x 51 = 561 channels;
      * mid-end: three 7-frame convs with 64 filters over time (Keras: kernels [7, 561] / [7, 64] spanning the
        feature axis, i.e. conv1d), ReLU then BN, residual adds after the 2nd and 3rd;
      * concat [front 561, m1, m1+m2, m1+m2+m3] = 753 features; max and mean over time, stacked as Keras'
        concat_2 on a new last axis then flatten, so pooled[2c] = max_c and pooled[2c+1] = mean_c;
      * bn_flatpool, dense 200 + ReLU, bn_dense (embedding), dense 50, sigmoid. Dropouts are identity."""

    def __init__(self):
        super().__init__()
        self.bn_in = BatchNorm(1)
        self.timbral = nn.ModuleList([nn.Conv2d(1, 204, (7, w), padding=(3, 0)) for w in (38, 67)])
        # 'same' for an even kernel k: TF pads k/2 - 1 frames before and k/2 after; a symmetric pad of k/2 (no
        # separate Pad op in the ONNX graph) gives one extra first row, dropped in front()
        self.temporal = nn.ModuleList([nn.Conv2d(1, 51, (k, 1), padding=(k // 2, 0)) for k in (128, 64, 32)])
        self.bn_front = nn.ModuleList([BatchNorm(c, ndim=3) for c in (204, 204, 51, 51, 51)])
        for i, c in enumerate((204, 204, 51, 51, 51)):
            self.register_buffer(f"sign{i}", torch.ones(1, c, 1))  # see front(); set by load_h5
        self.mid = nn.ModuleList([nn.Conv1d(561, 64, 7, padding=3), nn.Conv1d(64, 64, 7, padding=3),
                                  nn.Conv1d(64, 64, 7, padding=3)])
        self.bn_mid = nn.ModuleList([BatchNorm(64, ndim=3) for _ in range(3)])
        self.bn_flatpool = BatchNorm(1506, ndim=2)
        self.dense = nn.Linear(1506, 200)
        self.bn_dense = BatchNorm(200, ndim=2)
        self.dense_out = nn.Linear(200, 50)

    def front(self, patch):
        """[N, 187, 96] -> [N, 561, 187]: the front-end convolutions (the bulk of the cost)."""
        x = self.bn_in(patch.unsqueeze(1))
        outs = [conv(x) for conv in self.timbral] + [conv(x)[:, :, 1:] for conv in self.temporal]
        # Keras: conv -> ReLU -> BN -> max over mel. ReLU and BN are monotone per channel (BN decreasing where
        # gamma < 0), so that equals BN(ReLU(max y)) where gamma > 0 and BN(ReLU(min y)) where gamma < 0. load_h5
        # negates the latter channels' kernels (sign = -1), so one max serves both: min y = -max(-y). Same values
        # (checked bit for bit), ~20 % less time: no ReLU / BN passes over the [N, 204, 187, 59] conv outputs.
        return torch.cat([bn(torch.relu(o.amax(dim=3) * s)) for bn, o, s in zip(self.bn_front, outs, self.signs())], dim=1)

    def signs(self):
        return [getattr(self, f"sign{i}") for i in range(5)]

    def back(self, front):
        """[N, 561, 187] -> (tags, bn_dense, pooled)."""
        m1 = self.bn_mid[0](torch.relu(self.mid[0](front)))
        m2 = self.bn_mid[1](torch.relu(self.mid[1](m1))) + m1
        m3 = self.bn_mid[2](torch.relu(self.mid[2](m2))) + m2
        feats = torch.cat([front, m1, m2, m3], dim=1)  # [N, 753, 187]
        pooled = torch.stack([feats.amax(dim=2), feats.mean(dim=2)], dim=2).reshape(-1, 1506)
        emb = self.bn_dense(torch.relu(self.dense(self.bn_flatpool(pooled))))
        return torch.sigmoid(self.dense_out(emb)), emb, pooled

    def forward(self, patch):
        return self.back(self.front(patch))

    def load_h5(self, path):
        """Copy the Keras weights in (kernels [kh, kw, in, out] -> torch [out, in, kh, kw]); strict: every tensor of
        the file is used exactly once. The front-end kernels of channels whose BN gamma is negative are stored
        negated (see front())."""
        import h5py
        with h5py.File(path, "r") as f:
            g = f["model_weights"]
            used = set()

            def get(layer, name):
                grp = g[layer][layer]
                key = next(k for k in grp.keys() if re.sub(r"_1$", "", k.split(":")[0]) == name)
                used.add(f"{layer}/{key}")
                return np.asarray(grp[key], dtype=np.float32)

            def bn(mod, layer):
                mod.load(get(layer, "gamma"), get(layer, "beta"), get(layer, "moving_mean"), get(layer, "moving_variance"))

            def conv(mod, layer):
                k = get(layer, "kernel")
                if mod.weight.dim() == 3:  # Keras [7, in, 1, out] spanning the whole feature axis -> conv1d
                    k = k[:, :, 0, :].transpose(2, 1, 0)
                else:
                    k = k.transpose(3, 2, 0, 1)
                assert k.shape == tuple(mod.weight.shape), (layer, k.shape, mod.weight.shape)
                mod.weight.copy_(torch.tensor(np.ascontiguousarray(k)))
                mod.bias.copy_(torch.tensor(get(layer, "bias")))

            with torch.no_grad():
                bn(self.bn_in, "batch_normalization")
                for i, c in enumerate(list(self.timbral) + list(self.temporal)):
                    conv(c, "conv2d" if i == 0 else f"conv2d_{i}")
                    bn(self.bn_front[i], f"batch_normalization_{i + 1}")
                    sign = torch.where(self.bn_front[i].scale.reshape(-1) < 0, -1.0, 1.0)
                    c.weight.mul_(sign.reshape(-1, 1, 1, 1))
                    c.bias.mul_(sign)
                    getattr(self, f"sign{i}").copy_(sign.reshape(1, -1, 1))
                for i in range(3):
                    conv(self.mid[i], f"midend_conv{i + 1}")
                    bn(self.bn_mid[i], f"bn_midend_conv{i + 1}")
                bn(self.bn_flatpool, "bn_flatpool")
                bn(self.bn_dense, "bn_dense")
                for mod, layer in ((self.dense, "dense"), (self.dense_out, "dense_1")):
                    mod.weight.copy_(torch.tensor(get(layer, "kernel").T.copy()))
                    mod.bias.copy_(torch.tensor(get(layer, "bias")))
            every = set()
            g.visititems(lambda n, o: every.add(n.split("/")[0] + "/" + n.split("/")[-1]) if isinstance(o, h5py.Dataset) else None)
            assert used == every, sorted(every ^ used)
        return self


class MusicnnWaveform(nn.Module):
    """The whole graph: patch waveforms [N, 48128] -> (tags, bn_dense, pooled); what gets exported to ONNX."""

    def __init__(self, net):
        super().__init__()
        self.frontend = FrontEnd()
        self.net = net

    def forward(self, wave):
        return self.net(self.frontend(wave))


def shared_dir():
    return os.environ.get("MUSETAG_SHARED", "/work/shared")


def load(name, shared=None):
    """name 'MSD' or 'MTT' -> (Musicnn in eval mode with the weights loaded, its 50 label names)."""
    d = os.path.join(shared or shared_dir(), "pretrained", "musicnn")
    net = Musicnn().load_h5(os.path.join(d, f"{name}_musicnn.h5")).eval()
    with open(os.path.join(d, f"labels-{name}.txt")) as fh:
        labels = [line.strip() for line in fh if line.strip()]
    assert len(labels) == 50
    return net, labels
