"""The mn04 port (backbones/mn04.py) reproduces the public EfficientAT code on its reference clips.

Reference outputs: data/mn04_reference.npz, made by data/make_mn04_reference.py from the public code, unmodified.
Tolerances (float32 on CPU; the port computes the STFT as a DFT conv instead of an FFT and the mel bank in float64,
the measured differences are <= 3.2e-5 on the mel, <= 1.2e-5 on logits, <= 2.2e-6 on the embedding, <= 4.7e-6 on the
hidden layer): absolute 1e-4 on mel, logits and hidden, 2e-5 on the embedding.
Run: /usr/bin/python3 -m unittest discover -s models/training/tests   (needs $MUSETAG_SHARED or /work/shared)
"""
import csv
import os
import sys
import tempfile
import unittest

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from backbones import mn04  # noqa: E402

SHARED = os.environ.get("MUSETAG_SHARED", "/work/shared")
EAT = os.path.join(SHARED, "pretrained", "efficientat")
WEIGHTS = os.path.join(EAT, "mn04_as_mAP_432.pt")
REF = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "mn04_reference.npz"))
CLIPS = ["music", "speech", "typing"]
TOL = {"mel": 1e-4, "logits": 1e-4, "embedding": 2e-5, "hidden": 1e-4}


def load_clip(name):
    import soundfile as sf
    x, sr = sf.read(os.path.join(EAT, "reference", name + ".wav"), dtype="float32")
    assert sr == 32000
    return torch.from_numpy(x)[None]


def outputs_32k(model, x):
    """The port on 32 kHz audio: the same quantities the reference file holds."""
    with torch.no_grad():
        mel = model.frontend(x)
        logits, emb, hidden = model.net(mel)
    m = mel[0, 0]
    return {"mel_sample": m[::8, ::25].numpy(), "mel_mean": m.mean(1).numpy(), "logits": logits[0].numpy(),
            "embedding": emb[0].numpy(), "hidden": hidden[0].numpy()}


def mismatches(model):
    """Names of the reference outputs the model misses on any clip (empty when the port is right)."""
    bad = set()
    for i, c in enumerate(CLIPS):
        out = outputs_32k(model, load_clip(c))
        for k, v in out.items():
            tol = TOL["mel" if k.startswith("mel") else k]
            if v.shape != REF[k][i].shape or np.abs(v - REF[k][i]).max() > tol:
                bad.add(k)
    return bad


def labels():
    with open(os.path.join(EAT, "audioset_labels.csv"), newline="") as f:
        return [r["display_name"] for r in csv.DictReader(f)]


