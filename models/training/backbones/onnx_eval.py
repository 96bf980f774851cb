"""A small numpy evaluator for the ONNX ops the backbone graphs use (Debian's onnx 1.12 has no onnx.reference and
onnxruntime is not available here). It recomputes an exported file from its own nodes and initializers, so a test
can compare the file's outputs with torch's. Unknown ops raise."""
import numpy as np
import onnx
from numpy.lib.stride_tricks import sliding_window_view
from onnx import numpy_helper

_DTYPES = {1: np.float32, 6: np.int32, 7: np.int64, 10: np.float16, 11: np.float64}


def _conv(x, w, b, a):
    """N-d convolution, group 1, no dilation: windows of the padded input contracted with the kernel."""
    nd = w.ndim - 2
    assert a.get("group", 1) == 1 and all(d == 1 for d in a.get("dilations", [1] * nd))
    pads = a.get("pads", [0] * 2 * nd)
    strides = a.get("strides", [1] * nd)
    x = np.pad(x, [(0, 0), (0, 0)] + [(pads[i], pads[i + nd]) for i in range(nd)])
    win = sliding_window_view(x, w.shape[2:], axis=tuple(range(2, 2 + nd)))  # [N, C, *out, *k]
    win = win[(slice(None), slice(None)) + tuple(slice(None, None, s) for s in strides)]
    y = np.tensordot(win, w, axes=([1] + list(range(2 + nd, 2 + 2 * nd)), [1] + list(range(2, 2 + nd))))
    y = np.moveaxis(y, -1, 1)  # [N, M, *out]
    return y + b.reshape((1, -1) + (1,) * nd) if b is not None else y


def _slice(x, starts, ends, axes=None, steps=None):
    axes = range(len(starts)) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    idx = [slice(None)] * x.ndim
    for s, e, ax, st in zip(starts, ends, axes, steps):
        idx[int(ax)] = slice(int(s), int(e), int(st))
    return x[tuple(idx)]


def run(model_path, feeds):
    m = onnx.load(model_path)
    env = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    env.update(feeds)
    for node in m.graph.node:
        a = {at.name: onnx.helper.get_attribute_value(at) for at in node.attribute}
        i = [env[n] if n else None for n in node.input]
        op = node.op_type
        if op == "Constant":
            out = numpy_helper.to_array(a["value"])
        elif op == "Conv":
            out = _conv(i[0], i[1], i[2] if len(i) > 2 else None, a)
        elif op in ("Add", "Sub", "Mul", "Div", "MatMul"):
            out = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide, "MatMul": np.matmul}[op](i[0], i[1])
        elif op == "Relu":
            out = np.maximum(i[0], 0)
        elif op == "Sigmoid":
            out = 1.0 / (1.0 + np.exp(-i[0]))
        elif op == "Log":
            out = np.log(i[0])
        elif op == "Cast":
            out = i[0].astype(_DTYPES[a["to"]])
        elif op in ("ReduceMax", "ReduceMean"):
            f = np.max if op == "ReduceMax" else np.mean
            out = f(i[0], axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))
        elif op == "Concat":
            out = np.concatenate(i, axis=a["axis"])
        elif op == "Slice":
            out = _slice(i[0], *i[1:])
        elif op == "Transpose":
            out = np.transpose(i[0], a.get("perm"))
        elif op == "Reshape":
            shape = [i[0].shape[k] if d == 0 else d for k, d in enumerate(i[1])]
            out = i[0].reshape(shape)
        elif op == "Unsqueeze":
            out = np.expand_dims(i[0], tuple(int(d) for d in i[1]))
        elif op == "Gemm":
            A = i[0].T if a.get("transA", 0) else i[0]
            B = i[1].T if a.get("transB", 0) else i[1]
            out = a.get("alpha", 1.0) * (A @ B) + (a.get("beta", 1.0) * i[2] if len(i) > 2 else 0)
        else:
            raise NotImplementedError(op)
        out = np.asarray(out)
        # keep float32 as float32 (numpy would widen on python floats); other dtypes as computed
        env[node.output[0]] = out.astype(np.float32) if out.dtype == np.float64 else out
    return [env[o.name] for o in m.graph.output]
