#!/usr/bin/env python3
"""Run the workbook's notebooks top to bottom with the project's Java kernel; fail on any error.

Usage:
    run_notebooks.py [NOTEBOOK ...]        execute (default: every notebooks/*.ipynb)
    run_notebooks.py --check-only [NB ...] only check that committed notebooks are clean

Executing a notebook:
  * starts the kernel (default "gan-workbook") with a start-up timeout; a failed start is logged and
    retried a bounded number of times (kernels are separate processes; a start can fail for reasons
    that have nothing to do with the notebook);
  * runs each code cell with a per-cell timeout, in the notebook's folder (as Jupyter does);
  * fails the notebook on an error reply, an error output, or (unless --allow-stderr) any text on
    stderr: library code must not print there, and nbgrader scores such a cell 0;
  * writes the executed copy, its HTML rendering and every PNG it produced under target/notebooks/
    for people to look at, and prints the wall time of each notebook and its slowest cells.

The clean check (--check-only; environment/test.sh runs it on notebooks/) requires: no outputs and
no execution counts, kernelspec name "gan-workbook" and language "java".

Exit status: 0 if every notebook passed, 1 otherwise, 2 for usage errors.
Needs Python 3.8+ with nbclient and nbformat (Debian: python3-nbclient).
"""
import argparse
import asyncio
import base64
import logging
import os
import sys
import time
import warnings
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async

ROOT = Path(__file__).resolve().parents[3]
KERNEL_NAME = "gan-workbook"
LOG = logging.getLogger("run_notebooks")


class NotebookFailure(Exception):
    """A notebook failed; the message says which cell and why."""


def committed_problems(path: Path, kernel_name: str = KERNEL_NAME) -> list:
    """What is wrong with a notebook as committed (empty list = clean)."""
    problems = []
    try:
        nb = nbformat.read(str(path), as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # unreadable or invalid JSON / schema
        return [f"not a valid notebook: {e}"]
    spec = nb.metadata.get("kernelspec", {})
    if spec.get("name") != kernel_name:
        problems.append(f"kernelspec name is {spec.get('name')!r}, expected {kernel_name!r}")
    if spec.get("language") != "java":
        problems.append(f"kernelspec language is {spec.get('language')!r}, expected 'java' (nbgrader needs it)")
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {i} has {len(cell.outputs)} output(s): clear outputs before committing")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {i} has execution_count {cell.execution_count}: clear outputs before committing")
    return problems


def describe_cell(index: int, cell) -> str:
    lines = cell.source.strip().splitlines()
    head = "\n".join("    | " + line for line in lines[:8])
    more = f"\n    | ... ({len(lines) - 8} more lines)" if len(lines) > 8 else ""
    return f"cell {index}:\n{head}{more}"


def output_text(output) -> str:
    if output.output_type == "stream":
        return output.text
    if output.output_type == "error":
        return f"{output.ename}: {output.evalue}\n" + "\n".join(output.get("traceback", []))
    return str(output.get("data", {}).get("text/plain", ""))


def check_outputs(index: int, cell, allow_stderr: bool) -> None:
    for out in cell.get("outputs", []):
        if out.output_type == "error":
            raise NotebookFailure(f"{describe_cell(index, cell)}\n  raised:\n{indent(output_text(out))}")
        if out.output_type == "stream" and out.name == "stderr" and not allow_stderr:
            raise NotebookFailure(f"{describe_cell(index, cell)}\n  wrote to stderr:\n{indent(out.text)}")


def indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.rstrip().splitlines()[-40:])


async def start_kernel(client: NotebookClient, cwd: Path, attempts: int) -> None:
    """Start the kernel and wait until it answers, retrying a bounded number of times."""
    for attempt in range(1, attempts + 1):
        client.km = client.create_kernel_manager()
        t0 = time.monotonic()
        try:
            await client.async_start_new_kernel(cwd=str(cwd))
            await client.async_start_new_kernel_client()
            LOG.info("kernel %s ready in %.1f s (attempt %d)", client.kernel_name, time.monotonic() - t0, attempt)
            return
        except NoSuchKernel:
            raise NotebookFailure(
                f"no Jupyter kernel named {client.kernel_name!r} is installed. "
                "Run ./environment/setup.sh (it registers the kernel), or pass --kernel.")
        except Exception as e:  # a failed start: log it, clean up, try again
            LOG.warning("kernel start attempt %d/%d failed after %.1f s: %r",
                        attempt, attempts, time.monotonic() - t0, e)
            try:
                await client._async_cleanup_kernel()
            except Exception as cleanup_error:
                LOG.debug("cleanup after failed start: %r", cleanup_error)
            client.km = None
            client.kc = None
            if attempt == attempts:
                raise NotebookFailure(f"the kernel did not start in {attempts} attempt(s); last error: {e!r}")
            await asyncio.sleep(2)


