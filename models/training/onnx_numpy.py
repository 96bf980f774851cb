"""The one numpy evaluator of ONNX graphs for the training pipeline and its tests: Debian's onnx 1.12 has no
onnx.reference and onnxruntime is not installed, so the exported files (musetag-base 1.x in train.py, the mn04 and
musicnn backbones, the bundled 2.x graph) are recomputed from their own nodes and initializers and compared with
torch. It covers the ops and attributes those graphs use; any other op or attribute value raises, so a graph it
cannot compute is never silently computed wrong.

    outputs = onnx_numpy.run("model.onnx" or a ModelProto, {"input name": array, ...})  # list, graph output order
"""
import os

import numpy as np
import onnx
from numpy.lib.stride_tricks import sliding_window_view
from onnx import numpy_helper

_NP_TYPE = onnx.mapping.TENSOR_TYPE_TO_NP_TYPE


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _windows(x, kernel, strides, pads, fill):
    """[N, C, *out, *kernel]: the strided windows of x padded with `fill` (pads as ONNX: all begins, then ends)."""
    nd = len(kernel)
    x = np.pad(x, [(0, 0), (0, 0)] + [(pads[i], pads[i + nd]) for i in range(nd)], constant_values=fill)
    win = sliding_window_view(x, tuple(kernel), axis=tuple(range(2, 2 + nd)))
    return win[(slice(None), slice(None)) + tuple(slice(None, None, s) for s in strides)]


