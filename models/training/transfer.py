"""Transfer, measured (issue 13): genre / quadrant / valence-arousal heads on frozen pretrained-backbone features.

Reads clips.csv and cached per-window backbone features (`clip_id`, `offset`, `count`, `start` + per-window layer
arrays), pools them per clip (mean, std and max over windows), and runs the 1.1.0 fold protocol: five artist-grouped
outer folds ({0,1},{2,3},{4,5},{6,7},{8,9}); every clip is predicted once, by a head that never saw its fold. Inside
each outer fold, the four remaining fold pairs are the inner folds: they choose the regularisation (linear heads) and
give the inner out-of-fold predictions that fit the calibration (quadrant and genre temperatures, the valence/arousal
stretch). Nothing is chosen on the outer test fold.

    /usr/bin/python3 models/training/transfer.py --candidates mel,msd,all --cache DIR1,DIR2 --data ../shared/data/train-v1

A candidate is `source+source...` (sources: mel, msd, mtt, mn04; `all` = msd+mtt+mn04), optionally followed by
`/mlp` (a shared-trunk MLP trained on the three tasks jointly) and `#musicnn=K,mn04=K` (K windows per clip, spread
evenly over the clip, instead of all cached ones). Writes `<out>/<candidate>.json` (metrics + out-of-fold predictions
per clip) and `<out>/comparison.md`.

Importable: `Head` is the torch module that the ONNX export puts after the backbones (pooled features in; genre,
quadrant probabilities and the valence/arousal point out, calibration and the point/label agreement inside).
"""
import argparse
import csv
import json
import os
import re
import sys
import time

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import report  # noqa: E402
from model import GENRES, QUADRANTS  # noqa: E402

CV_FOLDS = [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9)]
EMOTIFY_GENRES = ["classical", "electronic", "pop", "rock"]
GTZAN_GENRES = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]
SOURCE_VOCAB = {"4q": GENRES, "emotify": EMOTIFY_GENRES, "gtzan": GTZAN_GENRES}
# the sign of (valence, arousal) in each quadrant
QUAD_SIGNS = np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]], dtype=np.float32)

# source -> (cache file, layers pooled, window family)
SOURCES = {
    "mel": ("mel.npz", ["mean", "std"], "mel"),
    "msd": ("musicnn-msd.npz", ["pooled", "bn_dense", "tags"], "musicnn"),
    "mtt": ("musicnn-mtt.npz", ["pooled", "bn_dense", "tags"], "musicnn"),
    "mn04": ("mn04.npz", ["embedding", "tags"], "mn04"),
}
ALIASES = {"all": "msd+mtt+mn04"}
LAMBDAS = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0]  # L2 grid for every linear head (objective: sum of losses + λ/2 |W|²)
MAX_COMPONENTS = 512                            # principal components of the standardised pooled features kept
SNAP = 0.01                                     # |coordinate| given to a point moved into the predicted quadrant
N_VIEWS = 6                                     # augmented views (random window subsets) per clip for the MLP
MLP = {"hidden": 256, "dropout": 0.5, "weight_decay": 1e-2, "epochs": 60, "batch": 64, "lr": 2e-3, "input_noise": 0.3}


# ------------------------------------------------------------------------------------------------------------ data
def read_clips(data):
    with open(os.path.join(data, "clips.csv"), newline="") as fh:
        return list(csv.DictReader(fh))


def load_labels(clips):
    """(genre label sets [n,14] bool, quadrant [n] (−1 none), va [n,2] (nan none)), as train.py reads them."""
    n = len(clips)
    gmask = np.zeros((n, len(GENRES)), dtype=bool)
    quad = np.full(n, -1, dtype=np.int64)
    va = np.full((n, 2), np.nan, dtype=np.float32)
    for i, c in enumerate(clips):
        for g in filter(None, c["genres"].split(";")):
            for part in g.split("|"):
                gmask[i, GENRES.index(part)] = True
        if c["quadrant"]:
            quad[i] = QUADRANTS.index(c["quadrant"])
        if c["valence_words"] and c["arousal_words"]:
            va[i] = [float(c["valence_words"]), float(c["arousal_words"])]
    return gmask, quad, va


def vocab_mask(sources):
    """[n,14] bool: the genres a clip's source can label (its training softmax runs over these only)."""
    return np.array([[g in SOURCE_VOCAB[s] for g in GENRES] for s in sources])


def outer_splits(folds):
    """[(train indices, test indices)] of the five outer folds."""
    folds = np.asarray(folds)
    return [(np.where(~np.isin(folds, fp))[0], np.where(np.isin(folds, fp))[0]) for fp in CV_FOLDS]


def inner_splits(folds, train_idx):
    """Inner folds inside one outer training set: its remaining fold pairs, as positions into train_idx."""
    f = np.asarray(folds)[train_idx]
    out = []
    for fp in CV_FOLDS:
        te = np.where(np.isin(f, fp))[0]
        if len(te):
            out.append((np.where(~np.isin(f, fp))[0], te))
    return out


# -------------------------------------------------------------------------------------------------------- features
class WindowCache:
    """One backbone's cached per-window features, reordered to clips.csv."""

    def __init__(self, path, clip_ids):
        z = np.load(path)
        pos = {c: i for i, c in enumerate(z["clip_id"].tolist())}
        missing = [c for c in clip_ids if c not in pos]
        if missing:
            raise ValueError(f"{path}: {len(missing)} clips of clips.csv are not cached (first: {missing[0]})")
        order = np.array([pos[c] for c in clip_ids])
        self.path = path
        self.offset, self.count = z["offset"][order].astype(np.int64), z["count"][order].astype(np.int64)
        self.layers = {k: z[k] for k in z.files if k not in ("clip_id", "offset", "count", "start")
                       and z[k].ndim == 2 and z[k].shape[0] == int(z["count"].sum())}
        self.clip_layers = {k: z[k][order] for k in z.files if k.startswith("clip_")}


