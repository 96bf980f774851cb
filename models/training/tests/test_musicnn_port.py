"""Proof of the musicnn port (backbones/musicnn.py) against the outputs published with its weights.

The reference clips are decoded with the `ffmpeg` CLI to 16 kHz mono f32 (features.decode, the app's invocation):
the resampling of the 22.05 kHz MSD clip is ffmpeg's, not librosa's (the published numbers used librosa), which is
why the tests check top tags, not probabilities. Needs /work/shared or $MUSETAG_SHARED; skipped otherwise.
"""
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402

try:
    import torch
    from backbones import musicnn as M
except ImportError as e:  # pragma: no cover
    torch = None
    IMPORT_ERROR = str(e)

SHARED = os.environ.get("MUSETAG_SHARED", "/work/shared")
REF = os.path.join(SHARED, "pretrained", "musicnn", "reference")
JORAM = "joram-moments_of_clarity-08-solipsism-59-88.mp3"
TRWJ = "TRWJAZW128F42760DD_test.mp3"
# Published MTT top tags, in the published order (mean over non-overlapping 3-s patches).
JORAM_TOP9 = ["techno", "electronic", "synth", "fast", "beat", "drums", "no vocals", "no vocal", "dance"]
JORAM_10TH = {"ambient", "beats"}  # a near tie; the two releases disagree
TRWJ_TOP3 = ["guitar", "piano", "fast"]


def _missing():
    if torch is None:
        return "torch / numpy not importable: " + IMPORT_ERROR
    if not os.path.isdir(REF):
        return f"no pretrained weights at {REF} (set MUSETAG_SHARED to the shared folder)"
    if shutil.which("ffmpeg") is None:
        return "the ffmpeg command is not on PATH"
    return None


_pcm = {}


def pcm(name):
    import features
    if name not in _pcm:
        _pcm[name] = features.decode(os.path.join(REF, name))
    return _pcm[name]


def clip_tags(net, name):
    """Mean tag probabilities over the clip's non-overlapping 3-s patches, through the in-graph front-end."""
    wave, _ = M.patch_waveforms(pcm(name))
    with torch.no_grad():
        tags, _, _ = M.MusicnnWaveform(net).eval()(torch.from_numpy(wave))
    return tags.numpy().mean(axis=0)


def top(tags, labels, n):
    return [labels[i] for i in np.argsort(-tags)[:n]]


def published_tags_hold(net, labels):
    """True when the net gives the published MTT top tags on both reference clips (exact order)."""
    joram = top(clip_tags(net, JORAM), labels, 10)
    trwj = top(clip_tags(net, TRWJ), labels, 3)
    return joram[:9] == JORAM_TOP9 and joram[9] in JORAM_10TH and trwj == TRWJ_TOP3


