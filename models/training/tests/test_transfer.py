"""Tests of models/training/transfer.py (fold protocol, out-of-fold coverage, metrics on hand-made cases).

    /usr/bin/python3 -m unittest discover -s models/training/tests -v       (from the repository root)

The protocol tests read train-v1's clips.csv ($MUSETAG_SHARED/data/train-v1, default /work/shared/...) and are
skipped, saying so, without it; they use random features, so no backbone cache is needed.
"""
import os
import sys
import unittest

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import transfer  # noqa: E402

DATA = os.path.join(os.environ.get("MUSETAG_SHARED", "/work/shared"), "data", "train-v1")
HAVE_DATA = os.path.exists(os.path.join(DATA, "clips.csv"))
torch.set_num_threads(1)


@unittest.skipUnless(HAVE_DATA, f"train-v1 not found at {DATA} (set MUSETAG_SHARED): fold protocol tests skipped")
class FoldProtocolTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.clips = transfer.read_clips(DATA)
        cls.folds = np.array([int(c["fold"]) for c in cls.clips])
        cls.artists = np.array([c["artist"] if c["source"] == "4q" else "" for c in cls.clips])

    def test_no_artist_is_in_train_and_test_of_an_outer_fold(self):
        for tr, te in transfer.outer_splits(self.folds):
            a_tr = set(self.artists[tr]) - {""}
            a_te = set(self.artists[te]) - {""}
            self.assertEqual(a_tr & a_te, set())
            self.assertEqual(len(set(tr) & set(te)), 0)

    def test_no_artist_is_in_train_and_test_of_an_inner_fold(self):
        for tr, _ in transfer.outer_splits(self.folds):
            inner = transfer.inner_splits(self.folds, tr)
            self.assertEqual(len(inner), 4)
            for itr, ite in inner:
                self.assertEqual(set(self.artists[tr][itr]) & set(self.artists[tr][ite]) - {""}, set())

    def test_every_clip_is_predicted_once_out_of_fold(self):
        tests = np.concatenate([te for _, te in transfer.outer_splits(self.folds)])
        self.assertEqual(sorted(tests.tolist()), list(range(len(self.clips))))

    def test_run_candidate_predicts_every_clip_by_the_fold_that_held_it_out(self):
        gmask, quad, va = transfer.load_labels(self.clips)
        labels = (gmask, transfer.vocab_mask([c["source"] for c in self.clips]), quad, va)
        rng = np.random.default_rng(0)
        # features that carry the quadrant, so the head has something to learn
        x = rng.normal(size=(len(self.clips), 12)).astype(np.float32)
        x[quad >= 0, quad[quad >= 0]] += 2.0
        out, recs = transfer.run_candidate("mel", self.clips, labels, [("random", x)])
        self.assertEqual(len(recs), 5)
        for k, (_, te) in enumerate(transfer.outer_splits(self.folds)):
            self.assertTrue((out["fold_of"][te] == k).all())
        self.assertFalse(np.isnan(out["quad"]).any() or np.isnan(out["genre"]).any() or np.isnan(out["va"]).any())
        hq = quad >= 0
        self.assertGreater((out["quad"][hq].argmax(1) == quad[hq]).mean(), 0.6)
        # the point is always in the predicted quadrant
        self.assertTrue((transfer.quadrant_of(out["va"][hq]) == out["quad"][hq].argmax(1)).all())


class MetricsTest(unittest.TestCase):
    def test_quadrant_of_points(self):
        v = np.array([[0.5, 0.2], [-0.1, 0.3], [-0.2, -0.4], [0.3, -0.1]])
        self.assertEqual(transfer.quadrant_of(v).tolist(), [0, 1, 2, 3])

    def test_restricted_ece_of_a_hand_made_case(self):
        # two Emotify clips (classical, rock), 0.8 on the right genre and 0.6 on a wrong one:
        # bin 0.8: accuracy 1 vs 0.8; bin 0.6: accuracy 0 vs 0.6 -> ECE = (0.2 + 0.6) / 2
        g = transfer.GENRES
        probs = np.zeros((2, 14))
        probs[0, g.index("classical")], probs[0, g.index("pop")] = 0.8, 0.2
        probs[1, g.index("pop")], probs[1, g.index("rock")] = 0.6, 0.4
        gm = np.zeros((2, 14), bool)
        gm[0, g.index("classical")] = gm[1, g.index("rock")] = True
        self.assertAlmostEqual(transfer.restricted_ece(probs, gm, transfer.EMOTIFY_GENRES), 0.4)

    def test_genre_set_nll_counts_only_the_source_vocabulary(self):
        logits = torch.zeros(1, 14)
        gm = torch.zeros(1, 14, dtype=torch.bool)
        gm[0, transfer.GENRES.index("rock")] = True
        vm = torch.from_numpy(transfer.vocab_mask(["emotify"]))
        self.assertAlmostEqual(transfer.genre_set_nll(logits, gm, vm).item(), np.log(4), places=5)

    def test_pool_mean_std_max_over_windows(self):
        arr = np.array([[1.0], [3.0], [10.0]], dtype=np.float32)
        out = transfer.pool(arr, [np.array([0, 1]), np.array([2])])
        np.testing.assert_allclose(out, [[2.0, 1.0, 3.0], [10.0, 0.0, 10.0]])

    def test_even_windows_spread_over_the_clip(self):
        self.assertEqual(transfer.even_windows(10, 1).tolist(), [5])
        self.assertEqual(transfer.even_windows(10, 2).tolist(), [2, 7])
        self.assertEqual(transfer.even_windows(3, 5).tolist(), [0, 1, 2])

    def test_candidate_names(self):
        self.assertEqual(transfer.parse_candidate("all/mlp#musicnn=2"), (["msd", "mtt", "mn04"], "mlp", {"musicnn": 2}))
        with self.assertRaises(ValueError):
            transfer.parse_candidate("vggish")
        self.assertEqual(transfer.split_candidates("mel,msd+mn04#musicnn=1,mn04=2,all"),
                         ["mel", "msd+mn04#musicnn=1,mn04=2", "all"])


class HeadTest(unittest.TestCase):
    def test_head_puts_the_point_in_the_predicted_quadrant_and_exports_to_onnx(self):
        import tempfile
        torch.manual_seed(0)
        head = transfer.Head(10, 4, hidden=8).eval()
        x = torch.randn(64, 10)
        with torch.no_grad():
            head.proj.copy_(torch.randn(10, 4))
            g, q, v, gc = head(x)
        self.assertTrue(torch.allclose(g.sum(1), torch.ones(64), atol=1e-5))
        self.assertTrue(((gc > 0) & (gc < 1)).all())
        want = head.quad_signs[q.argmax(1)]
        self.assertTrue(((v * want) > 0).all())
        with tempfile.TemporaryDirectory() as d:
            m = transfer.export_head_onnx(head, os.path.join(d, "head.onnx"))
        self.assertEqual([o.name for o in m.graph.output], ["genre", "quadrant", "va", "genre_confidence"])


if __name__ == "__main__":
    unittest.main()
