"""Tests of models/training/bundle.py: the windows it plans are the ones the Java app plans (PatchPlan.starts,
WaveformInput.of), and the graph it exports computes what its torch modules compute.

    /usr/bin/python3 -m unittest discover -s models/training/tests       (from the repository root)

The export test builds a bundle like bundle.main does, with a small random transfer.Head of the right input width in
place of the fitted one (the head's fit is transfer.py's, tested there), exports it with bundle.export and evaluates
the file with onnx_numpy on one track of 3 windows. It needs the pretrained weights ($MUSETAG_SHARED, default
/work/shared) and is skipped, saying so, without them.
"""
import os
import sys
import tempfile
import unittest

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bundle  # noqa: E402
import onnx_numpy  # noqa: E402
import transfer  # noqa: E402

SHARED = os.environ.get("MUSETAG_SHARED", "/work/shared")
WEIGHTS = [os.path.join(SHARED, "pretrained", "efficientat", "mn04_as_mAP_432.pt"),
           os.path.join(SHARED, "pretrained", "musicnn", "MSD_musicnn.h5")]
CLIP = os.path.join(SHARED, "pretrained", "musicnn", "reference", "joram-moments_of_clarity-08-solipsism-59-88.mp3")
HAVE_WEIGHTS = all(os.path.exists(p) for p in WEIGHTS + [CLIP])


class WindowPlanTest(unittest.TestCase):
    """PatchPlan.starts: D <= S -> [0]; else start_i = round((D - S)(2i + 1) / 2K), half up. WaveformInput.of: the
    one window of a short track is repeated K times. Expected values worked out by hand."""

    def test_track_no_longer_than_a_window_has_one_window_from_the_start(self):
        self.assertEqual([0], bundle.window_starts(100, 160000, 3))
        self.assertEqual([0], bundle.window_starts(160000, 160000, 3))
        self.assertEqual([0], bundle.window_starts(0, 10, 5))

    def test_windows_are_centred_in_k_equal_slices(self):
        self.assertEqual([1, 3, 5], bundle.window_starts(16, 10, 3))  # free 6: 6/6, 18/6, 30/6
        self.assertEqual([10], bundle.window_starts(30, 10, 1))  # free 20: 20/2
        # 3 minutes at 16 kHz, 10-s windows: free 2,720,000: /6 = 453,333.3, *3/6 = 1,360,000, *5/6 = 2,266,666.7
        self.assertEqual([453333, 1360000, 2266667], bundle.window_starts(2880000, 160000, 3))

    def test_halves_round_up(self):
        self.assertEqual([3, 8], bundle.window_starts(20, 10, 2))  # free 10: 2.5 -> 3, 7.5 -> 8
        self.assertEqual([0, 1, 1], bundle.window_starts(160001, 160000, 3))  # free 1: 1/6 -> 0, 0.5 -> 1, 5/6 -> 1
        self.assertEqual([1, 4, 6, 9], bundle.window_starts(20, 10, 4))  # free 10: 1.25, 3.75, 6.25, 8.75

    def test_track_windows_cut_the_planned_stretches(self):
        pcm = np.arange(16, dtype=np.float32)
        w = bundle.track_windows(pcm, 3, s=10)
        self.assertEqual((3, 10), w.shape)
        self.assertEqual(np.float32, w.dtype)
        for row, start in zip(w, [1, 3, 5]):
            np.testing.assert_array_equal(np.arange(start, start + 10, dtype=np.float32), row)

    def test_short_track_is_one_zero_padded_window_repeated_k_times(self):
        w = bundle.track_windows(np.array([0.5, -0.25, 1.0], np.float32), 3, s=10)
        want = np.array([0.5, -0.25, 1.0] + [0.0] * 7, np.float32)
        self.assertEqual((3, 10), w.shape)
        for row in w:
            np.testing.assert_array_equal(want, row)
        exact = bundle.track_windows(np.arange(10, dtype=np.float32), 4, s=10)  # D == S: still one window
        np.testing.assert_array_equal(np.tile(np.arange(10, dtype=np.float32), (4, 1)), exact)


