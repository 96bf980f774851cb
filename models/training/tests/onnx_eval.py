"""A small numpy evaluator for the ONNX ops of the exported mn04 graph (the Debian onnx 1.12 has no
onnx.reference and onnxruntime is not installed), so the test can compare the exported file with torch.
Covers exactly the ops and attributes that graph uses; anything else raises."""
import numpy as np
import onnx
from onnx import numpy_helper


def _conv(x, w, b, a):
    """N-d (1-d or 2-d) grouped convolution, dilation 1."""
    assert all(d == 1 for d in a.get("dilations", [1]))
    nd, g = x.ndim - 2, a.get("group", 1)
    strides = a.get("strides", [1] * nd)
    pads = a.get("pads", [0] * 2 * nd)
    x = np.pad(x, [(0, 0), (0, 0)] + [(pads[i], pads[i + nd]) for i in range(nd)])
    k = w.shape[2:]
    win = np.lib.stride_tricks.sliding_window_view(x, k, axis=tuple(range(2, 2 + nd)))
    win = win[(slice(None), slice(None)) + tuple(slice(None, None, s) for s in strides)]  # [n, c, *out, *k]
    n, c = win.shape[:2]
    out = win.shape[2:2 + nd]
    win = win.reshape(n, g, c // g, int(np.prod(out)), int(np.prod(k)))
    wg = w.reshape(g, w.shape[0] // g, c // g, int(np.prod(k)))
    y = np.einsum("ngcpk,gmck->ngmp", win, wg, optimize=True).reshape((n, w.shape[0]) + out)
    return (y if b is None else y + b.reshape((1, -1) + (1,) * nd)).astype(np.float32)


def _pad(x, pads, mode):
    nd = x.ndim
    width = [(int(pads[i]), int(pads[i + nd])) for i in range(nd)]
    return np.pad(x, width, mode="reflect" if mode == "reflect" else "constant")


def run(model, feeds):
    env = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    env.update(feeds)
    for node in model.graph.node:
        a = {at.name: onnx.helper.get_attribute_value(at) for at in node.attribute}
        i = [env[n] if n else None for n in node.input]
        op = node.op_type
        if op == "Constant":
            y = numpy_helper.to_array(a["value"])
        elif op == "Conv":
            y = _conv(i[0], i[1], i[2] if len(i) > 2 else None, a)
        elif op == "Gemm":
            A = i[0].T if a.get("transA", 0) else i[0]
            B = i[1].T if a.get("transB", 0) else i[1]
            y = a.get("alpha", 1.0) * A @ B + (a.get("beta", 1.0) * i[2] if len(i) > 2 else 0)
        elif op == "HardSigmoid":
            y = np.clip(a.get("alpha", 0.2) * i[0] + a.get("beta", 0.5), 0, 1)
        elif op == "ReduceMean":
            y = i[0].mean(axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))
        elif op == "Unsqueeze":
            y = i[0]
            for ax in sorted(int(v) % (i[0].ndim + len(i[1])) for v in i[1]):
                y = np.expand_dims(y, ax)
        elif op == "Slice":
            sl = [slice(None)] * i[0].ndim
            axes = i[3] if len(i) > 3 and i[3] is not None else range(len(i[1]))
            steps = i[4] if len(i) > 4 and i[4] is not None else [1] * len(i[1])
            for s, e, ax, st in zip(i[1], i[2], axes, steps):
                sl[int(ax)] = slice(int(s), int(e), int(st))
            y = i[0][tuple(sl)]
        elif op == "Reshape":
            shape = [d if d != 0 else i[0].shape[k] for k, d in enumerate(i[1])]
            y = i[0].reshape(shape)
        elif op == "Pad":
            y = _pad(i[0], i[1], a.get("mode", b"constant").decode())
        elif op == "ConstantOfShape":
            v = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
            y = np.full(tuple(int(d) for d in i[0]), v.item(), dtype=v.dtype)
        elif op == "Cast":
            y = i[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[a["to"]])
        elif op == "Concat":
            y = np.concatenate(i, axis=a["axis"])
        elif op == "Transpose":
            y = i[0].transpose(a["perm"])
        elif op == "Shape":
            y = np.array(i[0].shape, dtype=np.int64)
        elif op == "Gather":
            y = np.take(i[0], i[1], axis=a.get("axis", 0))
        else:
            f = {"Mul": np.multiply, "Add": np.add, "Sub": np.subtract, "Div": np.divide, "MatMul": np.matmul,
                 "Relu": lambda v: np.maximum(v, 0), "Sigmoid": lambda v: 1 / (1 + np.exp(-v)), "Log": np.log}
            if op not in f:
                raise NotImplementedError(op)
            y = f[op](*i)
        env[node.output[0]] = np.asarray(y)
    return [env[o.name] for o in model.graph.output]