def even_windows(count, k):
    """k window indices spread evenly over a clip's count windows (the middle of k equal parts); all when k ≥ count."""
    if k is None or k >= count:
        return np.arange(count)
    return (count * (2 * np.arange(k) + 1)) // (2 * k)


def pool(arr, rows_per_clip, how="msm"):
    """Per clip mean ‖ std ‖ max (how='msm') or mean only over the given window rows."""
    lens = np.array([len(r) for r in rows_per_clip])
    rows = np.concatenate(rows_per_clip)
    x = arr[rows].astype(np.float64)
    st = np.concatenate([[0], np.cumsum(lens)[:-1]])
    mean = np.add.reduceat(x, st, axis=0) / lens[:, None]
    if how == "mean":
        return mean.astype(np.float32)
    sq = np.add.reduceat(x * x, st, axis=0) / lens[:, None]
    std = np.sqrt(np.maximum(sq - mean * mean, 0.0))
    mx = np.maximum.reduceat(x, st, axis=0)
    return np.concatenate([mean, std, mx], axis=1).astype(np.float32)


def parse_candidate(name):
    """'msd+mn04/mlp#musicnn=2,mn04=1' -> (sources, model, windows per family)."""
    m = re.fullmatch(r"([a-z0-9+]+)(/mlp)?(#[a-z0-9=,]+)?", name)
    if not m:
        raise ValueError(f"candidate {name!r}: expected sources joined by '+', optional /mlp and #family=K,...")
    srcs = []
    for s in m.group(1).split("+"):
        for t in ALIASES.get(s, s).split("+"):
            if t not in SOURCES:
                raise ValueError(f"candidate {name!r}: unknown source {t!r} (known: {', '.join(SOURCES)}, all)")
            srcs.append(t)
    windows = {}
    if m.group(3):
        for kv in m.group(3)[1:].split(","):
            fam, k = kv.split("=")
            windows[fam] = int(k)
    return srcs, ("mlp" if m.group(2) else "linear"), windows


def find_cache(fname, cache_dirs):
    for d in cache_dirs:
        p = os.path.join(d, fname)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(f"{fname} is in none of: {', '.join(cache_dirs)}")


def random_windows(count, rng):
    """A random non-empty subset of a clip's windows (size uniform in 1..count): augmentation by window sampling."""
    return np.sort(rng.choice(count, size=int(rng.integers(1, count + 1)), replace=False))


def candidate_blocks(name, clip_ids, cache_dirs, caches=None, rng=None):
    """[(block name, [n, d] pooled features)] and a description of what the candidate consumes. With rng, each
    clip's windows are a random subset instead (an augmented view of the same blocks)."""
    srcs, _, windows = parse_candidate(name)
    caches = {} if caches is None else caches
    blocks, consumes = [], []
    for s in srcs:
        fname, layers, fam = SOURCES[s]
        if s not in caches:
            caches[s] = WindowCache(find_cache(fname, cache_dirs), clip_ids)
        wc = caches[s]
        k = windows.get(fam)
        if s == "mel" and k is None and "clip_mean" in wc.clip_layers:
            blocks.append(("mel:clip_mean+std", np.concatenate([wc.clip_layers["clip_mean"],
                                                                 wc.clip_layers["clip_std"]], 1)))
            consumes.append({"source": s, "layers": ["clip mean", "clip std"], "windows": "every frame"})
            continue
        if rng is None:
            rows = [o + even_windows(c, k) for o, c in zip(wc.offset, wc.count)]
        else:
            rows = [o + random_windows(c, rng) for o, c in zip(wc.offset, wc.count)]
        for layer in layers:
            blocks.append((f"{s}:{layer}", pool(wc.layers[layer], rows)))
        consumes.append({"source": s, "layers": layers, "pooling": "mean+std+max over windows",
                         "windows": "all cached" if k is None else k,
                         "mean_windows_used": float(np.mean([len(r) for r in rows]))})
    return blocks, consumes


