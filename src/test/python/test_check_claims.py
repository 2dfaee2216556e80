#!/usr/bin/env python3
"""Self-test of check_claims.py: it fails on a claim outside its range, naming notebook, claim, value and
range; passes claims that hold or apply to another budget; fails a notebook that should have a claims table
and has none. The last test executes a notebook with a broken claim in the real gan-workbook kernel
(skipped where that kernel is not installed): the notebook itself runs through, the claims check fails.
Run: /usr/bin/python3 src/test/python/test_check_claims.py
"""
import contextlib
import io
import os
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_claims  # noqa: E402
import run_notebooks  # noqa: E402


def table(budget, *claims):
    return {"ganworkbook.claims": 1, "notebook": "fixture", "budget": budget, "claims": [
        {"what": w, "value": v, "low": lo, "high": hi, "budgets": b, "status": s} for w, v, lo, hi, b, s in claims]}


def executed(data, source='Claims.of("fixture")'):
    nb = new_notebook()
    cell = new_code_cell(source)
    if data is not None:
        cell.outputs = [new_output("execute_result", data={"text/plain": "claims", "application/json": data},
                                   execution_count=1)]
    nb.cells.append(cell)
    return nb


class CheckClaimsTest(unittest.TestCase):

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="claims-test-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def check(self, nb, name="fixture.ipynb"):
        nbformat.write(nb, str(self.tmp / name))
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = check_claims.main([str(self.tmp)])
        return code, buf.getvalue()

    def test_claims_in_range_pass(self):
        both = ["smoke", "full"]
        code, out = self.check(executed(table("full", ("modes covered", 2.0, 1.0, 8.0, both, "holds"),
                                              ("at least", 5.0, 1.0, None, both, "holds"))))
        self.assertEqual(0, code, out)
        self.assertIn("2 of 2 claims hold", out)

    def test_a_claim_out_of_range_fails_naming_notebook_claim_value_and_range(self):
        code, out = self.check(executed(table("full", ("distinct nearest faces", 11.0, 20.0, 60.0, ["full"], "off"))))
        self.assertEqual(1, code, out)
        self.assertIn("fixture: claim 'distinct nearest faces' is 11, outside its range [20, 60] (budget full)", out)

    def test_the_checker_does_not_trust_the_status_the_notebook_wrote(self):
        code, out = self.check(executed(table("full", ("x", 99.0, 0.0, 1.0, ["full"], "holds"))))
        self.assertEqual(1, code, out)
        self.assertIn("is 99, outside its range [0, 1]", out)

    def test_a_missing_value_fails(self):
        code, out = self.check(executed(table("full", ("x", None, 0.0, 1.0, ["full"], "off"))))
        self.assertEqual(1, code, out)

    def test_a_claim_for_another_budget_is_not_checked(self):
        code, out = self.check(executed(table("smoke", ("full only", 99.0, 0.0, 1.0, ["full"], "not_checked"))))
        self.assertEqual(0, code, out)
        self.assertIn("1 apply to another budget", out)

    def test_a_notebook_that_builds_claims_but_shows_none_fails(self):
        code, out = self.check(executed(None))
        self.assertEqual(1, code, out)
        self.assertIn("has none", out)

    def test_a_notebook_without_claims_passes(self):
        code, out = self.check(executed(None, source="1 + 1"))
        self.assertEqual(0, code, out)

    def test_json_given_as_a_string_is_read_too(self):
        import json
        code, out = self.check(executed(json.dumps(table("full", ("x", 5.0, 0.0, 1.0, ["full"], "off")))))
        self.assertEqual(1, code, out)

    def test_a_broken_claim_in_the_real_kernel_runs_through_but_fails_the_check(self):
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
        try:
            KernelSpecManager().get_kernel_spec(run_notebooks.KERNEL_NAME)
        except NoSuchKernel:
            self.skipTest("the gan-workbook kernel is not installed (run ./environment/setup.sh)")
        nb = new_notebook()
        nb.metadata["kernelspec"] = {"name": "gan-workbook", "display_name": "GAN Workbook", "language": "java"}
        nb.cells.append(new_code_cell("import org.ganworkbook.workbook.*;"))
        nb.cells.append(new_code_cell('Claims.of("claims-fixture", Budget.FULL)\n'
                                      '      .between("modes covered", 2, 1, 8)\n'
                                      '      .between("distinct nearest faces", 11, 20, 60)'))
        path = self.tmp / "claims-fixture.ipynb"
        nbformat.write(nb, str(path))
        out_dir = self.tmp / "executed"
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            ran = run_notebooks.main(["--quiet", "--out", str(out_dir), str(path)])
        self.assertEqual(0, ran, "a claim that is off must not fail the learner's notebook:\n" + buf.getvalue())
        html = nbformat.read(str(out_dir / path.name), as_version=4).cells[1].outputs[0].data["text/html"]
        self.assertIn("DOES NOT AGREE", html)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = check_claims.main([str(out_dir)])
        self.assertEqual(1, code, buf.getvalue())
        self.assertIn("claims-fixture: claim 'distinct nearest faces' is 11, outside its range [20, 60]", buf.getvalue())
        self.assertNotIn("'modes covered'", buf.getvalue())


if __name__ == "__main__":
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    unittest.main(verbosity=2)
