"""EfficientAT mn04 (MobileNetV3 width 0.4 trained on AudioSet; Schmid, Koutini & Widmer 2023) and its front-end,
written for Musetag so that the whole path from a 16 kHz mono waveform to AudioSet probabilities exports to ONNX
(opset 13, torch 1.13) without torch.stft or any other op the exporter cannot take.

Weights: the published state dict mn04_as_mAP_432.pt (MIT, see /work/shared/pretrained/efficientat/LICENSE); its
312 tensor names are mapped onto these modules by `load_state_dict_from_efficientat`.

Path:  16 kHz [N, S] --Upsample2--> 32 kHz [N, 2S] --FrontEnd--> [N, 1, 128, T] --MN04--> outputs
       (or 16 kHz [N, S] --FrontEnd16k--> the same [N, 1, 128, T], ~4x cheaper: what musetag-base 2.1 runs)
  * FrontEnd: pre-emphasis 0.97, centred STFT (n_fft 1024, Hann window 800 symmetric, hop 320) as a strided conv1d
    with fixed cos/sin kernels, power, Kaldi mel (128 bands, 0-15 kHz) as a matmul, log(mel + 1e-5), (x + 4.5) / 5.
  * MN04 outputs: logits [N, 527] (sigmoid -> AudioSet probabilities), embedding [N, 384] (global mean of the last
    feature map, the network's own "features" output) and hidden [N, 512] (the classifier's hidden layer after its
    Hardswish). For transfer we use `embedding`: it is the generic pooled representation; `hidden` is already
    shaped towards the 527 AudioSet classes (cached as well, so a head can try both).
"""
import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

SR = 32000
N_FFT, WIN, HOP, N_MELS, FMIN, FMAX = 1024, 800, 320, 128, 0.0, 15000.0
PREEMPHASIS = 0.97


