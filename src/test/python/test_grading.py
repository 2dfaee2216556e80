#!/usr/bin/env python3
"""Checks of the graded assignments from outside Java, as nbgrader would see them.

nbgrader itself is not installed here (PyPI is unreachable, Debian has no package), so this test
re-states what nbgrader checks and computes, independently of the Java code, and applies it to
notebooks/assignments/:
  * every nbgrader cell validates against the cell-metadata schema version 3 (written out below from
    nbgrader's documented fields) and nbgrader's extra rules (grade ids present and unique, points on
    grade cells, markdown grade cells are solution cells, tasks are markdown);
  * the released notebooks carry the checksums nbgrader's generate_assignment would compute (MD5 of
    source, cell type, grade/solution/locked flags, grade id and points), and are clean (no outputs,
    kernelspec gan-workbook/java);
  * nbgrader_config.py loads as a traitlets config and its Java stub and text stub are exactly what the
    released notebooks contain;
  * end to end with the installed kernelspec and the built jar: `grade release --check` finds the
    committed releases up to date, and `grade run` gives each source version full autograded marks and
    each released (unanswered) version zero, without changing the files.
Run: /usr/bin/python3 src/test/python/test_grading.py (environment/test.sh does, after setup).
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import jsonschema
import nbformat
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[3]
ASSIGNMENTS = ROOT / "notebooks" / "assignments"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_notebooks  # noqa: E402

# nbgrader's cell metadata, schema version 3 (its documented fields; no others allowed).
SCHEMA_V3 = {
    "type": "object",
    "properties": {
        "schema_version": {"type": "integer", "minimum": 3, "maximum": 3},
        "grade": {"type": "boolean"},
        "locked": {"type": "boolean"},
        "solution": {"type": "boolean"},
        "task": {"type": "boolean"},
        "grade_id": {"type": "string", "pattern": "^[a-zA-Z0-9_\\-]*$"},
        "points": {"type": "number", "minimum": 0},
        "checksum": {"type": "string", "minLength": 32, "maxLength": 32},
        "cell_type": {"type": "string", "enum": ["raw", "code", "markdown"]},
    },
    "required": ["schema_version", "grade", "locked", "solution"],
    "additionalProperties": False,
}


def sources():
    return sorted(ASSIGNMENTS.glob("source/*/*.ipynb"))


def releases():
    return sorted(ASSIGNMENTS.glob("release/*/*.ipynb"))


def nbgrader_cells(nb):
    return [(i, c) for i, c in enumerate(nb.cells) if "nbgrader" in c.metadata]


def is_locked(meta):
    """nbgrader's reading: never a solution cell, always a grade cell, else the flag."""
    if meta.get("solution"):
        return False
    return bool(meta.get("grade")) or bool(meta.get("locked"))


def checksum(cell):
    meta = cell.metadata["nbgrader"]
    m = hashlib.md5()
    for part in (cell.source, cell.cell_type, str(bool(meta.get("grade"))), str(bool(meta.get("solution"))),
                 str(is_locked(meta)), meta["grade_id"]):
        m.update(part.encode("utf-8"))
    if meta.get("grade"):
        m.update(str(float(meta["points"])).encode("utf-8"))
    return m.hexdigest()


