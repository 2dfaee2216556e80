#!/usr/bin/env python3
"""Self-test of run_notebooks.py, using Python's own ipykernel so it runs without the Java kernel.

Checks that the harness really fails when it must (error, stderr, timeout, dead kernel, kernel that
never starts: with logged retries), passes a good notebook, extracts PNGs, and that the clean
check catches outputs and a wrong kernelspec. Run: /usr/bin/python3 src/test/python/test_run_notebooks.py
"""
import base64
import contextlib
import io
import json
import os
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_notebooks  # noqa: E402

# A 1x1 PNG.
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")).decode()


def notebook(*sources, kernel="python3", language="python"):
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": language}
    nb.cells.append(new_markdown_cell("# test"))
    nb.cells.extend(new_code_cell(s) for s in sources)
    return nb


class HarnessTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet ipykernel's debugger notice

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="harness-test-"))
        self.out = self.tmp / "out"

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, nb):
        path = self.tmp / name
        nbformat.write(nb, str(path))
        return path

    def run_harness(self, *argv):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = run_notebooks.main(["--quiet", "--out", str(self.out), "--cell-timeout", "20",
                                       "--startup-timeout", "30", *map(str, argv)])
        return code, buf.getvalue()

    def test_good_notebook_passes_and_its_png_is_extracted(self):
        show_png = ("from IPython.display import display, Image\nimport base64\n"
                    f"display(Image(data=base64.b64decode('{PNG}'), format='png'))")
        path = self.write("good.ipynb", notebook("x = 6 * 7\nx", show_png))
        code, out = self.run_harness(path, "--kernel", "python3")
        self.assertEqual(0, code, out)
        self.assertIn("1 of 1 notebooks passed", out)
        self.assertTrue((self.out / "good.html").is_file())
        executed = nbformat.read(str(self.out / "good.ipynb"), as_version=4)
        self.assertEqual("42", executed.cells[1].outputs[0]["data"]["text/plain"])
        self.assertTrue((self.out / "good" / "cell02-1.png").is_file())

    def test_error_fails_and_names_the_cell(self):
        path = self.write("bad.ipynb", notebook("a = 1", "raise ValueError('boom')", "b = 2"))
        code, out = self.run_harness(path, "--kernel", "python3")
        self.assertEqual(1, code, out)
        self.assertIn("cell 2", out)
        self.assertIn("boom", out)
        self.assertIn("FAIL", out)

    def test_stderr_fails_unless_allowed(self):
        path = self.write("stderr.ipynb", notebook("import sys\nprint('careful', file=sys.stderr)"))
        code, out = self.run_harness(path, "--kernel", "python3")
        self.assertEqual(1, code, out)
        self.assertIn("wrote to stderr", out)
        code, out = self.run_harness(path, "--kernel", "python3", "--allow-stderr")
        self.assertEqual(0, code, out)

    def test_timeout_and_dead_kernel_fail(self):
        path = self.write("slow.ipynb", notebook("import time\ntime.sleep(60)"))
        code, out = self.run_harness(path, "--kernel", "python3", "--cell-timeout", "3")
        self.assertEqual(1, code, out)
        self.assertIn("did not finish within 3 s", out)
        path = self.write("exit.ipynb", notebook("import os\nos._exit(1)"))
        code, out = self.run_harness(path, "--kernel", "python3")
        self.assertEqual(1, code, out)
        self.assertIn("killed the kernel", out)

    def test_kernel_that_never_starts_is_retried_then_reported(self):
        kernels = self.tmp / "jupyter" / "kernels" / "broken"
        kernels.mkdir(parents=True)
        (kernels / "kernel.json").write_text(json.dumps(
            {"argv": [sys.executable, "-c", "import sys; sys.exit(3)", "{connection_file}"],
             "display_name": "broken", "language": "python"}))
        path = self.write("nb.ipynb", notebook("1"))
        old = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = str(self.tmp / "jupyter")
        try:
            with self.assertLogs("run_notebooks", level="WARNING") as logs:
                code, out = self.run_harness(path, "--kernel", "broken", "--start-attempts", "2",
                                             "--startup-timeout", "5")
        finally:
            if old is None:
                os.environ.pop("JUPYTER_PATH")
            else:
                os.environ["JUPYTER_PATH"] = old
        self.assertEqual(1, code, out)
        self.assertIn("did not start in 2 attempt(s)", out)
        self.assertEqual(2, sum("kernel start attempt" in line for line in logs.output), logs.output)

    def test_missing_kernel_says_run_setup(self):
        path = self.write("nb.ipynb", notebook("1"))
        code, out = self.run_harness(path, "--kernel", "no-such-kernel-xyz")
        self.assertEqual(1, code, out)
        self.assertIn("setup.sh", out)

    def test_clean_check(self):
        clean = self.write("clean.ipynb", notebook("int x = 1;", kernel="gan-workbook", language="java"))
        self.assertEqual([], run_notebooks.committed_problems(clean))
        dirty_nb = notebook("int x = 1;", kernel="gan-workbook", language="java")
        dirty_nb.cells[1].outputs = [new_output("stream", name="stdout", text="1\n")]
        dirty_nb.cells[1].execution_count = 3
        problems = run_notebooks.committed_problems(self.write("dirty.ipynb", dirty_nb))
        self.assertEqual(2, len(problems), problems)
        wrong = run_notebooks.committed_problems(self.write("wrong.ipynb", notebook("1")))
        self.assertTrue(any("kernelspec name" in p for p in wrong), wrong)
        self.assertTrue(any("language" in p for p in wrong), wrong)
        code, out = self.run_harness("--check-only", clean, self.tmp / "dirty.ipynb")
        self.assertEqual(1, code, out)
        self.assertIn("1 of 2 notebooks clean", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
