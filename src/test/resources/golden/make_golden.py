#!/usr/bin/python3
"""Generates the golden files for org.musetag.dsp.MelSpectrogramGoldenTest.

Run from anywhere with Debian's python3 and numpy:  /usr/bin/python3 src/test/resources/golden/make_golden.py
Writes, next to this script:
  input_pcm.npy        float32 [32000]    the test signal, 2 s at 16 kHz
  expected_logmel.npy  float32 [124, 64]  melspec.log_mel(input_pcm), the MelSpec v1 reference
The output is deterministic (fixed seed, no randomness elsewhere), so rerunning it reproduces the same bytes.
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "models", "training"))
import melspec  # noqa: E402

SEED = 20240917
DURATION_S = 2.0


def test_signal():
    sr = melspec.SAMPLE_RATE
    t = np.arange(int(DURATION_S * sr)) / sr
    # Linear chirp 100 Hz -> 7000 Hz sweeps every mel band.
    f0, f1 = 100.0, 7000.0
    chirp = 0.25 * np.sin(2 * np.pi * (f0 * t + (f1 - f0) * t ** 2 / (2 * DURATION_S)))
    # Steady tones at three levels.
    tones = (0.20 * np.sin(2 * np.pi * 440.0 * t)
             + 0.10 * np.sin(2 * np.pi * 1000.0 * t)
             + 0.05 * np.sin(2 * np.pi * 3000.0 * t))
    # Seeded white noise, about -50 dBFS, so no band is exactly zero.
    noise = 0.003 * np.random.default_rng(SEED).standard_normal(t.size)
    x = chirp + tones + noise
    # Exact digital silence from 1.50 s to 1.75 s: frames inside it hit the log floor (-100 dB).
    x[int(1.50 * sr):int(1.75 * sr)] = 0.0
    # A 20 dB quieter stretch from 0.5 s to 1.0 s spreads levels across the -80 dB display threshold.
    x[int(0.5 * sr):int(1.0 * sr)] *= 0.1
    return x.astype(np.float32)


def main():
    pcm = test_signal()
    expected = melspec.log_mel(pcm)
    np.save(os.path.join(HERE, "input_pcm.npy"), pcm)
    np.save(os.path.join(HERE, "expected_logmel.npy"), expected)
    print("input_pcm.npy", pcm.shape, pcm.dtype, "expected_logmel.npy", expected.shape, expected.dtype,
          "dB range [%.2f, %.2f]" % (expected.min(), expected.max()))


if __name__ == "__main__":
    main()
