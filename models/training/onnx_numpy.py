"""A minimal numpy evaluator for the ONNX ops musetag-base uses (onnxruntime is not available to the training
environment). Used to verify the exported file against torch, and to compute the parity predictions from the
file itself. Unknown ops raise."""
import numpy as np
import onnx
from onnx import numpy_helper


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _conv(x, w, b, a):
    n, c, h, wd = x.shape
    m, cg, kh, kw = w.shape
    assert a.get("group", 1) == 1 and tuple(a.get("dilations", [1, 1])) == (1, 1)
    sh, sw = a.get("strides", [1, 1])
    pt, pl, pb, pr = a.get("pads", [0, 0, 0, 0])
    xp = np.pad(x, ((0, 0), (0, 0), (pt, pb), (pl, pr)))
    oh = (h + pt + pb - kh) // sh + 1
    ow = (wd + pl + pr - kw) // sw + 1
    cols = np.empty((n, c, kh, kw, oh, ow), dtype=np.float32)
    for i in range(kh):
        for j in range(kw):
            cols[:, :, i, j] = xp[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw]
    y = np.einsum("nkhw,mk->nmhw", cols.reshape(n, c * kh * kw, oh, ow), w.reshape(m, -1), optimize=True)
    if b is not None:
        y = y + b.reshape(1, -1, 1, 1)
    return y.astype(np.float32)


def _maxpool(x, a):
    kh, kw = a["kernel_shape"]
    sh, sw = a.get("strides", [1, 1])
    assert not any(a.get("pads", [0, 0, 0, 0])) and not a.get("ceil_mode", 0)
    n, c, h, w = x.shape
    oh, ow = (h - kh) // sh + 1, (w - kw) // sw + 1
    y = np.full((n, c, oh, ow), -np.inf, dtype=np.float32)
    for i in range(kh):
        for j in range(kw):
            y = np.maximum(y, x[:, :, i:i + sh * oh:sh, j:j + sw * ow:sw])
    return y


def run(model_path_or_proto, feeds):
    m = onnx.load(model_path_or_proto) if isinstance(model_path_or_proto, str) else model_path_or_proto
    env = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    env.update(feeds)
    for node in m.graph.node:
        a, i = _attrs(node), [env[n] if n else None for n in node.input]
        op = node.op_type
        if op == "Conv":
            out = _conv(i[0], i[1], i[2] if len(i) > 2 else None, a)
        elif op == "MaxPool":
            out = _maxpool(i[0], a)
        elif op == "Relu":
            out = np.maximum(i[0], 0)
        elif op == "Tanh":
            out = np.tanh(i[0])
        elif op in ("Identity", "Dropout"):
            out = i[0]
        elif op == "Mul":
            out = i[0] * i[1]
        elif op == "Sub":
            out = i[0] - i[1]
        elif op == "Add":
            out = i[0] + i[1]
        elif op == "Div":
            out = i[0] / i[1]
        elif op in ("ReduceMean", "ReduceMax"):
            f = np.mean if op == "ReduceMean" else np.max
            out = f(i[0], axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))
        elif op == "Concat":
            out = np.concatenate(i, axis=a["axis"])
        elif op == "Gemm":
            A = i[0].T if a.get("transA", 0) else i[0]
            B = i[1].T if a.get("transB", 0) else i[1]
            out = a.get("alpha", 1.0) * (A @ B)
            if len(i) > 2 and i[2] is not None:
                out = out + a.get("beta", 1.0) * i[2]
        elif op == "Softmax":
            x = i[0] - i[0].max(axis=a.get("axis", -1), keepdims=True)
            e = np.exp(x)
            out = e / e.sum(axis=a.get("axis", -1), keepdims=True)
        elif op == "Constant":
            out = numpy_helper.to_array(a["value"])
        else:
            raise NotImplementedError(op)
        env[node.output[0]] = np.asarray(out, dtype=np.float32)
    return [env[o.name] for o in m.graph.output]
