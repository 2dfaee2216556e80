#!/usr/bin/env python3
"""Hold executed notebooks to the claims their prose relies on; fail on any claim outside its range.

Usage:
    check_claims.py [PATH ...]     executed notebooks, or folders of them (default: target/notebooks)

A notebook records what its text relies on with org.ganworkbook.workbook.Claims in its last cell, e.g.
    Claims.of("08-faces").between("distinct nearest training faces", distinct, 5, 60)
The kernel shows that table as HTML for the learner (a claim that is off is marked, never raised: the
learner's notebook goes on) and puts its machine-readable form beside it as application/json, with the
key "ganworkbook.claims". This script reads those outputs from executed copies (run_notebooks.py writes
them to target/notebooks/) and checks each claim again from its value and range, at the budget the
notebook ran with (a claim may apply to one budget only). It fails, naming notebook, claim, value and
range, when
  * a claim that applies at the notebook's budget lies outside its range (or is not a number), or
  * a notebook whose source builds a claims table (Claims.of) has no claims output (it did not reach its
    last cell, or its kernel does not render the table's JSON).
Notebooks without a claims table are listed and pass.

Exit status: 0 if every claim holds, 1 otherwise, 2 for usage errors.
"""
import argparse
import json
import math
import sys
from pathlib import Path

MARKER = "ganworkbook.claims"
ROOT = Path(__file__).resolve().parents[3]


def claims_tables(nb: dict) -> list:
    """Every claims table (the parsed JSON objects) among a notebook's outputs, in cell order."""
    tables = []
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = out.get("data", {}).get("application/json")
            if isinstance(data, str):
                try:
                    data = json.loads(data)
                except ValueError:
                    continue
            if isinstance(data, dict) and data.get(MARKER):
                tables.append(data)
    return tables


def builds_claims(nb: dict) -> bool:
    return any(c.get("cell_type") == "code" and "Claims.of(" in "".join(c.get("source", ""))
               for c in nb.get("cells", []))


def fmt(x) -> str:
    if x is None:
        return "none"
    return f"{x:.6g}" if isinstance(x, float) else str(x)


def describe_range(low, high) -> str:
    if low is None and high is None:
        return "any value"
    if low is None:
        return f"at most {fmt(high)}"
    if high is None:
        return f"at least {fmt(low)}"
    return f"[{fmt(low)}, {fmt(high)}]"


def check_table(name: str, table: dict) -> tuple:
    """(problems, checked, not_checked) for one claims table."""
    problems, checked, skipped = [], 0, 0
    budget = table.get("budget")
    for claim in table.get("claims", []):
        what = claim.get("what", "?")
        if budget not in claim.get("budgets", []):
            skipped += 1
            continue
        checked += 1
        value, low, high = claim.get("value"), claim.get("low"), claim.get("high")
        ok = isinstance(value, (int, float)) and not math.isnan(value) \
            and (low is None or value >= low) and (high is None or value <= high)
        if not ok:
            problems.append(f"{name}: claim '{what}' is {fmt(value)}, outside its range "
                            f"{describe_range(low, high)} (budget {budget})")
        elif claim.get("status") != "holds":
            problems.append(f"{name}: claim '{what}' = {fmt(value)} lies in {describe_range(low, high)} but the "
                            f"notebook marked it '{claim.get('status')}': Claims and this checker disagree")
    return problems, checked, skipped


def check_notebook(path: Path) -> tuple:
    """(problems, summary line) for one executed notebook."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{path.name}: not a readable notebook: {e}"], ""
    tables = claims_tables(nb)
    if not tables:
        if builds_claims(nb):
            return [f"{path.name}: its source builds a claims table (Claims.of) but the executed copy has none: "
                    "did it run to the end, with the gan-workbook kernel?"], ""
        return [], f"--    {path.name}: no claims table"
    problems, checked, skipped = [], 0, 0
    for table in tables:
        p, c, s = check_table(table.get("notebook") or path.stem, table)
        problems += p
        checked += c
        skipped += s
    budget = "/".join(sorted({t.get("budget", "?") for t in tables}))
    line = f"{'ok   ' if not problems else 'FAIL '} {path.name}: {checked - len(problems)} of {checked} claims hold " \
           f"at the {budget} budget" + (f", {skipped} apply to another budget" if skipped else "")
    return problems, line


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="executed notebooks or folders (default: target/notebooks)")
    args = parser.parse_args(argv)
    paths = args.paths or [ROOT / "target" / "notebooks"]
    notebooks = []
    for p in paths:
        if p.is_dir():
            notebooks += sorted(p.glob("*.ipynb"))
        elif p.is_file():
            notebooks.append(p)
        else:
            print(f"no such notebook or folder: {p}", file=sys.stderr)
            return 2
    if not notebooks:
        print(f"no executed notebooks in {', '.join(map(str, paths))}: run run_notebooks.py first", file=sys.stderr)
        return 2
    problems = []
    for path in notebooks:
        p, line = check_notebook(path)
        problems += p
        if line:
            print(line)
        for problem in p:
            print("  " + problem)
    print(f"{len(problems)} claim problem(s) in {len(notebooks)} notebook(s)" if problems
          else f"every claim holds in {len(notebooks)} notebook(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
