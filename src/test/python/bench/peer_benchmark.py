#!/usr/bin/python3
"""Peer benchmark: one training step of the paper's MNIST GAN in PyTorch (CPU, float32) vs our Java trainer.

The step is the released code's (goodfeli/adversarial mnist.yaml with AdversaryCost2 and stock pylearn2
SGD), the same on both sides:
  G: z ~ U(-sqrt3, sqrt3)^100 -> 1200 ReLU -> 1200 ReLU -> 784 sigmoid (no dropout)
  D: 784 -> maxout 240x5 -> maxout 240x5 -> 1 sigmoid, inverted dropout on every layer's input
     (keep .8 x1.25 on the pixels, keep .5 x2 elsewhere), real and fake rows in one pass
  dLoss = 0.5 (BCE(real, 1) + BCE(fake, 0)), gLoss = -log D(G(z)) through the same dropped-out pass,
  both gradients at the pre-update parameters, then v <- mu v - lr g; theta <- theta + v for D and G
  (lr .1 decayed by 1.000004 per step, momentum .5), batch 100 real + 100 fake.

Torch is given its best shot: torch.autograd.grad for exactly the gradients needed (no G-loss gradients
of D's parameters), the momentum update with the fused _foreach kernels, no Python work beyond that.
Debian's torch 1.13 runs matrix products in OpenBLAS (its own thread pool) and element-wise work in
OpenMP; both busy-wait, so several thread settings are measured, each in a fresh process:
  omp2          torch 2 threads, OpenBLAS 2 threads, default OpenMP wait policy (oversubscribes)
  omp2-passive  torch 2 threads, OMP_WAIT_POLICY=PASSIVE, OpenBLAS 2 threads
  omp1          torch 1 thread (OpenMP), OpenBLAS 2 threads
  omp1-blas1    torch 1 thread, OpenBLAS 1 thread (one core: the per-core cost)
Our side: org.ganworkbook.bench.GanStepBenchmark (the real GanTrainer on the same shapes) in three thread
settings (JAVA_VARIANTS): OpenBLAS's own threads, OpenBLAS on one thread with our strips on 2 Java threads,
and one thread everywhere. Each side's best 2-core setting is compared. All variants run once per round,
--repeat rounds, so a slow spell of a shared machine hits both sides alike.

Usage:
  /usr/bin/python3 src/test/python/bench/peer_benchmark.py [--steps 300] [--warmup 60] [--repeat 3]
      [--jar target/gan-workbook.jar] [--configs omp2,omp2-passive,omp1,omp1-blas1] [--skip-java]
      [--java openblas2,split2,1thread] [--baseline-jar OLD.jar]
      [--parzen --data DIR]     (also times a full Parzen evaluation on both sides)
Prints it/s and process CPU ms per step of each variant (medians over --repeat runs), torch's best, ours,
the ratios, and the load. For our variants it also prints the split of a step into GEMM time (wall time
inside the matrix products) and everything else (GanStepBenchmark's SPLIT line), as medians over the runs.
--baseline-jar adds our variants run from another build, interleaved with the rest, labelled "base ...":
an A/B comparison of two builds on a shared machine. The it/s depend on what else runs on the machine; the CPU ms per step with one
thread everywhere (omp1-blas1 vs ours with 1 thread) hardly do, so that ratio is the load-robust one.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))

CONFIGS = {
    "omp2": {"threads": 2, "env": {"OMP_NUM_THREADS": "2"}},
    "omp2-passive": {"threads": 2, "env": {"OMP_NUM_THREADS": "2", "OMP_WAIT_POLICY": "PASSIVE"}},
    "omp1": {"threads": 1, "env": {"OMP_NUM_THREADS": "1"}},
    "omp1-blas1": {"threads": 1, "env": {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}},
}


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def torch_step_rate(steps, warmup, threads):
    """Median it/s of the GAN step in torch, timed over `steps` steps after `warmup`."""
    import math
    import torch
    import torch.nn.functional as F
    torch.set_num_threads(threads)
    torch.manual_seed(2014)
    m, nz = 100, 100
    sqrt3 = math.sqrt(3.0)

    def linear(n_in, n_out, r):
        w = torch.empty(n_in, n_out).uniform_(-r, r).requires_grad_()
        b = torch.zeros(n_out, requires_grad=True)
        return [w, b]

    g_params = linear(nz, 1200, .05) + linear(1200, 1200, .05) + linear(1200, 784, .05)
    d_params = linear(784, 1200, .005) + linear(240, 1200, .005) + linear(240, 1, .005)
    gen = torch.Generator().manual_seed(7)
    x_train = (torch.rand(5000, 784, generator=gen) * (torch.rand(5000, 784, generator=gen) < .25)).float()

    def G(z):
        w0, b0, w1, b1, w2, b2 = g_params
        h = torch.relu(torch.addmm(b0, z, w0))
        h = torch.relu(torch.addmm(b1, h, w1))
        return torch.sigmoid(torch.addmm(b2, h, w2))

    def maxout(a, units, pieces):
        return a.view(-1, units, pieces).max(dim=2).values

    def D(x):
        w0, b0, w1, b1, w2, b2 = d_params
        h = maxout(torch.addmm(b0, F.dropout(x, 0.2, True), w0), 240, 5)
        h = maxout(torch.addmm(b1, F.dropout(h, 0.5, True), w1), 240, 5)
        return torch.addmm(b2, F.dropout(h, 0.5, True), w2).view(-1)

    params = d_params + g_params
    vel = [torch.zeros_like(p) for p in params]
    ones, zeros = torch.ones(m), torch.zeros(m)
    lr0 = 0.1
    times = []
    cpu0 = None
    for step in range(warmup + steps):
        if step == warmup:
            cpu0 = time.process_time()
        t0 = time.perf_counter()
        i = (step * m) % 5000
        x_real = x_train[i:i + m]
        z = torch.empty(m, nz).uniform_(-sqrt3, sqrt3)
        x_fake = G(z)
        a = D(torch.cat([x_real, x_fake]))
        a_real, a_fake = a[:m], a[m:]
        d_loss = 0.5 * (F.binary_cross_entropy_with_logits(a_real, ones)
                        + F.binary_cross_entropy_with_logits(a_fake, zeros))
        g_loss = F.binary_cross_entropy_with_logits(a_fake, ones)
        d_grads = torch.autograd.grad(d_loss, d_params, retain_graph=True)
        g_grads = torch.autograd.grad(g_loss, g_params)
        lr = lr0 / 1.000004 ** step
        with torch.no_grad():
            torch._foreach_mul_(vel, 0.5)
            torch._foreach_add_(vel, list(d_grads) + list(g_grads), alpha=-lr)
            torch._foreach_add_(params, vel)
        if step >= warmup:
            times.append(time.perf_counter() - t0)
    cpu_ms = (time.process_time() - cpu0) * 1000 / steps
    return 1.0 / statistics.median(times), cpu_ms, float(d_loss), float(g_loss)


def run_torch_variant(name, args):
    """(it/s, process CPU ms per step) of one torch thread setting, in a fresh process."""
    env = dict(os.environ)
    env.update(CONFIGS[name]["env"])
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", name, "--steps", str(args.steps),
           "--warmup", str(args.warmup)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    f = out[-1].split()
    return float(f[0]), float(f[2])


JAVA_VARIANTS = {
    # OpenBLAS threads each product itself (the JVM's default).
    "ours openblas2": {},
    # OpenBLAS on one thread, our GEMM strips on 2 Java threads (ParallelGemm); the kernelspec's setting.
    "ours split2": {"OPENBLAS_NUM_THREADS": "1", "GANWB_GEMM_THREADS": "2"},
    # Everything on one thread: the one-core cost.
    "ours 1 thread": {"OPENBLAS_NUM_THREADS": "1", "GANWB_GEMM_THREADS": "1"},
}
JAVA_KEYS = {"openblas2": "ours openblas2", "split2": "ours split2", "1thread": "ours 1 thread"}

# Medians of GanStepBenchmark's SPLIT line per variant label: [(gemm ms, non-GEMM ms, gemm CPU ms), ...]
SPLITS = {}


def run_java(args, name, jar=None, label=None):
    """(it/s, process CPU ms per step) of our trainer in one of JAVA_VARIANTS' thread settings; keeps the
    run's GEMM / non-GEMM split in SPLITS[label]."""
    env = dict(os.environ)
    env.update(JAVA_VARIANTS[name])
    cmd = ["java", "-cp", os.path.abspath(jar or args.jar), "org.ganworkbook.bench.GanStepBenchmark", "--steps",
           str(args.steps), "--warmup", str(args.warmup)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    f = [l for l in out if l.startswith("RESULT")][-1].split()
    split = [l for l in out if l.startswith("SPLIT")]
    if split:
        g = split[-1].split()
        SPLITS.setdefault(label or name, []).append((float(g[1]), float(g[3]), float(g[7])))
    return float(f[1]), float(f[3])


def print_splits():
    """GEMM vs non-GEMM time of a step per Java variant, medians over the runs."""
    if not SPLITS:
        return
    print("split of our step (medians over the runs): GEMM = wall time inside the matrix products, other = the"
          " rest of the step; with one thread, process CPU minus the GEMM CPU is the one-core non-GEMM cost")
    for label, rs in SPLITS.items():
        gemm = statistics.median(r[0] for r in rs)
        other = statistics.median(r[1] for r in rs)
        gemm_cpu = statistics.median(r[2] for r in rs)
        print(f"  {label:22s} GEMM {gemm:6.2f} ms  other {other:6.2f} ms  non-GEMM share {100 * other / (gemm + other):4.1f}%"
              f"  (GEMM CPU of the calling thread {gemm_cpu:6.2f} ms)", flush=True)


def measure_interleaved(variants, repeat):
    """Runs every variant once per round, repeat rounds (so a slow spell of a shared machine hits all of
    them alike); prints and returns each variant's medians (it/s, CPU ms per step)."""
    runs = {label: [] for label in variants}
    for _ in range(repeat):
        for label, f in variants.items():
            runs[label].append(f())
    result = {}
    for label, rs in runs.items():
        rate = statistics.median(r[0] for r in rs)
        cpu = statistics.median(r[1] for r in rs)
        print(f"  {label:22s} {rate:7.1f} it/s  {cpu:7.1f} CPU-ms/step   (it/s of each run: "
              f"{', '.join(f'{r[0]:.1f}' for r in rs)})", flush=True)
        result[label] = (rate, cpu)
    print(f"  load average after these runs: {loadavg()}", flush=True)
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--warmup", type=int, default=60)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--jar", default=os.path.join(ROOT, "target", "gan-workbook.jar"))
    p.add_argument("--configs", default=",".join(CONFIGS))
    p.add_argument("--skip-java", action="store_true")
    p.add_argument("--java", default=",".join(JAVA_KEYS), help="our variants: " + ",".join(JAVA_KEYS))
    p.add_argument("--baseline-jar", help="also run our variants from this jar (A/B against --jar)")
    p.add_argument("--parzen", action="store_true", help="also time a full Parzen evaluation (needs --data)")
    p.add_argument("--data", help="folder with the uncompressed MNIST IDX files (for --parzen)")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        rate, cpu_ms, dl, gl = torch_step_rate(args.steps, args.warmup, CONFIGS[args.worker]["threads"])
        print(f"{rate:.3f} it/s {cpu_ms:.3f} cpu-ms (last dLoss {dl:.4f}, gLoss {gl:.4f})")
        return 0
    try:
        import torch
    except ImportError:
        print("skipped: torch is not installed for this Python (Debian: apt-get install python3-torch)")
        return 0
    print(f"load average before: {loadavg()}; torch {torch.__version__}; {os.cpu_count()} cores; "
          f"{args.steps} timed steps after {args.warmup}, median of {args.repeat} runs")
    variants = {"torch " + name: (lambda name=name: run_torch_variant(name, args)) for name in args.configs.split(",")}
    java_names = [JAVA_KEYS[k] for k in args.java.split(",")] if not args.skip_java else []
    for name in java_names:
        variants[name] = lambda name=name: run_java(args, name, label=name)
        if args.baseline_jar:
            base = "base" + name[len("ours"):]
            variants[base] = lambda name=name, base=base: run_java(args, name, jar=args.baseline_jar, label=base)
    res = measure_interleaved(variants, args.repeat)
    print_splits()
    peer = {k[len("torch "):]: v for k, v in res.items() if k.startswith("torch ")}
    two_core = {k: v for k, v in peer.items() if k != "omp1-blas1"}
    best = max(two_core, key=lambda k: two_core[k][0]) if two_core else None
    for prefix in (["ours", "base"] if args.baseline_jar else ["ours"]):
        ours_two = {k: res[k] for k in (prefix + " openblas2", prefix + " split2") if k in res}
        if ours_two and best:
            our_best = max(ours_two, key=lambda k: ours_two[k][0])
            ours = ours_two[our_best]
            print(f"RATIO it/s, our best ({our_best}) / torch's best ({best}) on 2 cores: "
                  f"{ours[0] / two_core[best][0]:.2f}x ({ours[0]:.1f} vs {two_core[best][0]:.1f} it/s)")
        ours1 = res.get(prefix + " 1 thread")
        if ours1 and "omp1-blas1" in peer:
            t1 = peer["omp1-blas1"]
            print(f"RATIO on one core ({prefix}), by CPU time per step (robust to load): {t1[1] / ours1[1]:.2f}x "
                  f"({ours1[1]:.1f} vs {t1[1]:.1f} ms); by it/s: {ours1[0] / t1[0]:.2f}x")
    if args.parzen:
        if not args.data:
            print("--parzen needs --data DIR (the uncompressed MNIST IDX files)")
            return 2
        print("Parzen evaluation (MNIST protocol, 10,000 centres), torch:", flush=True)
        subprocess.run([sys.executable, os.path.join(HERE, "parzen_torch.py"), "--data", args.data, "--case", "real"],
                       check=True)
        print("Parzen evaluation, ours:", flush=True)
        subprocess.run(["java", "-cp", os.path.abspath(args.jar), "org.ganworkbook.bench.ParzenCalibration", args.data,
                        "--case", "real"], check=True)
    print(f"load average after: {loadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