def small_head(d_in, n_comp=8, seed=3):
    """A transfer.Head of input width d_in with random (not fitted) parameters, every buffer away from its default
    so that a part of the graph that ignored one would show."""
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    head = transfer.Head(d_in, n_comp)
    with torch.no_grad():
        head.mu.copy_(torch.randn(d_in, generator=g) * 0.1)
        head.scale.copy_(torch.rand(d_in, generator=g) + 0.5)
        head.proj.copy_(torch.randn(d_in, n_comp, generator=g) / np.sqrt(d_in))
        head.genre_inv_t.fill_(1.3)
        head.quad_inv_t.fill_(0.8)
        head.genre_conf_ab.copy_(torch.tensor([1.2, -0.3]))
        head.va_centre.copy_(torch.tensor([0.05, -0.02]))
        head.va_stretch.copy_(torch.tensor([1.4, 1.1]))
    return head.float().eval()


class FoldedHeadTest(unittest.TestCase):
    def test_folded_head_answers_what_the_head_answers(self):
        head = small_head(300, n_comp=40)
        x = torch.randn(6, 300)
        folded = bundle.FoldedHead(head, emb_dim=16)
        with torch.no_grad():
            want, got = head(x), folded(x)
            for a, b in zip(want, got[:4]):
                np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=0, atol=1e-4)
            np.testing.assert_allclose(head.components(x)[:, :16].numpy(), got[4].numpy(), rtol=0, atol=1e-4)
        self.assertEqual((300, 14), tuple(folded.genre_w.shape))  # one matrix, not the [d, components] projection


@unittest.skipUnless(HAVE_WEIGHTS, f"pretrained weights not found under {SHARED} (set MUSETAG_SHARED): "
                                   "bundle export test skipped")
class BundleExportTest(unittest.TestCase):
    K = 3

    def test_exported_graph_computes_what_torch_computes(self):
        import features
        torch.set_num_threads(2)
        k = self.K
        cfg = {"k": k, "mn04_windows": list(range(k)), "musicnn_windows": bundle.even_subset(k, 1), "shared": SHARED}
        backbones = bundle.Backbones(k, cfg["mn04_windows"], cfg["musicnn_windows"], SHARED)
        audio = torch.from_numpy(bundle.track_windows(features.decode(CLIP), k))[None]  # [1, 3, 160000]
        with torch.no_grad():
            layers = backbones(audio)
        d_in = sum(3 * layers[b].shape[2] for b in bundle.BLOCKS)
        model = bundle.MusetagBase2(backbones, small_head(d_in)).eval()
        with torch.no_grad():
            want = [t.numpy() for t in model(audio)]
        meta = bundle.metadata("0.0.0-test", cfg, backbones.msd_labels, bundle.audioset_music_labels(SHARED), 8)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "musetag-base.onnx")
            shapes = bundle.export(model, path, cfg, meta)
            got = onnx_numpy.run(path, {"audio": audio.numpy()})
        self.assertEqual(bundle.OUTPUTS, list(shapes))
        self.assertEqual({n: "tracks" for n in bundle.OUTPUTS}, {n: d[0] for n, d in shapes.items()})
        widths = {"genre": 14, "quadrant": 4, "va": 2, "embedding": 8, "tags_msd": 50, "audioset_music": 146}
        self.assertEqual({n: (1, w) for n, w in widths.items()}, {n: g.shape for n, g in zip(bundle.OUTPUTS, got)
                                                                  if n in widths})
        # float32 throughout; the backbone ports' own tests hold them to 1e-4 (mn04, musicnn relative to the
        # largest value): the same bounds here, 1e-4 times each output's largest magnitude (at least 1). Measured on
        # this clip: <= 5.3e-6 on the probabilities, 2.1e-5 on va (max 5.7), 6.0e-5 on the embedding (max 9.8)
        for name, g, w in zip(bundle.OUTPUTS, got, want):
            self.assertEqual(w.shape, g.shape, name)
            np.testing.assert_allclose(g, w, rtol=0, atol=1e-4 * max(1.0, float(np.abs(w).max())), err_msg=name)


if __name__ == "__main__":
    unittest.main()