def kaldi_mel_banks(n_mels=N_MELS, n_fft=N_FFT, sr=SR, fmin=FMIN, fmax=FMAX):
    """[n_mels, n_fft // 2 + 1] triangular filters, Kaldi style: triangles evenly spaced on the mel scale
    1127 ln(1 + f / 700), weights computed in mel (not Hz), no area normalisation; the Nyquist bin gets weight 0
    (Kaldi's bank covers n_fft / 2 bins and EfficientAT pads one zero column)."""
    mel = lambda f: 1127.0 * np.log1p(np.asarray(f, dtype=np.float64) / 700.0)
    lo, hi = mel(fmin), mel(fmax)
    delta = (hi - lo) / (n_mels + 1)
    left = lo + delta * np.arange(n_mels)[:, None]
    centre, right = left + delta, left + 2 * delta
    m = mel(sr / n_fft * np.arange(n_fft // 2))[None, :]
    w = np.maximum(0.0, np.minimum((m - left) / (centre - left), (right - m) / (right - centre)))
    return np.pad(w, ((0, 0), (0, 1))).astype(np.float32)


def dft_kernels(n_bins, n_fft=N_FFT, win=WIN):
    """[2 * n_bins, 1, n_fft]: windowed cos rows then windowed -sin rows of the first n_bins DFT bins. The symmetric Hann window of
    `win` samples sits centred in the n_fft frame (zero elsewhere), as torch.stft places a shorter window."""
    n = np.arange(win)
    w = 0.5 - 0.5 * np.cos(2 * np.pi * n / (win - 1))  # symmetric (periodic=False)
    frame = np.zeros(n_fft)
    off = (n_fft - win) // 2
    frame[off:off + win] = w
    k = np.arange(n_bins)[:, None]
    ang = 2 * np.pi * k * np.arange(n_fft)[None, :] / n_fft
    return np.concatenate([np.cos(ang) * frame, -np.sin(ang) * frame])[:, None, :].astype(np.float32)


class FrontEnd(nn.Module):
    """32 kHz waveform [N, S] -> normalised log-mel [N, 1, 128, T], T = 1 + (S - 1) // 320."""

    def __init__(self, preemphasis=PREEMPHASIS):
        super().__init__()
        self.preemphasis = preemphasis
        mel = kaldi_mel_banks()
        # Bins above 15 kHz have zero weight in every band: leave them out of the DFT (481 of 513 bins kept).
        self.n_bins = int(np.nonzero(mel.any(0))[0].max()) + 1
        # The window is 800 samples centred in the 1024 frame: the kernels keep only those taps (the other 224 are
        # zero), and forward() drops the 112 padded samples each side that only they would have met. Same frames,
        # 22 % fewer multiply-adds in the front-end's costliest step.
        self.off = (N_FFT - WIN) // 2
        full = dft_kernels(self.n_bins)
        self.register_buffer("dft", torch.from_numpy(full[:, :, self.off:self.off + WIN].copy()))
        self.register_buffer("mel", torch.from_numpy(mel[:, :self.n_bins]))
        # The DFT conv is exportable but costs ~6x an FFT on CPU; use_fft switches to torch.stft (not exportable to
        # opset <= 17) with the same framing: the 800-sample window centred in a 1024 frame.
        self.use_fft = False
        self.register_buffer("fft_window", torch.from_numpy(full[0, 0].copy()), persistent=False)

    def forward(self, x):
        # EfficientAT applies pre-emphasis as a 'valid' 2-tap conv: one sample shorter than the input.
        x = x[:, 1:] - self.preemphasis * x[:, :-1]
        # torch.stft(center=True) reflect-pads n_fft / 2 on both sides.
        x = F.pad(x.unsqueeze(1), (N_FFT // 2, N_FFT // 2), mode="reflect")
        if self.use_fft:  # same spectrum by FFT (differs by float rounding only): for batch feature caching
            spec = torch.stft(x[:, 0], N_FFT, HOP, N_FFT, self.fft_window, center=False, return_complex=True)
            power = spec.abs()[:, :self.n_bins] ** 2
        else:
            spec = F.conv1d(x[:, :, self.off:x.shape[-1] - self.off], self.dft, stride=HOP)  # [N, 2 * n_bins, T]
            re, im = spec[:, :self.n_bins], spec[:, self.n_bins:]
            power = re * re + im * im
        mel = torch.matmul(self.mel, power)  # [N, 128, T]
        return ((torch.log(mel + 1e-5) + 4.5) / 5.0).unsqueeze(1)


def sinc_upsample2_kernels(zeros=6, rolloff=0.99):
    """[2, 1, 15] polyphase kernels of a 2x upsampler: Hann-windowed sinc low-pass at rolloff * 8 kHz with `zeros`
    zero crossings each side. This is the design torchaudio.functional.resample uses by default
    (sinc_interp_hann, lowpass_filter_width 6, rolloff 0.99), written out here so the graph reproduces
    torchaudio's 16 -> 32 kHz resampling to float precision. Phase 0 gives the samples at the input instants,
    phase 1 those half-way between."""
    width = math.ceil(zeros / rolloff)  # 7 input samples each side
    idx = np.arange(-width, width + 1, dtype=np.float64)
    t = (idx[None, :] - np.array([[0.0], [0.5]])) * rolloff
    t = np.clip(t, -zeros, zeros)
    window = np.cos(t * np.pi / zeros / 2) ** 2
    k = np.where(t == 0, 1.0, np.sin(np.pi * t) / np.where(t == 0, 1.0, np.pi * t)) * window * rolloff
    return k[:, None, :].astype(np.float32)


class Upsample2(nn.Module):
    """16 kHz [N, S] -> 32 kHz [N, 2S]: zero-padded at both ends, one conv1d with two output phases, interleaved."""

    def __init__(self):
        super().__init__()
        self.register_buffer("kernels", torch.from_numpy(sinc_upsample2_kernels()))

    def forward(self, x):
        w = (self.kernels.shape[-1] - 1) // 2
        y = F.conv1d(F.pad(x.unsqueeze(1), (w, w)), self.kernels)  # [N, 2, S]
        return y.transpose(1, 2).reshape(x.shape[0], -1)


def upsample2_power_response(f):
    """|H(f)|² of Upsample2 at frequencies f (Hz, 0..16 kHz): zero insertion, then its two phases as one 32 kHz
    filter (output sample 2m + p = Σ_j k[p, j] x[m + j − w], i.e. tap 2(w − j) + p). About 4 in the pass band (the
    inserted zeros halve the amplitude, the filter doubles it back); small but not nothing above 8 kHz, where it lets
    through the mirror image of the band below."""
    k = sinc_upsample2_kernels()[:, 0, :].astype(np.float64)
    w = (k.shape[1] - 1) // 2
    f = np.asarray(f, dtype=np.float64)
    h = sum(k[p, j] * np.exp(-2j * np.pi * f * (2 * (w - j) + p) / SR) for p in range(2) for j in range(k.shape[1]))
    return np.abs(h) ** 2


class FrontEnd16k(nn.Module):
    """Upsample2 + FrontEnd computed at 16 kHz, about 4x cheaper: 16 kHz [N, S] -> the same normalised log-mel
    [N, 1, 128, T] (T = 1 + (2S − 2) // 320) to within ~0.002 mean absolute difference (tests/test_mn04_port.py).

    Upsample2's 32 kHz signal has, below 8 kHz, the input's spectrum times the filter's gain and, above 8 kHz, the
    mirror image of it times what the filter leaks there. So every 32 kHz STFT bin is a known gain times one bin of a
    512-point STFT of the 16 kHz input: bin k for k <= 256, bin 512 − k for the images. Here:
      * the pre-emphasis is applied on the 16 kHz grid: the 32 kHz signal's even samples (the input) minus 0.97 x the
        odd samples just before them (Upsample2's half-way phase, one sample earlier), as FrontEnd sees them;
      * the 800-tap window at 32 kHz is sampled at the 16 kHz instants (400 taps, hop 160; bins 0..256 are the same
        frequencies as the 32 kHz bins);
      * the 32 kHz mel bank is folded onto those 257 bins with the gains |H(f)|² |E32(f)|² / |E16(f_k)|² (H:
        Upsample2, E32: FrontEnd's pre-emphasis at 32 kHz, E16: the one applied here), f = f_k or its image.
    The DFT conv is the front-end's costliest step: 257 bins x 400 taps here against 481 x 800 in FrontEnd."""

    def __init__(self, preemphasis=PREEMPHASIS):
        super().__init__()
        self.preemphasis = preemphasis
        midway = sinc_upsample2_kernels()[1:2]  # [1, 1, 15]: the samples half-way between the input's
        self.register_buffer("midway", torch.from_numpy(midway.copy()))
        n_fft, n_bins = N_FFT // 2, N_FFT // 4 + 1  # 512-point frames at 16 kHz, bins 0..8 kHz
        frame = dft_kernels(n_bins)[:, :, 0::2]  # the 32 kHz frame's kernels at the 16 kHz instants
        taps = np.nonzero(np.abs(frame).sum((0, 1)))[0]
        self.lo, self.hi, self.n_fft, self.n_bins = int(taps.min()), int(taps.max()) + 1, n_fft, n_bins
        self.register_buffer("dft", torch.from_numpy(frame[:, :, self.lo:self.hi].copy()))
        k = np.arange(n_bins)
        f, f_image = k * SR / N_FFT, (N_FFT // 2 - k) * SR / N_FFT
        w = (midway.shape[-1] - 1) // 2
        e16 = np.abs(1 - preemphasis * sum(midway[0, 0, j] * np.exp(-2j * np.pi * f * (1 - j + w) / (SR // 2))
                                           for j in range(midway.shape[-1]))) ** 2
        e32 = lambda fr: np.abs(1 - preemphasis * np.exp(-2j * np.pi * fr / SR)) ** 2
        bank = kaldi_mel_banks().astype(np.float64)  # [128, 513] over the 32 kHz bins
        gain = upsample2_power_response(f) * e32(f) / e16
        gain_image = upsample2_power_response(f_image) * e32(f_image) / e16 * (k != n_bins - 1)  # 8 kHz: once
        mel = bank[:, k] * gain[None] + bank[:, N_FFT // 2 - k] * gain_image[None]
        self.register_buffer("mel", torch.from_numpy(mel.astype(np.float32)))

    def forward(self, x):
        frames = 1 + (2 * x.shape[1] - 2) // HOP  # what FrontEnd gives for Upsample2's 2S samples
        w = (self.midway.shape[-1] - 1) // 2
        odd = F.conv1d(F.pad(x.unsqueeze(1), (w, w)), self.midway)[:, 0]  # 32 kHz sample 2m + 1
        before = torch.cat([torch.zeros_like(odd[:, :1]), odd[:, :-1]], 1)  # 32 kHz sample 2m - 1
        y = F.pad((x - self.preemphasis * before).unsqueeze(1), (self.n_fft // 2, self.n_fft // 2), mode="reflect")
        spec = F.conv1d(y[:, :, self.lo:y.shape[-1] - (self.n_fft - self.hi)], self.dft, stride=HOP // 2)
        spec = spec[:, :, :frames]
        re, im = spec[:, :self.n_bins], spec[:, self.n_bins:]
        mel = torch.matmul(self.mel, re * re + im * im)
        return ((torch.log(mel + 1e-5) + 4.5) / 5.0).unsqueeze(1)


def make_divisible(v, d=8):
    """Channel rounding of MobileNet: nearest multiple of d, never more than 10 % below v."""
    n = max(d, int(v + d / 2) // d * d)
    return n + d if n < 0.9 * v else n


class ConvBN(nn.Sequential):
    """Conv2d (no bias, 'same' padding) + BatchNorm (eps 0.001) + optional activation."""

    def __init__(self, cin, cout, k=1, stride=1, groups=1, act=None):
        layers = [nn.Conv2d(cin, cout, k, stride, (k - 1) // 2, groups=groups, bias=False),
                  nn.BatchNorm2d(cout, eps=0.001)]
        if act is not None:
            layers.append(act())
        super().__init__(*layers)


class SqueezeExcite(nn.Module):
    """Channel squeeze-excitation: mean over (freq, time), two linear layers, ReLU then sigmoid gate."""

    def __init__(self, c):
        super().__init__()
        s = make_divisible(c // 4)
        self.fc1, self.fc2 = nn.Linear(c, s), nn.Linear(s, c)

    def forward(self, x):
        g = torch.sigmoid(self.fc2(F.relu(self.fc1(x.mean((2, 3))))))
        return x * g[:, :, None, None]


class Bottleneck(nn.Module):
    """MobileNetV3 inverted residual: [1x1 expand] -> kxk depthwise (stride) -> [SE] -> 1x1 project, + skip."""

    def __init__(self, cin, k, cexp, cout, se, hs, stride):
        super().__init__()
        act = nn.Hardswish if hs else nn.ReLU
        self.expand = ConvBN(cin, cexp, 1, act=act) if cexp != cin else None
        self.depthwise = ConvBN(cexp, cexp, k, stride, groups=cexp, act=act)
        self.se = SqueezeExcite(cexp) if se else None
        self.project = ConvBN(cexp, cout, 1)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.expand(x) if self.expand is not None else x
        y = self.depthwise(y)
        if self.se is not None:
            y = self.se(y)
        y = self.project(y)
        return y + x if self.residual else y


# MobileNetV3-Large table at width 1.0: (in, kernel, expanded, out, SE, hardswish, stride)
MOBILENET_V3_LARGE = [
    (16, 3, 16, 16, False, False, 1), (16, 3, 64, 24, False, False, 2), (24, 3, 72, 24, False, False, 1),
    (24, 5, 72, 40, True, False, 2), (40, 5, 120, 40, True, False, 1), (40, 5, 120, 40, True, False, 1),
    (40, 3, 240, 80, False, True, 2), (80, 3, 200, 80, False, True, 1), (80, 3, 184, 80, False, True, 1),
    (80, 3, 184, 80, False, True, 1), (80, 3, 480, 112, True, True, 1), (112, 3, 672, 112, True, True, 1),
    (112, 5, 672, 160, True, True, 2), (160, 5, 960, 160, True, True, 1), (160, 5, 960, 160, True, True, 1),
]


class MN04(nn.Module):
    """Normalised log-mel [N, 1, 128, T] -> (logits [N, 527], embedding [N, 384], hidden [N, 512])."""

    def __init__(self, width=0.4, n_classes=527):
        super().__init__()
        c = lambda v: make_divisible(v * width)
        cfg = [(c(i), k, c(e), c(o), se, hs, s) for i, k, e, o, se, hs, s in MOBILENET_V3_LARGE]
        self.stem = ConvBN(1, cfg[0][0], 3, 2, act=nn.Hardswish)
        self.blocks = nn.Sequential(*[Bottleneck(*b) for b in cfg])
        last = cfg[-1][3]
        self.head = ConvBN(last, 6 * last, 1, act=nn.Hardswish)
        self.fc_hidden = nn.Linear(6 * last, c(1280))
        self.fc_out = nn.Linear(c(1280), n_classes)

    def forward(self, x):
        x = self.head(self.blocks(self.stem(x)))
        emb = x.mean((2, 3))
        hidden = F.hardswish(self.fc_hidden(emb))
        return self.fc_out(hidden), emb, hidden


def efficientat_name_map(model):
    """Our parameter/buffer name -> EfficientAT's (features.i / classifier.j)."""
    m = {}

    def convbn(ours, theirs):
        m.update({f"{ours}.0.weight": f"{theirs}.0.weight"})
        for t in ["weight", "bias", "running_mean", "running_var", "num_batches_tracked"]:
            m[f"{ours}.1.{t}"] = f"{theirs}.1.{t}"

    convbn("stem", "features.0")
    for i, b in enumerate(model.blocks):
        j = 0  # EfficientAT numbers the present sub-layers of a block consecutively
        for part in ["expand", "depthwise", "se", "project"]:
            if getattr(b, part) is None:
                continue
            theirs = f"features.{i + 1}.block.{j}"
            if part == "se":
                for t in ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]:
                    m[f"blocks.{i}.se.{t}"] = f"{theirs}.conc_se_layers.0.{t}"
            else:
                convbn(f"blocks.{i}.{part}", theirs)
            j += 1
    convbn("head", f"features.{len(model.blocks) + 1}")
    for ours, theirs in [("fc_hidden", "classifier.2"), ("fc_out", "classifier.5")]:
        m[f"{ours}.weight"], m[f"{ours}.bias"] = f"{theirs}.weight", f"{theirs}.bias"
    return m


def load_state_dict_from_efficientat(model, path):
    """Loads mn04_as_mAP_432.pt; every tensor on both sides must be used exactly once (strict)."""
    sd = torch.load(path, map_location="cpu")
    names = efficientat_name_map(model)
    assert sorted(names.values()) == sorted(sd.keys()), "state dict names do not match the mn04 layout"
    model.load_state_dict({ours: sd[theirs] for ours, theirs in names.items()}, strict=True)
    return model


class Mn04Audio(nn.Module):
    """The exported graph: waveform [N, S] (16 kHz if `input_sr` is 16000, else 32 kHz) ->
    (probabilities [N, 527], embedding [N, 384], hidden [N, 512]). At 16 kHz, `fast` computes the front-end at
    16 kHz (FrontEnd16k) instead of upsampling first (Upsample2 + FrontEnd, the path the port tests prove)."""

    def __init__(self, input_sr=16000, fast=False):
        super().__init__()
        assert input_sr in (16000, 32000) and not (fast and input_sr != 16000)
        self.upsample = Upsample2() if input_sr == 16000 and not fast else None
        self.frontend = FrontEnd16k() if fast else FrontEnd()
        self.net = MN04()

    def forward(self, wav):
        x = self.upsample(wav) if self.upsample is not None else wav
        logits, emb, hidden = self.net(self.frontend(x))
        return torch.sigmoid(logits), emb, hidden


def build(weights, input_sr=16000, fast=False):
    m = Mn04Audio(input_sr, fast)
    load_state_dict_from_efficientat(m.net, weights)
    return m.eval()


def export_onnx(model, path, samples=160000, opset=13):
    """ONNX with a dynamic batch and length axis; opset 13 like musetag-base (HardSwish is written as
    HardSigmoid * x below opset 14, which the exporter does itself)."""
    import warnings
    dummy = torch.zeros(1, samples)
    with warnings.catch_warnings():  # the exporter's notes on constant folding are not actionable here
        warnings.simplefilter("ignore")
        torch.onnx.export(model, dummy, path, opset_version=opset, input_names=["waveform"],
                          output_names=["audioset", "embedding", "hidden"],
                          dynamic_axes={"waveform": {0: "n", 1: "samples"}, "audioset": {0: "n"},
                                        "embedding": {0: "n"}, "hidden": {0: "n"}})


def bench(weights, threads, reps=20):
    """Median ms per 10-s window (16 kHz input, batch 1): (upsampler + front-end, network, whole graph)."""
    import time
    torch.set_num_threads(threads)
    m = build(weights)
    x = torch.randn(1, 160000) * 0.1
    times = {"frontend": [], "net": [], "total": []}
    with torch.no_grad():
        for i in range(reps + 3):  # 3 warm-up runs
            t0 = time.perf_counter()
            mel = m.frontend(m.upsample(x))
            t1 = time.perf_counter()
            m.net(mel)
            t2 = time.perf_counter()
            if i >= 3:
                times["frontend"].append(t1 - t0); times["net"].append(t2 - t1); times["total"].append(t2 - t0)
    return {k: round(1000 * float(np.median(v)), 1) for k, v in times.items()}


if __name__ == "__main__":  # python3 backbones/mn04.py WEIGHTS  -> cost per window on 1 and 2 threads
    import sys
    for t in (1, 2):
        print(f"{t} thread(s):", bench(sys.argv[1], t, reps=int(sys.argv[2]) if len(sys.argv) > 2 else 20))
