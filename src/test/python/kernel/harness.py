"""Shared helpers for the kernel's protocol test and stress test (jupyter_client, no pytest).

Run with Debian's Python (/usr/bin/python3), which has jupyter_client. The helpers install the
kernelspec from a freshly built jar into a temporary Jupyter path, so the user's own Jupyter set-up is
never touched.
"""
import json
import re
import os
import queue
import subprocess
import tempfile
import time

from jupyter_client.manager import KernelManager

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
DEFAULT_JAR = os.path.join(REPO, "target", "gan-workbook.jar")
KERNEL_NAME = "gan-workbook"


def install_kernelspec(jar=DEFAULT_JAR, heap="1g", java="java", env=None, name=KERNEL_NAME):
    """Installs the kernelspec into a new temporary Jupyter path and points JUPYTER_PATH at it.

    Returns the temporary directory (kernels are in <dir>/kernels/<name>).
    """
    if not os.path.isfile(jar):
        raise SystemExit(f"{jar} not found: build it first with 'mvn -q -o -DskipTests package'")
    root = tempfile.mkdtemp(prefix="ganwb-kernel-test-")
    cmd = [java, "-cp", jar, "org.ganworkbook.kernel.KernelspecInstaller",
           "--kernels-dir", os.path.join(root, "kernels"), "--name", name, "--heap", heap]
    for key, value in (env or {}).items():
        cmd += ["--env", f"{key}={value}"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    os.environ["JUPYTER_PATH"] = root
    return root


def use_jupyter_path(path):
    """Makes kernelspecs under <path>/kernels visible (for a kernel installed elsewhere, e.g. rapaio)."""
    os.environ["JUPYTER_PATH"] = path


class Kernel:
    """One started kernel with a blocking client, ready when shell and iopub both are.

    Start time is measured to the first kernel_info_reply that is followed by an iopub message, as
    jupyter_client's wait_for_ready does: the client's SUB socket connects (and subscribes) on its own
    schedule, independently of the shell socket, so a kernel_info_reply alone does not mean iopub
    messages arrive yet; a cell sent then loses its first iopub messages (busy, execute_input).
    iopub_delay > 0 connects the iopub channel only that many seconds after the first kernel_info_reply,
    to test this.
    """

    def __init__(self, name=KERNEL_NAME, start_timeout=30.0, log_path=None, iopub_delay=0.0):
        self.log_path = log_path
        self.log = open(log_path, "wb") if log_path else subprocess.DEVNULL
        self.km = KernelManager(kernel_name=name)
        t0 = time.monotonic()
        self.km.start_kernel(stdout=self.log, stderr=self.log)
        self.process = getattr(self.km.provisioner, "process", None)
        self.kc = self.km.client()
        self.kc.start_channels(iopub=iopub_delay <= 0)
        iopub_at = None
        iopub_late = iopub_delay > 0
        self.start_seconds = None
        self.kernel_info_replies = 0
        deadline = t0 + start_timeout
        next_request = t0
        while time.monotonic() < deadline:
            now = time.monotonic()
            if iopub_at is not None and now >= iopub_at:
                self.kc.iopub_channel.start()  # creating the channel connects and subscribes its socket
                iopub_at = iopub_late = None
            if now >= next_request:
                self.kc.kernel_info()
                next_request = now + 2.0
            try:
                msg = self.kc.get_shell_msg(timeout=0.02)
            except queue.Empty:
                if not self.km.is_alive():
                    break
                continue
            if msg["msg_type"] == "kernel_info_reply":
                self.kernel_info_replies += 1
                if iopub_late:
                    iopub_at = iopub_at or time.monotonic() + iopub_delay
                elif self._iopub_answers(0.2):
                    self.start_seconds = time.monotonic() - t0
                    self.kernel_info = msg["content"]
                    break
                next_request = time.monotonic() + 0.1  # iopub not connected yet: ask again
        self.started = self.start_seconds is not None
        if self.started:
            self.drain_iopub()

    def _iopub_answers(self, timeout):
        try:
            self.kc.get_iopub_msg(timeout=timeout)
            return True
        except queue.Empty:
            return False

    def drain_iopub(self, quiet=0.05):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=quiet)
            except queue.Empty:
                return

    def send(self, code, stop_on_error=True):
        return self.kc.execute(code, stop_on_error=stop_on_error)

    def reply(self, msg_id, timeout=30.0):
        """The shell reply whose parent is msg_id, or None after timeout."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                msg = self.kc.get_shell_msg(timeout=left)
            except queue.Empty:
                return None
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def outputs(self, msg_id, timeout=10.0):
        """iopub messages with parent msg_id, up to (not including) its idle status."""
        out = []
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no idle status for {msg_id}; got {[m['msg_type'] for m in out]}")
            try:
                msg = self.kc.get_iopub_msg(timeout=left)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    return out
                continue
            out.append(msg)

    def wait_for(self, msg_id, msg_type, timeout=30.0):
        """Waits for an iopub message of msg_type with parent msg_id; returns it or None."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                msg = self.kc.get_iopub_msg(timeout=left)
            except queue.Empty:
                return None
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == msg_type:
                return msg

    def execute(self, code, timeout=30.0, stop_on_error=True):
        """Runs code; returns (reply or None, iopub outputs)."""
        msg_id = self.send(code, stop_on_error)
        reply = self.reply(msg_id, timeout)
        outs = self.outputs(msg_id, timeout=5.0) if reply is not None else []
        return reply, outs

    def interrupt_running(self, code, settle=0.3, timeout=10.0):
        """Starts code, waits until it runs, interrupts; returns (reply, seconds from interrupt to reply)."""
        msg_id = self.send(code)
        # execute_input says the kernel took the cell; a kernel that never sends it gets 5 s
        self.wait_for(msg_id, "execute_input", timeout=5.0)
        time.sleep(settle)
        t0 = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.reply(msg_id, timeout)
        latency = time.monotonic() - t0 if reply is not None else None
        if reply is not None:
            self.outputs(msg_id, timeout=5.0)
        return reply, latency

    def interrupt_then_run(self, code, next_code, settle=0.5, timeout=10.0):
        """Starts code, interrupts it after settle s, and sends next_code the moment code's execute_reply
        arrives (before its idle status). Returns (reply, seconds from interrupt to reply, next reply or
        None, next_code's iopub outputs)."""
        msg_id = self.send(code)
        self.wait_for(msg_id, "execute_input", timeout=5.0)
        time.sleep(settle)
        t0 = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.reply(msg_id, timeout)
        if reply is None:
            return None, None, None, []
        latency = time.monotonic() - t0
        next_id = self.send(next_code)
        next_reply = self.reply(next_id, timeout)
        outputs = self.outputs_of([msg_id, next_id] if next_reply is not None else [msg_id], timeout=5.0)
        return reply, latency, next_reply, outputs.get(next_id, [])

    def outputs_of(self, msg_ids, timeout=10.0):
        """iopub messages by parent for several requests, until each has its idle status."""
        out = {i: [] for i in msg_ids}
        waiting = set(msg_ids)
        deadline = time.monotonic() + timeout
        while waiting:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no idle status for {sorted(waiting)}")
            try:
                msg = self.kc.get_iopub_msg(timeout=left)
            except queue.Empty:
                continue
            parent = msg["parent_header"].get("msg_id")
            if parent not in out:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    waiting.discard(parent)
                continue
            out[parent].append(msg)
        return out

    def shutdown(self, timeout=10.0):
        """Asks the kernel to shut down; returns (seconds, exit code or None if it had to be killed)."""
        t0 = time.monotonic()
        try:
            self.km.shutdown_kernel(now=False)
        finally:
            self.kc.stop_channels()
        seconds = time.monotonic() - t0
        code = None
        if self.process is not None:
            try:
                code = self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                code = None
        self.close_log()
        return seconds, code

    def kill(self):
        try:
            self.kc.stop_channels()
        except Exception:
            pass
        try:
            self.km.shutdown_kernel(now=True)
        except Exception:
            pass
        self.close_log()

    def close_log(self):
        if self.log_path and not self.log.closed:
            self.log.close()


def text_plain(msgs, msg_type="execute_result"):
    for m in msgs:
        if m["msg_type"] == msg_type:
            return m["content"]["data"].get("text/plain")
    return None


def shown_value(msgs):
    """The execute_result as text: text/plain, or text/html without tags for kernels that send only HTML."""
    for m in msgs:
        if m["msg_type"] == "execute_result":
            data = m["content"]["data"]
            if "text/plain" in data:
                return data["text/plain"].strip()
            return re.sub(r"<[^>]*>", "", data.get("text/html", "")).strip()
    return None


def stream_text(msgs, name):
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1)))))
    return s[k]


def dump(obj):
    return json.dumps(obj, indent=1, default=str)[:2000]