@unittest.skipIf(_missing(), _missing())
class MusicnnPortTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.set_num_threads(2)
        cls.mtt, cls.mtt_labels = M.load("MTT", SHARED)

    def test_mtt_gives_the_published_top_tags_of_both_reference_clips(self):
        joram = clip_tags(self.mtt, JORAM)
        trwj = clip_tags(self.mtt, TRWJ)
        print("\nMTT", JORAM, [(t, round(float(joram[self.mtt_labels.index(t)]), 3)) for t in top(joram, self.mtt_labels, 10)])
        print("MTT", TRWJ, [(t, round(float(trwj[self.mtt_labels.index(t)]), 3)) for t in top(trwj, self.mtt_labels, 5)])
        self.assertEqual(JORAM_TOP9, top(joram, self.mtt_labels, 9))
        self.assertIn(top(joram, self.mtt_labels, 10)[9], JORAM_10TH)
        self.assertEqual(TRWJ_TOP3, top(trwj, self.mtt_labels, 3))

    def test_shuffled_weights_do_not_give_the_published_tags(self):
        """The check above can fail: permuting each conv kernel's taps (same values, wrong layout) breaks it."""
        net, labels = M.load("MTT", SHARED)
        g = torch.Generator().manual_seed(0)
        with torch.no_grad():
            for conv in list(net.timbral) + list(net.temporal) + list(net.mid):
                w = conv.weight.reshape(conv.weight.shape[0], -1)
                conv.weight.copy_(w[:, torch.randperm(w.shape[1], generator=g)].reshape(conv.weight.shape))
        self.assertFalse(published_tags_hold(net, labels))
        self.assertTrue(published_tags_hold(self.mtt, self.mtt_labels))

    def test_msd_top_tags_are_printed_and_plausible(self):
        """No published MSD numbers for these clips: print them; check only what is unmistakable."""
        msd, labels = M.load("MSD", SHARED)
        joram, trwj = clip_tags(msd, JORAM), clip_tags(msd, TRWJ)
        print("\nMSD", JORAM, [(t, round(float(joram[labels.index(t)]), 3)) for t in top(joram, labels, 5)])
        print("MSD", TRWJ, [(t, round(float(trwj[labels.index(t)]), 3)) for t in top(trwj, labels, 5)])
        self.assertEqual("electronic", top(joram, labels, 1)[0])

    def test_graph_front_end_matches_the_numpy_reference(self):
        for name in (JORAM, TRWJ):
            ref = M.reference_patches(pcm(name))
            wave, starts = M.patch_waveforms(pcm(name))
            with torch.no_grad():
                graph = M.FrontEnd()(torch.from_numpy(wave)).numpy()
            self.assertEqual(ref.shape, graph.shape)
            self.assertEqual((len(starts), M.N_FRAMES, M.N_MELS), graph.shape)
            # float32 DFT-as-conv vs float64 FFT: at most a float16 rounding step of the mel apart
            self.assertLess(np.abs(graph - ref).max(), 1e-3, name)
            self.assertLess(np.abs(graph - ref).mean(), 1e-5, name)

    def test_patch_waveforms_cover_the_reference_patches(self):
        n = 5 * M.PATCH_HOP + M.PATCH_SAMPLES - 2 * M.PAD  # exactly 6 whole patches
        for size, expected in ((n, 6), (n - 1, 5), (100, 1)):
            x = np.random.default_rng(1).standard_normal(size).astype(np.float32)
            wave, starts = M.patch_waveforms(x)
            self.assertEqual(expected, len(starts))
            self.assertEqual((expected, M.PATCH_SAMPLES), wave.shape)
            if size > 100:
                self.assertEqual(expected, M.reference_patches(x).shape[0])
        self.assertEqual(20, len(M.patch_waveforms(np.zeros(30 * M.PATCH_HOP, np.float32), 20)[1]))

    def test_whole_graph_exports_to_onnx_and_the_file_computes_the_same(self):
        import onnx
        import onnx_numpy
        graph = M.MusicnnWaveform(self.mtt).eval()
        wave = torch.from_numpy(M.patch_waveforms(pcm(JORAM))[0][:2])
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "musicnn-mtt.onnx")
            axes = {n: {0: "n"} for n in ("wave", "tags", "bn_dense", "pooled")}
            torch.onnx.export(graph, wave, path, opset_version=13, input_names=["wave"],
                              output_names=["tags", "bn_dense", "pooled"], dynamic_axes=axes)
            m = onnx.load(path)
            onnx.checker.check_model(m, full_check=True)
            self.assertLessEqual(m.opset_import[0].version, 17)
            inferred = onnx.shape_inference.infer_shapes(m, strict_mode=True)
            shapes = [[d.dim_value or d.dim_param for d in o.type.tensor_type.shape.dim] for o in inferred.graph.output]
            self.assertEqual([["n", 50], ["n", 200], ["n", 1506]], shapes)
            got = onnx_numpy.run(path, {"wave": wave.numpy()})
        with torch.no_grad():
            want = [t.numpy() for t in graph(wave)]
        for g, w in zip(got, want):
            self.assertEqual(w.shape, g.shape)
            np.testing.assert_allclose(g, w, rtol=1e-4, atol=1e-4 * np.abs(w).max())


if __name__ == "__main__":
    unittest.main()