class MetadataTest(unittest.TestCase):

    def test_there_are_three_assignments_with_a_release_each(self):
        self.assertGreaterEqual(len(sources()), 3)
        self.assertEqual([p.relative_to(ASSIGNMENTS / "source") for p in sources()],
                         [p.relative_to(ASSIGNMENTS / "release") for p in releases()])

    def test_cells_follow_nbgraders_schema_and_rules(self):
        for path in sources() + releases():
            nb = nbformat.read(str(path), as_version=4)
            nbformat.validate(nb)
            self.assertEqual(nb.metadata.kernelspec.language, "java", path)
            ids = set()
            for i, cell in nbgrader_cells(nb):
                meta = cell.metadata["nbgrader"]
                where = f"{path.name} cell {i}"
                jsonschema.validate(meta, SCHEMA_V3)
                if meta["grade"] or meta["solution"] or meta["locked"]:
                    self.assertTrue(meta.get("grade_id"), where)
                    self.assertNotIn(meta["grade_id"], ids, where)
                    ids.add(meta["grade_id"])
                if meta["grade"]:
                    self.assertIn("points", meta, where)
                    self.assertGreater(meta["points"], 0, where)
                if meta.get("task"):
                    self.assertEqual(cell.cell_type, "markdown", where)
                elif cell.cell_type == "markdown":
                    self.assertEqual(meta["grade"], meta["solution"], where)
                if meta["solution"]:
                    self.assertFalse(meta["locked"], where)
                if meta["grade"] and not meta["solution"]:
                    self.assertTrue(meta["locked"], f"{where}: test cells are locked")

    def test_sources_have_what_an_assignment_needs(self):
        for path in sources():
            nb = nbformat.read(str(path), as_version=4)
            metas = [c.metadata["nbgrader"] for _, c in nbgrader_cells(nb)]
            tests = [m for m in metas if m["grade"] and not m["solution"]]
            written = [m for m in metas if m["grade"] and m["solution"]]
            self.assertGreaterEqual(len(tests), 3, path.name)
            self.assertGreaterEqual(len(written), 1, path.name)
            for _, cell in nbgrader_cells(nb):
                meta = cell.metadata["nbgrader"]
                if meta["grade"] and not meta["solution"]:
                    self.assertIn("BEGIN HIDDEN TESTS", cell.source, meta["grade_id"])
                    self.assertNotRegex(cell.source, r"(?m)^\s*assert\s", meta["grade_id"])
                    self.assertNotIn("System.err", cell.source, meta["grade_id"])

    def test_releases_carry_nbgraders_checksums_and_no_solutions(self):
        for path in releases():
            nb = nbformat.read(str(path), as_version=4)
            self.assertEqual(run_notebooks.committed_problems(path), [], path.name)
            for i, cell in nbgrader_cells(nb):
                meta = cell.metadata["nbgrader"]
                for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME"):
                    self.assertNotIn(marker, cell.source, f"{path.name} cell {i}")
                if meta["grade"] or meta["solution"] or meta["locked"]:
                    self.assertEqual(meta["checksum"], checksum(cell), f"{path.name} cell {i}")
                    self.assertEqual(meta["cell_type"], cell.cell_type)

    def test_sources_are_committed_clean(self):
        for path in sources():
            self.assertEqual(run_notebooks.committed_problems(path), [], path.name)


class ConfigTest(unittest.TestCase):

    def test_nbgrader_config_matches_the_released_stubs(self):
        c = Config()
        exec((ASSIGNMENTS / "nbgrader_config.py").read_text(), {"get_config": lambda: c})
        java_stub = c.ClearSolutions.code_stub["java"]
        self.assertIn("throw new UnsupportedOperationException(", java_stub)
        self.assertEqual(c.Execute.timeout, 30)
        found_code = found_text = 0
        for path in releases():
            nb = nbformat.read(str(path), as_version=4)
            for _, cell in nbgrader_cells(nb):
                meta = cell.metadata["nbgrader"]
                if meta["solution"] and cell.cell_type == "code":
                    body = "\n".join(line.strip() for line in cell.source.splitlines())
                    self.assertIn("\n".join(line.strip() for line in java_stub.splitlines()), body)
                    found_code += 1
                elif meta["solution"]:
                    self.assertEqual(cell.source, c.ClearSolutions.text_stub)
                    found_text += 1
        self.assertGreaterEqual(found_code, 9)
        self.assertGreaterEqual(found_text, 3)


@unittest.skipUnless((ROOT / "target" / "gan-workbook.jar").is_file(), "no target/gan-workbook.jar (run setup.sh)")
class EndToEndTest(unittest.TestCase):
    """The command line with the installed gan-workbook kernelspec."""

    def java(self, *args, timeout=900):
        return subprocess.run(["java", "-jar", str(ROOT / "target" / "gan-workbook.jar"), *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout)

    def test_committed_releases_are_up_to_date(self):
        r = self.java("grade", "release", "notebooks/assignments/source", "--out", "notebooks/assignments/release", "--check")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_sources_get_full_marks_and_releases_zero(self):
        tmp = Path(tempfile.mkdtemp(prefix="grading-test-"))
        try:
            before = {}
            for who, paths in (("instructor", sources()), ("unanswered", releases())):
                for p in paths:
                    target = tmp / "submitted" / who / p.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(p, target)
                    before[target] = hashlib.sha256(target.read_bytes()).hexdigest()
            r = self.java("grade", "run", str(tmp / "submitted"), "--source", "notebooks/assignments/source",
                          "--out", str(tmp / "graded"))
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertNotIn("using this program's own kernel", r.stdout, "the installed kernelspec is used")
            for target, digest in before.items():
                self.assertEqual(hashlib.sha256(target.read_bytes()).hexdigest(), digest, f"{target} was modified")
                report = json.loads((tmp / "graded" / target.parent.name / (target.stem + ".report.json")).read_text())
                self.assertEqual(report["status"], "graded", report.get("error"))
                expected = report["autogradedMax"] if target.parent.name == "instructor" else 0
                self.assertEqual(report["autogradedScore"], expected, f"{target}: {report['cells']}")
                self.assertGreater(report["autogradedMax"], 0)
            rows = (tmp / "graded" / "gradebook.csv").read_text().splitlines()
            self.assertEqual(len(rows), 1 + len(before))
            print("\n" + r.stdout.split("\n\n")[0])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