# ------------------------------------------------------------------------------------------------------------ head
class Head(nn.Module):
    """Pooled backbone features [N, d] -> (genre probs [N,14], quadrant probs [N,4], va [N,2], genre confidence [N]).

    The genre confidence is P(top genre is one of the track's genres), Platt-scaled from the top probability: with
    multi-label training sets the top probability itself under-states it (mass is split across a pop|rock set).

    Inside: per-feature standardisation (block-weighted), projection on the training set's principal components,
    an optional shared trunk (Linear + ReLU + dropout), three linear heads, calibration temperatures, the va stretch
    (about the inner out-of-fold mean), and the point/label agreement: a coordinate whose sign disagrees with the
    predicted quadrant is moved to ±SNAP on the quadrant's side."""

    def __init__(self, d_in, n_comp, hidden=0, dropout=0.0):
        super().__init__()
        self.register_buffer("mu", torch.zeros(d_in))
        self.register_buffer("scale", torch.ones(d_in))
        self.register_buffer("proj", torch.zeros(d_in, n_comp))
        self.register_buffer("genre_inv_t", torch.ones(1))
        self.register_buffer("quad_inv_t", torch.ones(1))
        self.register_buffer("genre_conf_ab", torch.tensor([1.0, 0.0]))
        self.register_buffer("va_centre", torch.zeros(2))
        self.register_buffer("va_stretch", torch.ones(2))
        self.register_buffer("quad_signs", torch.from_numpy(QUAD_SIGNS))
        self.hidden = hidden
        self.trunk = nn.Sequential(nn.Linear(n_comp, hidden), nn.ReLU(), nn.Dropout(dropout)) if hidden else None
        w = hidden or n_comp
        self.genre = nn.Linear(w, len(GENRES))
        self.quad = nn.Linear(w, len(QUADRANTS))
        self.va = nn.Linear(w, 2)

    def components(self, x):
        return ((x - self.mu) * self.scale) @ self.proj

    def raw(self, p):
        """From principal components: genre logits, quadrant logits, raw va (no calibration)."""
        h = self.trunk(p) if self.trunk is not None else p
        return self.genre(h), self.quad(h), self.va(h)

    def finish(self, g, q, v):
        gp = torch.softmax(g * self.genre_inv_t, 1)
        top = gp.max(1)[0].clamp(1e-6, 1 - 1e-6)
        gconf = torch.sigmoid(self.genre_conf_ab[0] * torch.log(top / (1 - top)) + self.genre_conf_ab[1])
        qp = torch.softmax(q * self.quad_inv_t, 1)
        v = self.va_centre + self.va_stretch * (v - self.va_centre)
        want = self.quad_signs[qp.argmax(1)]
        v = torch.where(v * want > 0, v, want * SNAP)
        return gp, qp, v, gconf

    def forward(self, x):
        return self.finish(*self.raw(self.components(x)))


def standardiser(blocks, idx):
    """mu, scale over the training rows: z-score per feature, each block then weighted 1/sqrt(its width). Tag
    probability blocks (`*:tags`) are centred and scaled as a whole instead (one scale, their RMS std): z-scoring
    hundreds of near-constant class probabilities would blow their noise up to the weight of real features."""
    mus, scales = [], []
    for name, b in blocks:
        x = b[idx].astype(np.float64)
        mu, sd = x.mean(0), x.std(0)
        if name.endswith(":tags"):
            sd = np.full_like(sd, np.sqrt(np.mean(sd * sd)))
        sd = np.where(sd > 1e-6 * max(sd.max(), 1e-12), sd, np.inf)
        mus.append(mu)
        scales.append(1.0 / sd / np.sqrt(b.shape[1]))
    return np.concatenate(mus), np.concatenate(scales)


def principal(z, max_comp=MAX_COMPONENTS):
    """[d, r] principal directions of the (already centred) training matrix z."""
    _, s, vt = np.linalg.svd(z, full_matrices=False)
    r = min(max_comp, int((s > 1e-6 * s[0]).sum()))
    return vt[:r].T


# ---------------------------------------------------------------------------------------------------------- losses
def genre_set_nll(logits, gm, vm):
    """Mean −log Σ_{g∈S} p_g with p the softmax over the clip's source vocabulary (clips with a label only)."""
    lse_all = torch.logsumexp(logits.masked_fill(~vm, -1e4), 1)
    lse_set = torch.logsumexp(logits.masked_fill(~gm, -1e4), 1)
    return lse_all - lse_set


