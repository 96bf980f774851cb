"""Tests of models/training/onnx_numpy.py, the numpy ONNX evaluator the pipeline checks its exported files with:
the operators whose attributes the backbone and bundle graphs rely on, each against torch exported on the spot,
and the musetag-base 1.x graph exactly as train.py exports it. The backbone and bundle graphs themselves are
checked in test_mn04_port.py, test_musicnn_port.py and test_bundle.py.

    /usr/bin/python3 -m unittest discover -s models/training/tests       (from the repository root)
"""
import os
import sys
import tempfile
import unittest
import warnings

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import onnx_numpy  # noqa: E402

torch.set_num_threads(1)


def export_and_run(module, x, opset=13):
    """(what the exported file computes by onnx_numpy, what torch computes) for input x."""
    module = module.eval()
    with tempfile.TemporaryDirectory() as d, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = os.path.join(d, "m.onnx")
        torch.onnx.export(module, x, path, opset_version=opset, input_names=["x"],
                          dynamic_axes={"x": {0: "n"}})
        got = onnx_numpy.run(path, {"x": x.numpy()})
    with torch.no_grad():
        want = module(x)
    return got, [w.numpy() for w in (want if isinstance(want, tuple) else (want,))]


class Lambda(nn.Module):
    def __init__(self, f):
        super().__init__()
        self.f = f

    def forward(self, x):
        return self.f(x)


class OperatorTest(unittest.TestCase):
    def check(self, module, x, atol=1e-5):
        got, want = export_and_run(module, x)
        self.assertEqual(len(want), len(got))
        for g, w in zip(got, want):
            self.assertEqual(w.shape, g.shape)
            self.assertEqual(w.dtype, g.dtype)
            np.testing.assert_allclose(g, w, rtol=0, atol=atol)

    def test_grouped_strided_padded_convolutions(self):
        torch.manual_seed(0)
        self.check(nn.Conv2d(6, 4, (3, 5), stride=(2, 1), padding=(1, 2), groups=2), torch.randn(2, 6, 9, 11))
        self.check(nn.Conv2d(4, 4, 3, stride=2, padding=1, groups=4), torch.randn(1, 4, 8, 7))  # depthwise
        self.check(nn.Conv1d(3, 5, 7, stride=3, padding=2), torch.randn(2, 3, 40))

    def test_max_pool_with_strides_and_padding(self):
        x = torch.randn(2, 3, 9, 10, generator=torch.Generator().manual_seed(1))
        self.check(nn.MaxPool2d((2, 3), stride=(2, 2), padding=(1, 1)), x)
        self.check(nn.MaxPool2d(2), -x.abs())  # all negative: padding must not win

    def test_slices_with_steps_reductions_and_shapes(self):
        x = torch.randn(2, 5, 12, generator=torch.Generator().manual_seed(2))
        self.check(Lambda(lambda v: v[:, 1:4, ::3]), x)
        self.check(Lambda(lambda v: (v.max(2)[0], v.mean(1, keepdim=True), v.amax((1, 2)))), x)
        self.check(Lambda(lambda v: v.reshape(v.shape[0], -1) * v.new_ones(v.shape[0], 60)), x)  # Shape, Gather

    def test_activations_softmax_and_elementwise(self):
        x = torch.randn(3, 7, generator=torch.Generator().manual_seed(3))
        self.check(Lambda(lambda v: (nn.functional.hardsigmoid(v), torch.tanh(v), torch.softmax(v, 1),
                                     torch.sqrt(v.abs()) ** 1.5, torch.sigmoid(v).clamp(0.2, 0.7))), x)
        self.check(Lambda(lambda v: torch.where(v > 0, v, v.new_tensor(0.01))), x)

    def test_pad_constant_and_reflect(self):
        x = torch.randn(2, 1, 20, generator=torch.Generator().manual_seed(4))
        self.check(Lambda(lambda v: nn.functional.pad(v, (3, 2), mode="reflect")), x)
        self.check(Lambda(lambda v: nn.functional.pad(v, (1, 4), value=0.5)), x)

    def test_unknown_operator_is_refused(self):
        x = torch.randn(2, 4, generator=torch.Generator().manual_seed(5))
        with self.assertRaisesRegex(NotImplementedError, "Erf"):
            export_and_run(Lambda(torch.erf), x)


class MuseNetExportTest(unittest.TestCase):
    """The 1.x graph through train.export_onnx, as train.py's export check computes it."""

    def test_train_export_computes_what_torch_computes(self):
        import train
        train._import_training_modules()
        torch.manual_seed(6)
        net = train.MuseNet().eval()
        with torch.no_grad():
            net.mel_mean.normal_(-40, 5)
            net.mel_inv_std.uniform_(0.05, 0.2)
            net.set_temperatures(1.3, 0.7)
            for m in net.modules():  # batch norm statistics away from identity
                if isinstance(m, nn.BatchNorm2d):
                    m.running_mean.normal_(0, 0.1)
                    m.running_var.uniform_(0.5, 2)
        x = torch.randn(3, 1, train.N_MELS, train.PATCH_FRAMES, generator=torch.Generator().manual_seed(7)) * 10 - 40
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "musetag-base.onnx")
            train.export_onnx(net, path, {"version": "0.0.0-test"})
            got = onnx_numpy.run(path, {"mel": x.numpy()})
        with torch.no_grad():
            want = [t.numpy() for t in net(x)]
        for g, w in zip(got, want):  # train.py asserts < 1e-4 on the same comparison
            np.testing.assert_allclose(g, w, rtol=0, atol=1e-4)


if __name__ == "__main__":
    unittest.main()
