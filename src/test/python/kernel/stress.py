#!/usr/bin/python3
"""Stress test of a Java Jupyter kernel: start, run, interrupt, run again, shut down -- N times.

Each run: start the kernel (timeout), run a cell, run a busy cell and interrupt it (alternately a
`while (true) { }` loop that never looks at interrupts and a loop that sleeps and polls them), check
that the interrupted cell's execute_reply arrives within 1 s and that the next cell sees the state of
the first; then interrupt `Thread.sleep(20000);` and send `1 + 1` the moment the interrupted cell's
execute_reply arrives (before its idle status), which must run (status ok, value 2), never be
answered "aborted": only requests already queued when a cell fails may be aborted. Then shut down
and check the process exits by itself. After the N runs, one kernel runs a runaway allocation
(`while (true) hog.add(new long[1 << 17]);` into a variable of the cell) --oom times in a row: each
must end as an OutOfMemoryError error within 60 s, and the kernel must still interrupt and run
`1 + 1` afterwards. Prints one line per run and a summary (median / p95 / max); exits non-zero if
anything hung or failed.

    mvn -q -o -DskipTests package
    /usr/bin/python3 src/test/python/kernel/stress.py --n 200

By default the kernelspec is installed from target/gan-workbook.jar into a temporary Jupyter path.
To measure another kernel (e.g. rapaio), install its kernelspec under DIR/kernels/NAME and pass
--jupyter-path DIR --kernel NAME.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

RUNAWAY = "java.util.List<long[]> hog = new java.util.ArrayList<>(); while (true) hog.add(new long[1 << 17]);"

BUSY_CELLS = [
    ("busy", "while (true) { }"),
    ("polling", "long polls = 0;\nwhile (!Thread.interrupted()) { polls++; Thread.sleep(1); }"),
]


def one_run(i, args, logs):
    row = {"run": i, "start": None, "first": None, "kind": BUSY_CELLS[i % 2][0], "interrupt": None,
           "interrupt_ok": False, "ename": None, "next_ok": False, "after_reply": None, "after_reply_latency": None,
           "shutdown": None, "exit": None, "problem": None}
    log = os.path.join(logs, f"kernel-{i:04d}.log")
    k = harness.Kernel(name=args.kernel, start_timeout=args.start_timeout, log_path=log)
    if not k.started:
        row["problem"] = "start hang" if k.km.is_alive() else "died at start"
        k.kill()
        return row, log
    row["start"] = k.start_seconds
    try:
        t0 = time.monotonic()
        reply, outs = k.execute("int x = 1 + 1;\nx", timeout=args.cell_timeout)
        if reply is None or harness.shown_value(outs) != "2":
            row["problem"] = "first cell failed"
            k.kill()
            return row, log
        row["first"] = time.monotonic() - t0

        reply, latency = k.interrupt_running(BUSY_CELLS[i % 2][1], settle=args.settle, timeout=args.interrupt_timeout)
        if reply is None:
            row["problem"] = "interrupted cell never answered"
            k.kill()
            return row, log
        row["interrupt"] = latency
        row["ename"] = reply["content"].get("ename")
        row["interrupt_ok"] = latency <= 1.0 and reply["content"]["status"] == "error"

        reply, outs = k.execute("x + 1", timeout=10)
        row["next_ok"] = reply is not None and harness.shown_value(outs) == "3"
        if not row["next_ok"]:
            row["problem"] = "cell after the interrupt failed"

        # a cell sent the moment the interrupted cell's reply arrives (as a person pressing Shift-Enter
        # again, or nbclient's next cell) must run: it was not queued when the cell failed
        reply, latency, next_reply, next_outs = k.interrupt_then_run(
            "Thread.sleep(20000);", "1 + 1", settle=args.settle_sleep, timeout=args.interrupt_timeout)
        row["after_reply_latency"] = latency
        if reply is None:
            row["problem"] = row["problem"] or "interrupted Thread.sleep never answered"
        elif latency > 1.0 or reply["content"]["status"] != "error":
            row["interrupt_ok"] = False
        if next_reply is None:
            row["after_reply"] = "lost"
        elif next_reply["content"]["status"] != "ok" or harness.shown_value(next_outs) != "2":
            row["after_reply"] = next_reply["content"]["status"]
        else:
            row["after_reply"] = "ok"
        if row["after_reply"] != "ok":
            row["problem"] = row["problem"] or f"cell sent right after the interrupt reply: {row['after_reply']}"
    except Exception as e:  # a protocol surprise is a failure of this run, not of the script
        row["problem"] = f"{type(e).__name__}: {e}"
        k.kill()
        return row, log
    seconds, code = k.shutdown()
    row["shutdown"] = seconds
    row["exit"] = code
    if code != 0 and row["problem"] is None:
        row["problem"] = f"shutdown: exit code {code}"
    return row, log


def runaway_allocations(n, args):
    """Runs RUNAWAY n times in one kernel; returns (rows, ok). Each must be an OutOfMemoryError within 60 s."""
    k = harness.Kernel(name=args.kernel, start_timeout=args.start_timeout,
                       log_path=os.path.join(args.logs, "kernel-oom.log"))
    rows = []
    if not k.started:
        k.kill()
        print("runaway allocations: the kernel did not start")
        return rows, False
    ok = True
    try:
        reply, outs = k.execute("int kept = 1 + 1;", timeout=args.cell_timeout)
        for i in range(n):
            t0 = time.monotonic()
            reply, outs = k.execute(RUNAWAY, timeout=60)
            seconds = time.monotonic() - t0
            content = reply["content"] if reply else {}
            good = content.get("ename") == "OutOfMemoryError" and seconds <= 60
            ok = ok and good
            rows.append(seconds if reply else None)
            print(f"runaway allocation {i + 1:2d}: {content.get('status', 'NO REPLY')} {content.get('ename') or '-'} "
                  f"after {seconds:.1f} s" + ("" if good else "  << FAILED"), flush=True)
            if reply is None:
                break
        reply, latency = k.interrupt_running("while (true) { }", settle=args.settle, timeout=args.interrupt_timeout)
        interrupted = reply is not None and reply["content"].get("ename") == "Interrupted" and latency <= 1.0
        reply, outs = k.execute("kept + 1", timeout=30)
        runs = reply is not None and harness.shown_value(outs) == "3"
        print(f"after the runaway allocations: interrupt {'ok' if interrupted else 'FAILED'} "
              f"({fmt(latency)}), next cell {'ok' if runs else 'FAILED'}", flush=True)
        ok = ok and interrupted and runs
    except Exception as e:
        print(f"runaway allocations: {type(e).__name__}: {e}")
        ok = False
    if ok:
        k.shutdown()
    else:
        k.kill()
    return rows, ok


def fmt(v, unit="s"):
    return "-" if v is None else f"{v:.3f} {unit}"


def stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    return (f"median {statistics.median(values):.3f} s, p95 {harness.percentile(values, 95):.3f} s, "
            f"max {max(values):.3f} s (n={len(values)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10, help="number of kernel starts (default 10)")
    parser.add_argument("--jar", default=harness.DEFAULT_JAR, help="workbook jar to install the kernelspec from")
    parser.add_argument("--java", default=shutil.which("java") or "java")
    parser.add_argument("--kernel", default=harness.KERNEL_NAME, help="kernelspec name")
    parser.add_argument("--jupyter-path", help="use kernelspecs under this JUPYTER_PATH instead of installing")
    parser.add_argument("--start-timeout", type=float, default=30.0)
    parser.add_argument("--cell-timeout", type=float, default=60.0)
    parser.add_argument("--interrupt-timeout", type=float, default=10.0)
    parser.add_argument("--settle", type=float, default=0.3, help="seconds between execute_input and the interrupt")
    parser.add_argument("--settle-sleep", type=float, default=0.5,
                        help="seconds between execute_input of Thread.sleep(20000) and its interrupt")
    parser.add_argument("--oom", type=int, default=10, help="runaway allocations in a row at the end (default 10; 0: none)")
    parser.add_argument("--heap", default="1g", help="the kernel's heap cap (-Xmx) when this script installs it")
    parser.add_argument("--keep-logs", help="directory for kernel logs (default: temporary, kept only on failure)")
    args = parser.parse_args()

    if args.jupyter_path:
        harness.use_jupyter_path(args.jupyter_path)
        root = None
    else:
        root = harness.install_kernelspec(jar=args.jar, java=args.java, heap=args.heap)
    logs = args.keep_logs or tempfile.mkdtemp(prefix="ganwb-stress-logs-")
    os.makedirs(logs, exist_ok=True)
    args.logs = logs
    load = os.getloadavg()
    print(f"kernel {args.kernel}, {args.n} runs, load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")

    rows = []
    failed_logs = []
    for i in range(args.n):
        row, log = one_run(i, args, logs)
        rows.append(row)
        if row["problem"] or not row["interrupt_ok"]:
            failed_logs.append(log)
        elif not args.keep_logs and os.path.exists(log):
            os.remove(log)
        print(f"run {i:3d}: start {fmt(row['start'])}, first cell {fmt(row['first'])}, "
              f"interrupt[{row['kind']}] {fmt(row['interrupt'])} {row['ename'] or '-'}"
              f"{'' if row['interrupt_ok'] else ' LATE/MISSING'}, next cell {'ok' if row['next_ok'] else 'FAILED'}, "
              f"sleep interrupt {fmt(row['after_reply_latency'])} then 1 + 1 {row['after_reply'] or '-'}, "
              f"shutdown {fmt(row['shutdown'])} exit {row['exit']}" + (f"  << {row['problem']}" if row["problem"] else ""),
              flush=True)

    oom_rows, oom_ok = runaway_allocations(args.oom, args) if args.oom > 0 else ([], True)
    if not oom_ok:
        failed_logs.append(os.path.join(logs, "kernel-oom.log"))

    n = len(rows)
    hangs = sum(1 for r in rows if r["problem"] in ("start hang", "died at start"))
    answered = sum(1 for r in rows if r["interrupt_ok"])
    interrupted_ename = sum(1 for r in rows if r["ename"] == "Interrupted")
    next_ok = sum(1 for r in rows if r["next_ok"])
    clean = sum(1 for r in rows if r["exit"] == 0)
    load = os.getloadavg()
    print()
    print(f"SUMMARY ({n} runs, load average at end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})")
    print(f"  start hangs / deaths:         {hangs}")
    print(f"  start (launch -> kernel_info_reply): {stats([r['start'] for r in rows])}")
    print(f"  first cell (JShell warm-up incl.):   {stats([r['first'] for r in rows])}")
    print(f"  interrupt answered <= 1 s:    {answered}/{n}  (ename 'Interrupted': {interrupted_ename})")
    print(f"  interrupt latency:            {stats([r['interrupt'] for r in rows])}")
    for kind, _ in BUSY_CELLS:
        print(f"    {kind:8s}                    {stats([r['interrupt'] for r in rows if r['kind'] == kind])}")
    print(f"  next cell after interrupt ok: {next_ok}/{n}")
    after = [r["after_reply"] for r in rows]
    print(f"  1 + 1 sent right after an interrupt reply: ok {after.count('ok')}/{n}, aborted {after.count('aborted')}, "
          f"lost {after.count('lost')}, other {n - after.count('ok') - after.count('aborted') - after.count('lost')}")
    print(f"  interrupt of Thread.sleep:    {stats([r['after_reply_latency'] for r in rows])}")
    if args.oom > 0:
        print(f"  runaway allocations in a row: {'ok' if oom_ok else 'FAILED'}; {stats(oom_rows)}")
    print(f"  shutdown, process exited by itself: {clean}/{n}; {stats([r['shutdown'] for r in rows if r['exit'] == 0])}")
    problems = [r for r in rows if r["problem"]]
    for r in problems:
        print(f"  run {r['run']}: {r['problem']}")
    if failed_logs:
        print(f"  kernel logs of failed runs: {logs}")
    elif not args.keep_logs:
        shutil.rmtree(logs, ignore_errors=True)
    if root:
        shutil.rmtree(root, ignore_errors=True)
    ok = hangs == 0 and answered == n and next_ok == n and clean == n and after.count("ok") == n and oom_ok
    sys.stdout.flush()
    os._exit(0 if ok else 1)  # skip jupyter_client's noisy destructors at interpreter exit


if __name__ == "__main__":
    main()