def fit_logistic(p, loss_fn, n_out, lam, init=None, iters=100):
    """Linear classifier on components p by L-BFGS: sum of per-clip losses + λ/2 |W|² (bias free)."""
    p = p.float()                                          # float32: twice as fast, precise enough here
    w = torch.zeros(p.shape[1], n_out, requires_grad=True)
    b = torch.zeros(n_out, requires_grad=True)
    if init is not None:
        with torch.no_grad():
            w.copy_(init[0]); b.copy_(init[1])
    opt = torch.optim.LBFGS([w, b], lr=1, max_iter=iters, tolerance_grad=1e-5, tolerance_change=1e-9,
                            history_size=20, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = loss_fn(p @ w + b).sum() + 0.5 * lam * (w * w).sum()
        loss.backward()
        return loss
    opt.step(closure)
    return w.detach().double(), b.detach().double()


def fit_ridge(p, y, lam):
    """Ridge on components p (intercept free): returns W [r,2], b [2]."""
    mp, my = p.mean(0), y.mean(0)
    pc = p - mp
    w = np.linalg.solve(pc.T @ pc + lam * np.eye(p.shape[1]), pc.T @ (y - my))
    return w, my - mp @ w


def softmax_np(z):
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def fit_temperature(logits, nll):
    """T on a log grid minimising nll(softmax(logits / T))."""
    grid = np.exp(np.linspace(np.log(0.05), np.log(10.0), 201))
    vals = [nll(softmax_np(logits / t)) for t in grid]
    return float(grid[int(np.argmin(vals))])


# ---------------------------------------------------------------------------------------------------- linear heads
class Task:
    """The labels of one training set as tensors/arrays."""

    def __init__(self, gmask, vmask, quad, va):
        self.hg = gmask.any(1)
        self.gm, self.vm = torch.from_numpy(gmask[self.hg]), torch.from_numpy(vmask[self.hg])
        self.hq = quad >= 0
        self.q = torch.from_numpy(quad[self.hq])
        self.hv = ~np.isnan(va[:, 0])
        self.va = va[self.hv].astype(np.float64)


def fit_linear_heads(p, t, lams):
    """(genre (W,b), quad (W,b), va (W,b)) for lams = (λ_genre, λ_quad, λ_va)."""
    pt = torch.from_numpy(p)
    g = fit_logistic(pt[torch.from_numpy(t.hg)], lambda z: genre_set_nll(z, t.gm, t.vm), len(GENRES), lams[0])
    q = fit_logistic(pt[torch.from_numpy(t.hq)],
                     lambda z: nn.functional.cross_entropy(z, t.q, reduction="none"), 4, lams[1])
    v = fit_ridge(p[t.hv], t.va, lams[2])
    return g, q, v



def predict_linear(p, heads):
    (gw, gb), (qw, qb), (vw, vb) = heads
    pt = torch.from_numpy(p)
    return (pt @ gw + gb).numpy(), (pt @ qw + qb).numpy(), p @ vw + vb


def choose_lambdas(p, labels, inner, lams=LAMBDAS):
    """Inner CV over the L2 grid per task (genre set-NLL, quadrant NLL, va squared error / variance); returns the
    chosen λs, the inner out-of-fold raw predictions at them and the per-λ inner losses."""
    gmask, vmask, quad, va = labels
    n = len(p)
    losses = np.zeros((3, len(lams)))
    oof = {lam: [np.zeros((n, len(GENRES))), np.zeros((n, 4)), np.zeros((n, 2))] for lam in lams}
    for tr, te in inner:
        t = Task(gmask[tr], vmask[tr], quad[tr], va[tr])
        ptr = torch.from_numpy(p[tr])
        gi = qi = None
        for lam in sorted(lams, reverse=True):             # warm start along the path, strongest first
            gi = fit_logistic(ptr[torch.from_numpy(t.hg)], lambda z: genre_set_nll(z, t.gm, t.vm), len(GENRES),
                              lam, init=gi)
            qi = fit_logistic(ptr[torch.from_numpy(t.hq)],
                              lambda z: nn.functional.cross_entropy(z, t.q, reduction="none"), 4, lam, init=qi)
            vi = fit_ridge(p[tr][t.hv], t.va, lam)
            g, q, v = predict_linear(p[te], (gi, qi, vi))
            for k, arr in enumerate((g, q, v)):
                oof[lam][k][te] = arr
    vvar = np.nanvar(va, axis=0)
    for j, lam in enumerate(lams):
        g, q, v = oof[lam]
        hg, hq, hv = gmask.any(1), quad >= 0, ~np.isnan(va[:, 0])
        losses[0, j] = genre_set_nll(torch.from_numpy(g[hg]), torch.from_numpy(gmask[hg]),
                                     torch.from_numpy(vmask[hg])).mean().item()
        losses[1, j] = nn.functional.cross_entropy(torch.from_numpy(q[hq]), torch.from_numpy(quad[hq])).item()
        losses[2, j] = float((((v[hv] - va[hv]) ** 2) / vvar).mean())
    best = [lams[int(np.argmin(losses[k]))] for k in range(3)]
    chosen = [oof[best[0]][0], oof[best[1]][1], oof[best[2]][2]]
    return best, chosen, losses


# ------------------------------------------------------------------------------------------------------- mlp heads
def train_mlp(p, labels, seed, cfg=MLP, views=None):
    """Shared trunk + three heads trained jointly (genre set-NLL with source masks, quadrant CE, va MSE/variance),
    full batch, AdamW. Augmentation: each epoch every clip is one of its views (p itself or, when given, one of
    views [M, n, r], the components of pooled random window subsets), plus Gaussian noise on the components."""
    gmask, vmask, quad, va = labels
    torch.manual_seed(seed)
    head = Head(1, p.shape[1], cfg["hidden"], cfg["dropout"]).double()
    params = list(head.trunk.parameters()) + list(head.genre.parameters()) + list(head.quad.parameters()) + \
        list(head.va.parameters())
    opt = torch.optim.AdamW(params, lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    pt = torch.from_numpy(p)
    psd = pt.std(0, keepdim=True)
    allv = pt[None] if views is None else torch.cat([pt[None], torch.from_numpy(views)], 0)
    ar = torch.arange(len(p))
    hg, hq, hv = torch.from_numpy(gmask.any(1)), torch.from_numpy(quad >= 0), torch.from_numpy(~np.isnan(va[:, 0]))
    gm, vm, q, v = torch.from_numpy(gmask), torch.from_numpy(vmask), torch.from_numpy(quad), torch.from_numpy(va).double()
    vvar = torch.from_numpy(np.nanvar(va, 0)).double()
    head.train()
    n = len(p)
    steps = cfg["epochs"] * int(np.ceil(n / cfg["batch"]))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg["lr"], total_steps=steps, pct_start=0.1)
    gen = np.random.default_rng(seed)
    for ep in range(cfg["epochs"]):
        order = torch.from_numpy(gen.permutation(n))
        for s0 in range(0, n, cfg["batch"]):
            i = order[s0:s0 + cfg["batch"]]
            x = allv[torch.randint(0, len(allv), (len(i),)), i]
            x = x + cfg["input_noise"] * psd * torch.randn_like(x)
            g_l, q_l, v_p = head.raw(x)
            loss = torch.zeros((), dtype=torch.float64)
            if hg[i].any():
                loss = loss + genre_set_nll(g_l[hg[i]], gm[i][hg[i]], vm[i][hg[i]]).mean()
            if hq[i].any():
                loss = loss + nn.functional.cross_entropy(q_l[hq[i]], q[i][hq[i]])
            if hv[i].any():
                loss = loss + (0.5 * ((v_p[hv[i]] - v[i][hv[i]]) ** 2 / vvar).sum(1)).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    head.eval()
    return head


def predict_mlp(head, p):
    with torch.no_grad():
        return [t.numpy() for t in head.raw(torch.from_numpy(p))]


# ---------------------------------------------------------------------------------------------------- calibration
def fit_calibration(g, q, v, labels):
    """Temperatures and va stretch from (inner) out-of-fold raw predictions."""
    gmask, _, quad, va = labels
    hg, hq, hv = gmask.any(1), quad >= 0, ~np.isnan(va[:, 0])
    t_q = fit_temperature(q[hq], lambda pr: -np.mean(np.log(np.maximum(pr[np.arange(hq.sum()), quad[hq]], 1e-12))))
    t_g = fit_temperature(g[hg], lambda pr: -np.mean(np.log(np.maximum((pr * gmask[hg]).sum(1), 1e-12))))
    pr = softmax_np(g[hg] / t_g)
    top = np.clip(pr.max(1), 1e-6, 1 - 1e-6)
    hit = gmask[hg][np.arange(hg.sum()), pr.argmax(1)]
    from sklearn.linear_model import LogisticRegression
    lr = LogisticRegression(C=1e4).fit(np.log(top / (1 - top))[:, None], hit)
    centre = v[hv].mean(0)
    stretch = va[hv].std(0) / np.maximum(v[hv].std(0), 1e-9)
    return {"t_genre": t_g, "t_quad": t_q, "genre_conf_ab": [float(lr.coef_[0, 0]), float(lr.intercept_[0])],
            "va_centre": centre.tolist(), "va_stretch": stretch.tolist()}


def set_calibration(head, cal):
    head.genre_inv_t.fill_(1.0 / cal["t_genre"])
    head.quad_inv_t.fill_(1.0 / cal["t_quad"])
    head.genre_conf_ab.copy_(torch.tensor(cal["genre_conf_ab"]))
    head.va_centre.copy_(torch.tensor(cal["va_centre"]))
    head.va_stretch.copy_(torch.tensor(cal["va_stretch"]))


def build_head(mu, scale, proj, model, fitted):
    """A float32 Head with standardisation and projection, from linear fits or a trained MLP."""
    if model == "mlp":
        head = fitted.float()
        head.mu, head.scale, head.proj = (torch.tensor(mu, dtype=torch.float32), torch.tensor(scale, dtype=torch.float32),
                                          torch.tensor(proj, dtype=torch.float32))
        return head
    head = Head(len(mu), proj.shape[1])
    head.mu.copy_(torch.from_numpy(mu)); head.scale.copy_(torch.from_numpy(scale))
    head.proj.copy_(torch.from_numpy(proj))
    (gw, gb), (qw, qb), (vw, vb) = fitted
    with torch.no_grad():
        for lin, w, b in ((head.genre, gw, gb), (head.quad, qw, qb), (head.va, torch.from_numpy(vw), torch.from_numpy(vb))):
            lin.weight.copy_(torch.as_tensor(w).T); lin.bias.copy_(torch.as_tensor(b))
    return head.eval()


# ---------------------------------------------------------------------------------------------------- the protocol
def fit_fold(blocks, tr, labels_all, folds, model, seed, log=print, views=None):
    """Everything one outer fold fits on its training rows tr: standardisation, components, λs (inner CV) or the
    MLP, calibration from inner out-of-fold predictions. Returns (Head, record)."""
    gmask, vmask, quad, va = labels_all
    mu, scale = standardiser(blocks, tr)
    x = np.concatenate([b for _, b in blocks], 1)
    z = (x[tr].astype(np.float64) - mu) * scale
    proj = principal(z)
    p = z @ proj
    pv = None if not views else np.stack([(np.concatenate([b for _, b in v], 1)[tr].astype(np.float64) - mu) * scale
                                          @ proj for v in views])
    lab = (gmask[tr], vmask[tr], quad[tr], va[tr])
    inner = inner_splits(folds, tr)
    rec = {"n_train": int(len(tr)), "components": int(proj.shape[1])}
    if model == "linear":
        lams, (g, q, v), losses = choose_lambdas(p, lab, inner)
        rec["lambdas"] = {"genre": lams[0], "quadrant": lams[1], "va": lams[2]}
        rec["inner_losses"] = losses.tolist()
        fitted = fit_linear_heads(p, Task(*lab), lams)
    else:
        g, q, v = np.zeros((len(tr), 14)), np.zeros((len(tr), 4)), np.zeros((len(tr), 2))
        for k, (itr, ite) in enumerate(inner):
            h = train_mlp(p[itr], tuple(a[itr] for a in lab), seed + 10 * k + 1,
                          views=None if pv is None else pv[:, itr])
            g[ite], q[ite], v[ite] = predict_mlp(h, p[ite])
        fitted = train_mlp(p, lab, seed, views=pv)
    cal = fit_calibration(g, q, v, lab)
    rec["calibration"] = cal
    head = build_head(mu, scale, proj, model, fitted)
    set_calibration(head, cal)
    return head, rec


def run_candidate(name, clips, labels_all, blocks, seed=20250, log=print, views=None):
    """Outer 5-fold protocol; returns (out-of-fold outputs per clip, per-fold records)."""
    _, model, _ = parse_candidate(name)
    folds = np.array([int(c["fold"]) for c in clips])
    n = len(clips)
    x = np.concatenate([b for _, b in blocks], 1)
    out = {"genre": np.full((n, 14), np.nan), "quad": np.full((n, 4), np.nan), "quad_uncal": np.full((n, 4), np.nan),
           "va": np.full((n, 2), np.nan), "va_raw": np.full((n, 2), np.nan), "fold_of": np.full(n, -1),
           "genre_conf": np.full(n, np.nan)}
    recs = []
    for k, (tr, te) in enumerate(outer_splits(folds)):
        t0 = time.time()
        head, rec = fit_fold(blocks, tr, labels_all, folds, model, seed + k, log, views)
        with torch.no_grad():
            xt = torch.from_numpy(x[te])
            g, q, v = head.raw(head.components(xt))
            gp, qp, vf, gc = head.finish(g, q, v)
        out["genre"][te], out["quad"][te], out["va"][te] = gp.numpy(), qp.numpy(), vf.numpy()
        out["genre_conf"][te] = gc.numpy()
        out["quad_uncal"][te] = torch.softmax(q, 1).numpy()
        out["va_raw"][te] = v.numpy()
        out["fold_of"][te] = k
        rec["wall_s"] = round(time.time() - t0, 1)
        recs.append(rec)
        log(f"{name}: outer fold {k} ({len(te)} clips) {rec.get('lambdas', '')} T {rec['calibration']['t_quad']:.2f}/"
            f"{rec['calibration']['t_genre']:.2f} {rec['wall_s']} s")
    out["last_head"] = head
    return out, recs


def fit_all(name, clips, labels_all, cache_dirs, caches=None, seed=20350, log=print):
    """The head to ship: fitted on every clip, λs chosen and calibration fitted by 5-fold CV over the fold pairs.
    Returns (Head, record, what it consumes)."""
    blocks, consumes = candidate_blocks(name, [c["clip_id"] for c in clips], cache_dirs, caches)
    folds = np.array([int(c["fold"]) for c in clips])
    views = None
    if parse_candidate(name)[1] == "mlp" and N_VIEWS and any(SOURCES[s][2] != "mel" for s in parse_candidate(name)[0]):
        rng = np.random.default_rng(seed)
        views = [candidate_blocks(name, [c["clip_id"] for c in clips], cache_dirs, caches, rng)[0]
                 for _ in range(N_VIEWS)]
    head, rec = fit_fold(blocks, np.arange(len(clips)), labels_all, folds, parse_candidate(name)[1], seed, log, views)
    rec["blocks"] = [[k, b.shape[1]] for k, b in blocks]
    return head, rec, consumes


def export_head_onnx(head, path, opset=13):
    """The head alone as ONNX (pooled features [N, d] -> genre, quadrant, va); the bundled graph puts it after the
    backbones and the pooling."""
    head = head.float().eval()
    torch.onnx.export(head, torch.zeros(2, head.mu.shape[0]), path, opset_version=opset,
                      input_names=["features"], output_names=["genre", "quadrant", "va", "genre_confidence"],
                      dynamic_axes={n: {0: "N"} for n in ["features", "genre", "quadrant", "va", "genre_confidence"]})
    import onnx
    m = onnx.load(path)
    onnx.checker.check_model(m, full_check=True)
    return m


# ------------------------------------------------------------------------------------------------------- metrics
def quadrant_of(v):
    """Quadrant index (Q1..Q4) of (valence, arousal) points."""
    return np.where(v[:, 0] > 0, np.where(v[:, 1] > 0, 0, 3), np.where(v[:, 1] > 0, 1, 2))


def restricted_ece(probs, gmask, names):
    idx = [GENRES.index(g) for g in names]
    y = np.array([idx.index(int(np.flatnonzero(r)[0])) for r in gmask])
    p = probs[:, idx] / probs[:, idx].sum(1, keepdims=True)
    return report.reliability(p.max(1), p.argmax(1) == y)[1]


def metrics_for(clips, labels_all, out):
    gmask, _, quad, va = labels_all
    track = {k: out[k] for k in ("genre", "quad", "quad_uncal", "va")}
    m = report.compute_metrics(clips, gmask, quad, va, track, EMOTIFY_GENRES, GTZAN_GENRES)
    src = np.array([c["source"] for c in clips])
    em, gz = (src == "emotify") & gmask.any(1), (src == "gtzan") & gmask.any(1)
    hq, hv = quad >= 0, ~np.isnan(va[:, 0])
    s = m["summary"]
    s["genre_ece_top_probability"] = m["genre_unrestricted"]["ece"]
    hm = gmask.any(1)
    hit = gmask[np.arange(len(hm)), out["genre"].argmax(1)]
    m["genre_unrestricted"]["reliability_platt"], s["genre_ece"] = report.reliability(out["genre_conf"][hm], hit[hm])
    s["emotify_genre_ece"] = restricted_ece(out["genre"][em], gmask[em], EMOTIFY_GENRES)
    s["gtzan_genre_ece"] = restricted_ece(out["genre"][gz], gmask[gz], GTZAN_GENRES)
    s["point_label_agreement"] = float((quadrant_of(out["va"][hq]) == out["quad"][hq].argmax(1)).mean())
    s["point_label_agreement_before_snap"] = float(
        (quadrant_of(out["va_raw"][hq]) == out["quad"][hq].argmax(1)).mean())
    s["quadrant_accuracy_of_raw_point"] = float((quadrant_of(out["va_raw"][hq]) == quad[hq]).mean())
    for k, ax in enumerate(["valence", "arousal"]):
        s[f"{ax}_std_ratio"] = float(out["va"][hv, k].std() / va[hv, k].std())
        s[f"{ax}_r_before_snap"] = report.pearson(out["va_raw"][hv, k], va[hv, k])
    return m


NEW_TARGETS = [("quadrant_accuracy", 0.78, ">="), ("emotify_genre_accuracy", 0.92, ">="),
               ("gtzan_genre_accuracy", 0.85, ">="), ("valence_r", 0.72, ">="), ("arousal_r", 0.82, ">="),
               ("quadrant_ece", 0.05, "<="), ("genre_ece", 0.05, "<="), ("point_label_agreement", 0.95, ">="),
               ("valence_std_ratio", 0.8, ">="), ("arousal_std_ratio", 0.8, ">=")]


def targets_met(s):
    return [{"metric": k, "target": t, "value": s.get(k), "met": s.get(k) is not None and
             (s[k] >= t if op == ">=" else s[k] <= t)} for k, t, op in NEW_TARGETS]


# ---------------------------------------------------------------------------------------------------------- cost
def head_cost_ms(head, d, reps=200):
    """Median ms of one track through the head (batch 1, this process's torch threads)."""
    x = torch.randn(1, d)
    ts = []
    with torch.no_grad():
        for _ in range(reps):
            t = time.perf_counter()
            head(x)
            ts.append(time.perf_counter() - t)
    return 1000 * float(np.median(ts))


# Nominal backbone cost per window in torch on one core (the issue's figures: ~60 ms per 3-s musicnn patch, mn04
# about ten times cheaper per second of audio, so ~20 ms per 10-s window); the port READMEs give measured values.
NOMINAL_MS = {"musicnn": 60.0, "mn04": 20.0, "mel": 0.0}


def nominal_cost_ms(consumes):
    return sum(NOMINAL_MS[SOURCES[c["source"]][2]] * c.get("mean_windows_used", 0.0) for c in consumes)


# ------------------------------------------------------------------------------------------------------ comparison
def card_row(card_json):
    with open(card_json) as fh:
        card = json.load(fh)
    s = dict(card["metrics"]["summary"])
    s["genre_ece_top_probability"] = card["metrics"]["genre_unrestricted"]["ece"]
    return s


COLS = [("quadrant_accuracy", "quadrant acc", 0.78), ("emotify_genre_accuracy", "Emotify 4-genre", 0.92),
        ("gtzan_genre_accuracy", "GTZAN 10-genre", 0.85), ("valence_r", "valence r", 0.72),
        ("arousal_r", "arousal r", 0.82), ("quadrant_ece", "quad ECE", 0.05), ("genre_ece", "genre ECE", 0.05),
        ("genre_ece_top_probability", "genre ECE of top prob", None), ("point_label_agreement", "point=label", 0.95), ("valence_std_ratio", "val std ratio", 0.8),
        ("arousal_std_ratio", "aro std ratio", 0.8), ("genre_top1_in_set_accuracy", "14-way top-1 in set", None)]


def score(s):
    """Rank: targets met, then the mean of the five accuracy/r figures."""
    met = sum(t["met"] for t in targets_met(s))
    return (met, np.mean([s[k] for k, _, _ in COLS[:5]]))


def comparison_md(results, card=None, extra_rows=()):
    def fmt(s, k):
        v = s.get(k)
        return "–" if v is None else f"{v:.3f}"
    lines = ["| candidate | " + " | ".join(c[1] for c in COLS) + " | head ms/track | backbones ms/track (nominal) |",
             "|---" * (len(COLS) + 3) + "|",
             "| *target* | " + " | ".join("" if t is None else (("≤ " if "ECE" in lab else "≥ ") + f"{t}")
                                         for _, lab, t in COLS) + " | |"]
    if card is not None:
        lines.append("| musetag-base 1.1.0 (card, 5 patches) | " + " | ".join(fmt(card, k) for k, _, _ in COLS) + " | |")
    for label, vals in extra_rows:
        lines.append(f"| {label} | " + " | ".join(vals.get(k, "–") if isinstance(vals.get(k, "–"), str)
                                                  else f"{vals[k]:.3f}" for k, _, _ in COLS) + " | |")
    for name, r in results.items():
        s = r["metrics"]["summary"]
        lines.append(f"| {name} | " + " | ".join(fmt(s, k) for k, _, _ in COLS) +
                     f" | {r.get('head_ms_per_track', float('nan')):.3f} | {nominal_cost_ms(r['consumes']):.0f} |")
    best = max(results, key=lambda k: score(results[k]["metrics"]["summary"]))
    m = results[best]["metrics"]
    lines += ["", f"## Per class, best candidate: `{best}`", "",
              f"Consumes: {json.dumps(results[best]['consumes'])}", "",
              f"### Quadrants (n = {m['quadrant']['n']}, accuracy {m['quadrant']['accuracy']:.3f}, "
              f"ECE {m['quadrant']['ece']:.3f})", report.md_per_class(m["quadrant"]["per_class"]), "",
              report.md_confusion(m["quadrant"]["confusion"], QUADRANTS, QUADRANTS), "",
              f"### Emotify genre (n = {m['genre_emotify']['n']}, accuracy {m['genre_emotify']['accuracy']:.3f})",
              report.md_per_class(m["genre_emotify"]["per_class"]), "",
              report.md_confusion(m["genre_emotify"]["confusion"], EMOTIFY_GENRES, EMOTIFY_GENRES), "",
              f"### GTZAN genre (n = {m['genre_gtzan']['n']}, accuracy {m['genre_gtzan']['accuracy']:.3f})",
              report.md_per_class(m["genre_gtzan"]["per_class"]), "",
              report.md_confusion(m["genre_gtzan"]["confusion"], GTZAN_GENRES, GTZAN_GENRES), "",
              "### Genre, unrestricted 14-way (top-1 in label set)",
              report.md_per_class(m["genre_unrestricted"]["per_class"], extra=True), "",
              "### Quadrant reliability (calibrated)", report.md_reliability(m["quadrant"]["reliability"]), "",
              "### Genre reliability (unrestricted top-1 in set vs the Platt-scaled genre confidence)",
              report.md_reliability(m["genre_unrestricted"]["reliability_platt"])]
    return "\n".join(lines) + "\n", best


# ------------------------------------------------------------------------------------------------------------ main
def evaluate(name, clips, labels_all, cache_dirs, caches, log=print):
    blocks, consumes = candidate_blocks(name, [c["clip_id"] for c in clips], cache_dirs, caches)
    d = sum(b.shape[1] for _, b in blocks)
    log(f"{name}: {len(blocks)} blocks, {d} features ({', '.join(f'{k} {b.shape[1]}' for k, b in blocks)})")
    t0 = time.time()
    views = None
    if parse_candidate(name)[1] == "mlp" and N_VIEWS and any(SOURCES[s][2] != "mel" for s in parse_candidate(name)[0]):
        rng = np.random.default_rng(20250)
        views = [candidate_blocks(name, [c["clip_id"] for c in clips], cache_dirs, caches, rng)[0]
                 for _ in range(N_VIEWS)]
    out, recs = run_candidate(name, clips, labels_all, blocks, log=log, views=views)
    assert (out["fold_of"] >= 0).all() and not np.isnan(out["quad"]).any()
    m = metrics_for(clips, labels_all, out)
    head = out["last_head"]
    res = {"candidate": name, "consumes": consumes, "features": d, "blocks": [[k, b.shape[1]] for k, b in blocks],
           "model": parse_candidate(name)[1], "settings": {"lambdas": LAMBDAS, "max_components": MAX_COMPONENTS,
                                                          "snap": SNAP, "mlp": MLP, "mlp_views": N_VIEWS},
           "folds": recs, "wall_s": round(time.time() - t0, 1), "metrics": m,
           "targets": targets_met(m["summary"]), "head_ms_per_track": head_cost_ms(head, d),
           "oof": {c["clip_id"]: {"fold": int(out["fold_of"][i]), "genre": out["genre"][i].round(5).tolist(),
                                  "quadrant": out["quad"][i].round(5).tolist(), "va": out["va"][i].round(5).tolist(),
                                  "genre_confidence": round(float(out["genre_conf"][i]), 5),
                                  "va_raw": out["va_raw"][i].round(5).tolist()} for i, c in enumerate(clips)}}
    log(f"{name}: " + json.dumps({k: round(v, 4) for k, v in m["summary"].items()}))
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--candidates", required=True, help="comma-separated, e.g. mel,msd,msd+mn04,all,all/mlp")
    ap.add_argument("--cache", default=os.path.join(HERE, ".cache", "backbones"),
                    help="comma-separated folders holding the cached feature files (first match wins)")
    ap.add_argument("--data", required=True, help="train-v1 folder (with clips.csv)")
    ap.add_argument("--out", default=os.path.join(HERE, ".cache", "transfer"))
    ap.add_argument("--card", default=os.path.join(HERE, "..", "musetag-base.card.json"))
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    os.makedirs(a.out, exist_ok=True)
    clips = read_clips(a.data)
    gmask, quad, va = load_labels(clips)
    labels_all = (gmask, vocab_mask([c["source"] for c in clips]), quad, va)
    caches, cache_dirs = {}, a.cache.split(",")
    for name in split_candidates(a.candidates):
        res = evaluate(name, clips, labels_all, cache_dirs, caches)
        with open(os.path.join(a.out, safe_name(name) + ".json"), "w") as fh:
            json.dump(res, fh)
    write_comparison(a.out, a.card)


def split_candidates(text):
    """'mel,msd+mn04#musicnn=1,mn04=1,all' -> ['mel', 'msd+mn04#musicnn=1,mn04=1', 'all'] (a comma followed by
    family=K continues a window spec)."""
    return [c for c in re.split(r",(?![a-z0-9]+=)", text) if c]


def safe_name(name):
    return name.replace("/", "_").replace("#", "@").replace(",", "_")


def write_comparison(out_dir, card_json=None):
    results = {}
    for f in sorted(os.listdir(out_dir)):
        if f.endswith(".json"):
            with open(os.path.join(out_dir, f)) as fh:
                r = json.load(fh)
            r.pop("oof", None)
            results[r["candidate"]] = r
    card = card_row(card_json) if card_json and os.path.exists(card_json) else None
    first_look = [("first look outside the repo: mn04 (quoted)", {"quadrant_accuracy": 0.72,
                   "emotify_genre_accuracy": 0.79, "gtzan_genre_accuracy": 0.79, "valence_r": 0.62,
                   "arousal_r": 0.73}),
                  ("first look: musicnn-MSD bn_dense+tags (quoted)", {"quadrant_accuracy": 0.74,
                   "emotify_genre_accuracy": 0.79, "gtzan_genre_accuracy": 0.82, "valence_r": 0.64,
                   "arousal_r": 0.73}),
                  ("first look: both (quoted)", {"quadrant_accuracy": 0.75, "emotify_genre_accuracy": 0.81,
                   "gtzan_genre_accuracy": 0.82, "valence_r": 0.66, "arousal_r": 0.74})]
    md, best = comparison_md(results, card, first_look)
    head = ("# Transfer heads on train-v1: out-of-fold comparison\n\n5 outer artist-grouped folds; λ by inner CV; "
            "temperatures and va stretch fitted on inner out-of-fold predictions; point snapped into the predicted "
            "quadrant. Written by models/training/transfer.py.\n\n")
    with open(os.path.join(out_dir, "comparison.md"), "w") as fh:
        fh.write(head + md)
    return best


if __name__ == "__main__":
    main()