@unittest.skipUnless(os.path.exists(WEIGHTS), f"mn04 weights not found at {WEIGHTS} (set MUSETAG_SHARED)")
class Mn04PortTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.set_num_threads(2)
        cls.m32 = mn04.build(WEIGHTS, input_sr=32000)
        cls.m16 = mn04.build(WEIGHTS, input_sr=16000)
        cls.m16_fast = mn04.build(WEIGHTS, input_sr=16000, fast=True)
        cls.labels = labels()

    def test_port_matches_public_code_on_reference_clips(self):
        self.assertEqual(mismatches(self.m32), set())

    def test_top_audioset_class_is_the_obvious_one(self):
        expected = {"music": {"Music"}, "speech": {"Speech"}, "typing": {"Typing", "Computer keyboard"}}
        for c in CLIPS:
            p, _, _ = self.m32(load_clip(c))
            self.assertIn(self.labels[int(p[0].argmax())], expected[c], c)

    def test_16k_input_through_graph_matches_torchaudio_resampled_reference(self):
        import torchaudio
        for i, c in enumerate(CLIPS):
            x16 = torchaudio.functional.resample(load_clip(c), 32000, 16000)
            with torch.no_grad():
                p, emb, _ = self.m16(x16)
            np.testing.assert_allclose(torch.logit(p[0].double()).numpy(), REF["rs_logits"][i], rtol=0, atol=1e-4)
            np.testing.assert_allclose(emb[0].numpy(), REF["rs_embedding"][i], rtol=0, atol=2e-5)
            self.assertEqual(int(p[0].argmax()), int(REF["logits"][i].argmax()), c)

    def test_upsampler_equals_torchaudio_resample(self):
        import torchaudio
        x = torch.randn(2, 16001, generator=torch.Generator().manual_seed(0))
        np.testing.assert_allclose(self.m16.upsample(x).numpy(),
                                   torchaudio.functional.resample(x, 16000, 32000).numpy(), rtol=0, atol=1e-6)

    def test_wrong_preemphasis_or_shuffled_weights_are_caught(self):
        bad = mn04.build(WEIGHTS, input_sr=32000)
        bad.frontend.preemphasis = 0.96
        self.assertIn("mel_mean", mismatches(bad))
        bad = mn04.build(WEIGHTS, input_sr=32000)
        w = bad.net.blocks[5].depthwise[0].weight  # swap two depthwise filters of one block
        with torch.no_grad():
            w[[0, 1]] = w[[1, 0]].clone()
        self.assertIn("logits", mismatches(bad))

    def test_fft_spectrum_used_for_caching_equals_the_graphs_dft_conv(self):
        fe = mn04.FrontEnd()
        x = load_clip("music")
        with torch.no_grad():
            a = fe(x)
            fe.use_fft = True
            b = fe(x)
        np.testing.assert_allclose(b.numpy(), a.numpy(), rtol=0, atol=TOL["mel"])

    def test_16k_front_end_gives_what_the_upsampled_path_gives(self):
        # the reference clips at 16 kHz, white noise (its mirror images fill the bands above 8 kHz) and a chirp to
        # 7.85 kHz. Measured: log-mel mean |diff| 0.0009-0.0016 (bands above 8 kHz 0.0006-0.0044), AudioSet
        # probabilities within 0.003, embedding within 1.3 % (the chirp; the clips 0.2-0.3 %)
        import torchaudio
        g = torch.Generator().manual_seed(3)
        t = torch.arange(160000) / 16000.0
        signals = [torchaudio.functional.resample(load_clip(c), 32000, 16000) for c in CLIPS]
        signals += [0.1 * torch.randn(1, 160000, generator=g), 0.3 * torch.sin(2 * np.pi * (50 + 390 * t) * t)[None]]
        fast = self.m16_fast
        bank = mn04.kaldi_mel_banks()
        above_8k = torch.from_numpy(bank[:, 257:].any(1) & ~bank[:, :257].any(1))
        for i, x in enumerate(signals):
            with torch.no_grad():
                want, got = self.m16.frontend(self.m16.upsample(x)), fast.frontend(x)
                p, emb, _ = self.m16(x)
                p_fast, emb_fast, _ = fast(x)
            self.assertEqual(got.shape, want.shape)
            diff = (got - want).abs()[0, 0]
            self.assertLess(diff.mean().item(), 3e-3, i)
            self.assertLess(diff[above_8k].mean().item(), 1e-2, i)
            self.assertLess((p_fast - p).abs().max().item(), 1e-2, i)
            self.assertLess(((emb_fast - emb).norm() / emb.norm()).item(), 2e-2, i)
            self.assertEqual(int(p_fast[0].argmax()), int(p[0].argmax()), i)

    def test_16k_front_end_with_a_wrong_preemphasis_is_caught(self):
        x = 0.1 * torch.randn(1, 160000, generator=torch.Generator().manual_seed(4))
        bad = mn04.FrontEnd16k(preemphasis=0.9)
        with torch.no_grad():
            want = self.m16.frontend(self.m16.upsample(x))
            self.assertGreater((bad(x) - want).abs().mean().item(), 3e-3)

    def test_exported_onnx_computes_what_torch_computes(self):
        import onnx
        import onnx_numpy
        x = torch.randn(2, 48000, generator=torch.Generator().manual_seed(1)) * 0.1  # 3 s, batch 2: dynamic axes
        for model in (self.m16, self.m16_fast):
            with tempfile.TemporaryDirectory() as d:
                path = os.path.join(d, "mn04.onnx")
                mn04.export_onnx(model, path)
                got = onnx_numpy.run(onnx.load(path), {"waveform": x.numpy()})
            with torch.no_grad():
                want = model(x)
            for g, w, tol in zip(got, want, [1e-5, 1e-4, 1e-4]):
                np.testing.assert_allclose(g, w.numpy(), rtol=0, atol=tol)

    def test_exports_to_onnx_with_16k_waveform_input(self):
        import onnx
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "mn04.onnx")
            mn04.export_onnx(self.m16, path)
            m = onnx.load(path)
        onnx.checker.check_model(m, full_check=True)
        self.assertLessEqual(max(o.version for o in m.opset_import if o.domain in ("", "ai.onnx")), 17)
        ops = {n.op_type for n in m.graph.node}
        self.assertFalse(ops & {"STFT", "DFT", "MelWeightMatrix"}, ops)
        inferred = onnx.shape_inference.infer_shapes(m, strict_mode=True)
        dims = lambda v: [d.dim_value or d.dim_param for d in v.type.tensor_type.shape.dim]
        self.assertEqual([i.name for i in m.graph.input], ["waveform"])
        self.assertEqual({o.name: dims(o)[1] for o in inferred.graph.output},
                         {"audioset": 527, "embedding": 384, "hidden": 512})


if __name__ == "__main__":
    unittest.main()