def _conv(x, w, b, a):
    """N-d grouped convolution (dilation 1): each group's windows contracted with its kernels."""
    nd, g = x.ndim - 2, a.get("group", 1)
    if any(d != 1 for d in a.get("dilations", [1] * nd)) or a.get("auto_pad", b"NOTSET") != b"NOTSET":
        raise NotImplementedError("Conv with dilation or auto_pad")
    win = _windows(x, w.shape[2:], a.get("strides", [1] * nd), a.get("pads", [0] * 2 * nd), 0)
    n, c, out, k = win.shape[0], win.shape[1], win.shape[2:2 + nd], int(np.prod(w.shape[2:]))
    win = win.reshape(n, g, c // g, int(np.prod(out)), k)
    wg = w.reshape(g, w.shape[0] // g, c // g, k)
    y = np.einsum("ngcpk,gmck->ngmp", win, wg, optimize=True).reshape((n, w.shape[0]) + out)
    return y if b is None else y + b.reshape((1, -1) + (1,) * nd)


def _maxpool(x, a):
    nd = x.ndim - 2
    if a.get("ceil_mode", 0) or any(d != 1 for d in a.get("dilations", [1] * nd)) \
            or a.get("auto_pad", b"NOTSET") != b"NOTSET":
        raise NotImplementedError("MaxPool with ceil_mode, dilation or auto_pad")
    k = a["kernel_shape"]
    win = _windows(x, k, a.get("strides", [1] * nd), a.get("pads", [0] * 2 * nd), -np.inf)
    return win.max(axis=tuple(range(-nd, 0)))


def _pad(x, pads, value, mode):
    nd = x.ndim
    width = [(int(pads[i]), int(pads[i + nd])) for i in range(nd)]
    if mode == "constant":
        return np.pad(x, width, constant_values=0 if value is None else value.item())
    if mode in ("reflect", "edge"):
        return np.pad(x, width, mode=mode)
    raise NotImplementedError(f"Pad mode {mode}")


def _slice(x, starts, ends, axes=None, steps=None):
    axes = range(len(starts)) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    idx = [slice(None)] * x.ndim
    for s, e, ax, st in zip(starts, ends, axes, steps):
        idx[int(ax)] = slice(int(s), int(e), int(st))
    return x[tuple(idx)]


def _reduce(op, x, a, axes_input=None):
    """ReduceX with axes as attribute (opset < 18, ReduceSum < 13) or input; no axes: all of them."""
    axes = a.get("axes", None if axes_input is None else [int(v) for v in axes_input])
    if axes is None and a.get("noop_with_empty_axes", 0):
        return x
    f = {"ReduceMax": np.max, "ReduceMin": np.min, "ReduceMean": np.mean, "ReduceSum": np.sum}[op]
    return f(x, axis=None if axes is None else tuple(axes), keepdims=bool(a.get("keepdims", 1)))


def _unsqueeze(x, axes):
    n = x.ndim + len(axes)
    for ax in sorted(int(v) % n for v in axes):
        x = np.expand_dims(x, ax)
    return x


def _softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _gemm(i, a):
    A = i[0].T if a.get("transA", 0) else i[0]
    B = i[1].T if a.get("transB", 0) else i[1]
    y = a.get("alpha", 1.0) * (A @ B)
    return y + a.get("beta", 1.0) * i[2] if len(i) > 2 and i[2] is not None else y


_ELEMENTWISE = {
    "Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide, "MatMul": np.matmul,
    "Pow": np.power, "Max": np.maximum, "Min": np.minimum, "Equal": np.equal, "Greater": np.greater,
    "Less": np.less, "And": np.logical_and, "Or": np.logical_or,
    "Relu": lambda v: np.maximum(v, 0), "Sigmoid": lambda v: 1 / (1 + np.exp(-v)), "Tanh": np.tanh,
    "Log": np.log, "Exp": np.exp, "Sqrt": np.sqrt, "Abs": np.abs, "Neg": np.negative, "Not": np.logical_not,
    "Where": np.where,
}


def _node(op, i, a):
    if op == "Constant":
        if "value" not in a:
            raise NotImplementedError(f"Constant {sorted(a)}")
        return numpy_helper.to_array(a["value"])
    if op in ("Identity", "Dropout"):
        return i[0]
    if op == "Conv":
        return _conv(i[0], i[1], i[2] if len(i) > 2 else None, a)
    if op == "MaxPool":
        return _maxpool(i[0], a)
    if op == "Gemm":
        return _gemm(i, a)
    if op == "HardSigmoid":
        return np.clip(a.get("alpha", 0.2) * i[0] + a.get("beta", 0.5), 0, 1)
    if op == "Softmax":
        return _softmax(i[0], a.get("axis", -1))
    if op == "Clip":
        lo = i[1] if len(i) > 1 and i[1] is not None else a.get("min")
        hi = i[2] if len(i) > 2 and i[2] is not None else a.get("max")
        return np.clip(i[0], lo, hi)
    if op in ("ReduceMax", "ReduceMin", "ReduceMean", "ReduceSum"):
        return _reduce(op, i[0], a, i[1] if len(i) > 1 else None)
    if op in ("ArgMax", "ArgMin"):
        if a.get("select_last_index", 0):
            raise NotImplementedError(f"{op} select_last_index")
        f = np.argmax if op == "ArgMax" else np.argmin
        y = f(i[0], axis=a.get("axis", 0))
        return (np.expand_dims(y, a.get("axis", 0)) if a.get("keepdims", 1) else y).astype(np.int64)
    if op == "Cast":
        return i[0].astype(_NP_TYPE[a["to"]])
    if op == "Concat":
        return np.concatenate(i, axis=a["axis"])
    if op == "Slice":
        return _slice(i[0], *i[1:])
    if op == "Transpose":
        return np.transpose(i[0], a.get("perm"))
    if op == "Reshape":
        if a.get("allowzero", 0):
            raise NotImplementedError("Reshape allowzero")
        return i[0].reshape([i[0].shape[k] if d == 0 else int(d) for k, d in enumerate(i[1])])
    if op == "Flatten":
        ax = a.get("axis", 1) % max(i[0].ndim, 1)
        return i[0].reshape(int(np.prod(i[0].shape[:ax])), -1)
    if op == "Unsqueeze":
        return _unsqueeze(i[0], a["axes"] if "axes" in a else i[1])
    if op == "Squeeze":
        axes = a.get("axes", None if len(i) < 2 or i[1] is None else i[1])
        return np.squeeze(i[0], axis=None if axes is None else tuple(int(v) for v in axes))
    if op == "Expand":
        return i[0] * np.ones(tuple(int(d) for d in i[1]), dtype=i[0].dtype)
    if op == "Pad":
        return _pad(i[0], i[1], i[2] if len(i) > 2 else None, a.get("mode", b"constant").decode())
    if op == "ConstantOfShape":
        v = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
        return np.full(tuple(int(d) for d in i[0]), v.item(), dtype=v.dtype)
    if op == "Shape":
        return np.array(i[0].shape, dtype=np.int64)[a.get("start", 0):a.get("end")]
    if op == "Gather":
        return np.take(i[0], i[1], axis=a.get("axis", 0))
    if op in _ELEMENTWISE:
        return _ELEMENTWISE[op](*i)
    raise NotImplementedError(op)


def run(model_path_or_proto, feeds):
    """The graph's outputs (numpy arrays, in the graph's output order) for `feeds` {input name: array}."""
    m = onnx.load(model_path_or_proto) if isinstance(model_path_or_proto, (str, os.PathLike)) else model_path_or_proto
    env = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    env.update({k: np.asarray(v) for k, v in feeds.items()})
    for node in m.graph.node:
        if node.domain not in ("", "ai.onnx"):
            raise NotImplementedError(f"{node.domain}.{node.op_type}")
        i = [env[n] if n else None for n in node.input]
        y = np.asarray(_node(node.op_type, i, _attrs(node)))
        # numpy widens float32 to float64 on python floats (alpha, beta, clip bounds); the graph computes in the
        # types of its inputs, so a float64 result that no float64 input or Cast asked for is brought back
        if y.dtype == np.float64 and node.op_type != "Cast" and not any(
                v is not None and v.dtype == np.float64 for v in i):
            y = y.astype(np.float32)
        env[node.output[0]] = y
    return [env[o.name] for o in m.graph.output]