async def execute(path: Path, args) -> dict:
    """Execute one notebook; returns timings; raises NotebookFailure. Always saves what ran."""
    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.cell_timeout,
        startup_timeout=args.startup_timeout,
        shutdown_kernel="immediate",
        allow_errors=False,
        record_timing=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    timings = []
    started = time.monotonic()
    try:
        await start_kernel(client, path.parent, args.start_attempts)
        try:
            msg_id = await ensure_async(client.kc.kernel_info())
            reply = await client.async_wait_for_reply(msg_id)
            if reply and "language_info" in reply["content"]:
                nb.metadata["language_info"] = reply["content"]["language_info"]
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code" or not cell.source.strip():
                    continue
                t0 = time.monotonic()
                try:
                    await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
                except CellTimeoutError:
                    raise NotebookFailure(f"{describe_cell(index, cell)}\n  did not finish within "
                                          f"{args.cell_timeout} s (--cell-timeout)")
                except DeadKernelError:
                    raise NotebookFailure(f"{describe_cell(index, cell)}\n  killed the kernel "
                                          "(System.exit, a crash, or out of memory?)")
                except CellExecutionError as e:
                    raise NotebookFailure(f"{describe_cell(index, cell)}\n  failed:\n{indent(str(e))}")
                finally:
                    timings.append((time.monotonic() - t0, index))
                check_outputs(index, cell, args.allow_stderr)
        finally:
            try:
                await client._async_cleanup_kernel()
            except Exception as e:
                LOG.debug("kernel cleanup: %r", e)
    finally:
        save(path, nb, args.out)
    return {"wall": time.monotonic() - started, "cells": timings}


def save(path: Path, nb, out_dir: Path) -> None:
    """Executed copy, its HTML, and each PNG output as its own file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(out_dir / path.name))
    png_dir = out_dir / path.stem
    png_dir.mkdir(exist_ok=True)
    for old in png_dir.glob("*.png"):
        old.unlink()
    for index, cell in enumerate(nb.cells):
        k = 0
        for out in cell.get("outputs", []):
            png = out.get("data", {}).get("image/png")
            if png:
                k += 1
                (png_dir / f"cell{index:02d}-{k}.png").write_bytes(base64.b64decode(png))
    try:
        from nbconvert import HTMLExporter
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            html, _ = HTMLExporter().from_notebook_node(nb)
        (out_dir / (path.stem + ".html")).write_text(html, encoding="utf-8")
    except Exception as e:  # nbconvert is optional for the harness
        LOG.debug("no HTML rendering: %r", e)


def default_notebooks() -> list:
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: notebooks/*.ipynb)")
    parser.add_argument("--check-only", action="store_true", help="only check that the notebooks are clean")
    parser.add_argument("--kernel", default=KERNEL_NAME, help="kernelspec name (default: %(default)s)")
    parser.add_argument("--cell-timeout", type=int, default=600, help="seconds per cell (default: %(default)s)")
    parser.add_argument("--startup-timeout", type=int, default=60,
                        help="seconds for the kernel to answer after starting (default: %(default)s)")
    parser.add_argument("--start-attempts", type=int, default=3, help="kernel start attempts (default: %(default)s)")
    parser.add_argument("--allow-stderr", action="store_true", help="do not fail on text written to stderr")
    parser.add_argument("--budget", choices=["smoke", "full"],
                        help="set GANWB_BUDGET for the kernel (default: inherit the environment)")
    parser.add_argument("--out", type=Path, default=ROOT / "target" / "notebooks",
                        help="where executed copies and PNGs go (default: %(default)s)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log kernel start-up details")
    parser.add_argument("-q", "--quiet", action="store_true", help="no log lines, only results")
    args = parser.parse_args(argv)
    logging.basicConfig(format="  %(levelname)s %(message)s")
    logging.getLogger().setLevel(logging.CRITICAL if args.quiet else logging.DEBUG if args.verbose else logging.INFO)
    if args.budget:
        os.environ["GANWB_BUDGET"] = args.budget

    notebooks = [p.resolve() for p in args.notebooks] or default_notebooks()
    if not notebooks:
        print("no notebooks found under notebooks/", file=sys.stderr)
        return 2
    missing = [str(p) for p in notebooks if not p.is_file()]
    if missing:
        print("no such notebook: " + ", ".join(missing), file=sys.stderr)
        return 2

    if args.check_only:
        unclean = 0
        for path in notebooks:
            problems = committed_problems(path, args.kernel)
            if problems:
                unclean += 1
                print(f"FAIL  {rel(path)} is not clean:\n" + "\n".join("    " + p for p in problems))
            else:
                print(f"ok    {rel(path)} is clean")
        print(f"{len(notebooks) - unclean} of {len(notebooks)} notebooks clean")
        return 1 if unclean else 0

    try:
        spec = KernelSpecManager().get_kernel_spec(args.kernel)
        LOG.info("kernel %r from %s", args.kernel, spec.resource_dir)
    except NoSuchKernel:
        print(f"FAIL  no Jupyter kernel named {args.kernel!r} is installed. Run ./environment/setup.sh "
              "(it registers the kernel), or pass --kernel NAME.")
        return 1

    failed = []
    results = []
    for path in notebooks:
        print(f"run   {rel(path)}  (kernel {args.kernel}, GANWB_BUDGET={os.environ.get('GANWB_BUDGET', 'full')})",
              flush=True)
        t0 = time.monotonic()
        try:
            result = asyncio.run(execute(path, args))
        except NotebookFailure as e:
            failed.append(path.name)
            results.append((path, time.monotonic() - t0, "FAIL"))
            print(f"FAIL  {rel(path)} after {time.monotonic() - t0:.1f} s\n  {e}".replace("\n", "\n  "), flush=True)
            continue
        results.append((path, result["wall"], "ok"))
        slow = ", ".join(f"cell {i} {s:.1f} s" for s, i in sorted(result["cells"], reverse=True)[:3])
        print(f"ok    {rel(path)}  {result['wall']:.1f} s, {len(result['cells'])} code cells (slowest: {slow})",
              flush=True)

    print("\nnotebook                                  result   wall time")
    for path, wall, status in results:
        print(f"  {path.name:<40} {status:<6} {wall:7.1f} s")
    print(f"executed copies, HTML and PNGs: {rel(args.out)}")
    print(f"{len(results) - len(failed)} of {len(notebooks)} notebooks passed")
    return 1 if failed else 0


def rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
