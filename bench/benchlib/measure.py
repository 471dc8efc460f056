"""Runs one command and measures it: wall time, peak RSS (from wait4's rusage) and exit code.

wait4's ru_maxrss covers the process and the descendants it waited for (kubectl diff's `diff`
child, or java when a launcher script does not exec it), in KiB on Linux.
"""
import os
import re
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, asdict

# kubectl -v=6 logs one line per HTTP response; the line format changed over releases:
#   old:  "GET https://127.0.0.1:6443/api?timeout=32s 200 OK in 2 milliseconds"
#   1.30+: "Response" verb="GET" url="https://127.0.0.1:6443/api?timeout=32s" status="200 OK" ...
_REQUEST_LINE = re.compile(r'(?:verb="(?:GET|POST|PUT|PATCH|DELETE)" url="https?://'
                           r'|\b(?:GET|POST|PUT|PATCH|DELETE) https?://)')


@dataclass
class Run:
    argv: list
    rc: int
    wall_s: float
    rss_kb: int
    cpu_s: float  # user + system CPU of the process and its waited-for children
    stdout: str  # file paths
    stderr: str
    timed_out: bool = False

    def to_dict(self):
        return asdict(self)


def run(argv, stdout_path, stderr_path, env=None, cwd=None, timeout_s=900, stdin_text=None):
    """Runs argv to completion (killed after timeout_s); output goes to the two files."""
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=cwd,
                                stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
                                start_new_session=True)
        if stdin_text is not None:
            proc.stdin.write(stdin_text.encode())
            proc.stdin.close()
        killed = []

        def kill():  # only the process group this call started
            killed.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout_s, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # blocking: no polling cost in the measurement
        except BaseException:  # interrupted (Ctrl-C, SIGTERM): do not leave the command running
            kill()
            raise
        finally:
            timer.cancel()
        timed_out = bool(killed)
        wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # keeps Popen from waiting again
    return Run(argv=list(argv), rc=proc.returncode, wall_s=wall, rss_kb=usage.ru_maxrss,
               cpu_s=usage.ru_utime + usage.ru_stime,
               stdout=stdout_path, stderr=stderr_path, timed_out=timed_out)


def count_requests(stderr_path):
    """API requests logged by a client run with -v=6."""
    n = 0
    with open(stderr_path, "r", encoding="utf-8", errors="replace") as f:
        for line in f:
            if _REQUEST_LINE.search(line):
                n += 1
    return n


def tail(path, lines=15):
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""
