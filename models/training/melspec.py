"""MelSpec v1: Musetag's log-mel front-end in numpy (see docs/decisions/0002-model-front-end-in-java.md).

This is the reference the Java `org.musetag.dsp.MelSpectrogram` is tested against, and the features the bundled
models are trained on. Change nothing here without a new front-end version.
"""
import numpy as np

SAMPLE_RATE = 16000
N_FFT = 512
HOP = 256
N_MELS = 64
F_MIN = 0.0
F_MAX = 8000.0
LOG_FLOOR = 1e-10
PATCH_FRAMES = 188
PATCH_SAMPLES = N_FFT + HOP * (PATCH_FRAMES - 1)  # 48384


def hz_to_mel(f):
    return 2595.0 * np.log10(1.0 + np.asarray(f, dtype=np.float64) / 700.0)


def mel_to_hz(m):
    return 700.0 * (10.0 ** (np.asarray(m, dtype=np.float64) / 2595.0) - 1.0)


def mel_filterbank(sample_rate=SAMPLE_RATE, n_fft=N_FFT, n_mels=N_MELS, f_min=F_MIN, f_max=F_MAX):
    """[n_mels, n_fft//2+1] triangular filters, peak 1, HTK mel scale, evaluated at the FFT bin frequencies."""
    bins = np.arange(n_fft // 2 + 1) * sample_rate / n_fft
    edges = mel_to_hz(np.linspace(hz_to_mel(f_min), hz_to_mel(f_max), n_mels + 2))
    fb = np.zeros((n_mels, bins.size))
    for m in range(n_mels):
        lo, centre, hi = edges[m], edges[m + 1], edges[m + 2]
        rising = (bins - lo) / (centre - lo)
        falling = (hi - bins) / (hi - centre)
        fb[m] = np.maximum(0.0, np.minimum(rising, falling))
    return fb


def hann(n_fft=N_FFT):
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(n_fft) / n_fft)


def log_mel(pcm, sample_rate=SAMPLE_RATE, n_fft=N_FFT, hop=HOP, n_mels=N_MELS, f_min=F_MIN, f_max=F_MAX):
    """Log-mel spectrogram in dB, shape [frames, n_mels], float32. No centring: frame i covers [hop*i, hop*i+n_fft)."""
    pcm = np.asarray(pcm, dtype=np.float64)
    if pcm.size < n_fft:
        return np.zeros((0, n_mels), dtype=np.float32)
    frames = 1 + (pcm.size - n_fft) // hop
    idx = np.arange(n_fft)[None, :] + hop * np.arange(frames)[:, None]
    spec = np.abs(np.fft.rfft(pcm[idx] * hann(n_fft)[None, :], axis=1)) ** 2
    mel = spec @ mel_filterbank(sample_rate, n_fft, n_mels, f_min, f_max).T
    return (10.0 * np.log10(np.maximum(mel, LOG_FLOOR))).astype(np.float32)
