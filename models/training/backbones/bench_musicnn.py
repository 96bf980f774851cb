"""Cost of musicnn per 3-s patch in torch on the CPU: median of 20 runs, batch 1, for the in-graph front-end, the
front-end convolutions (Musicnn.front) and the rest (Musicnn.back), on 1 and 2 threads.

    /usr/bin/python3 models/training/backbones/bench_musicnn.py
"""
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from backbones import musicnn as M  # noqa: E402


def median_ms(f, n=20):
    f()  # warm-up
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return 1000 * float(np.median(ts))


def main():
    net, _ = M.load("MSD")
    fe = M.FrontEnd()
    wave = torch.from_numpy(np.random.default_rng(0).standard_normal((1, M.PATCH_SAMPLES)).astype(np.float32) * 0.1)
    with torch.no_grad():
        patch = fe(wave)
        front = net.front(patch)
        for threads in (1, 2):
            torch.set_num_threads(threads)
            a = median_ms(lambda: fe(wave))
            b = median_ms(lambda: net.front(patch))
            c = median_ms(lambda: net.back(front))
            print(f"{threads} thread(s): front-end {a:.1f} ms, front convolutions {b:.1f} ms, rest {c:.1f} ms, "
                  f"total {a + b + c:.1f} ms per patch", flush=True)
    print(f"load average during the run: {os.getloadavg()}")


if __name__ == "__main__":
    main()
