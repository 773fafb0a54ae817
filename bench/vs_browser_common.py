"""What bench/vs_browser.py reads and speaks: a process session's memory and CPU time from /proc,
and Chromium's DevTools protocol over `--remote-debugging-pipe`."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import select
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

TICKS = os.sysconf("SC_CLK_TCK")


# -- processes ----------------------------------------------------------------------------------

def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (state first), or None if gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def session_pids(leader: int) -> list[int]:
    """Every process of the session `leader` started (it was started with a session of its own):
    its children, their children, and helpers that left the tree but kept the session."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat(int(entry))
            if fields is not None and fields[3] == str(leader) and fields[0] != "Z":
                found.append(int(entry))
    return found


def session_cpu_s(leader: int) -> dict[int, float]:
    """CPU time (user + system) so far of each process of the session, in seconds."""
    times = {}
    for pid in session_pids(leader):
        fields = _stat(pid)
        if fields is not None:
            times[pid] = (int(fields[11]) + int(fields[12])) / TICKS
    return times


def _kib(path: str, name: str) -> int | None:
    try:
        with open(path) as lines:
            for line in lines:
                if line.startswith(name + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def session_memory(pids: list[int]) -> dict[str, Any]:
    """PSS summed over the processes, the largest PSS of one process, and the largest peak resident
    size (VmHWM) of one process, in MiB."""
    pss = [size for pid in pids if (size := _kib(f"/proc/{pid}/smaps_rollup", "Pss")) is not None]
    peaks = [size for pid in pids if (size := _kib(f"/proc/{pid}/status", "VmHWM")) is not None]
    if not pss or not peaks:
        return {"pss_sum_mib": None, "largest_pss_mib": None, "largest_peak_mib": None, "processes": 0}
    return {"pss_sum_mib": round(sum(pss) / 1024, 1), "largest_pss_mib": round(max(pss) / 1024, 1),
            "largest_peak_mib": round(max(peaks) / 1024, 1), "processes": len(pss)}


def end_session(leader: int, deadline_s: float = 5.0) -> None:
    """End every process left in the session `leader` (ours: started by the bench), politely first."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        pids = session_pids(leader)
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        deadline = time.monotonic() + deadline_s
        while session_pids(leader) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not session_pids(leader):
            return


# -- Chromium's DevTools protocol over a pipe ---------------------------------------------------

def _high(fd: int) -> int:
    """The same pipe end on a descriptor number above the ones the browser reads (3) and writes (4)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


def start_with_pipe(command: list[str], env: dict[str, str],
                    log: Path) -> tuple[subprocess.Popen[bytes], DevTools]:
    """Start Chromium in a session of its own with its DevTools pipe on descriptors 3 (commands)
    and 4 (answers), as `--remote-debugging-pipe` expects; bash only moves the descriptors
    and then becomes the browser (`exec`), so the browser keeps the pid the bench started."""
    commands_in, commands_out = (_high(fd) for fd in os.pipe())
    answers_in, answers_out = (_high(fd) for fd in os.pipe())
    shell = f'exec "$0" "$@" 3<&{commands_in} 4>&{answers_out} {commands_in}<&- {answers_out}>&-'
    with log.open("wb") as errors:
        process = subprocess.Popen(["/bin/bash", "-c", shell, *command], env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=errors,
                                   pass_fds=(commands_in, answers_out), start_new_session=True)
    os.close(commands_in)
    os.close(answers_out)
    return process, DevTools(commands_out, answers_in)


class DevTools:
    """Commands to the browser and their answers: JSON messages, each ended by a NUL byte."""

    def __init__(self, writer: int, reader: int) -> None:
        self.writer, self.reader = writer, reader
        self.buffer = b""
        self.last_id = 0

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None,
             check: bool = True, timeout: float = 60.0) -> dict[str, Any]:
        """The result of one command (the whole answer with check=False, errors included)."""
        self.last_id += 1
        message: dict[str, Any] = {"id": self.last_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self.writer, data):]
        deadline = time.monotonic() + timeout
        while True:
            answer = self._next(deadline)
            if answer.get("id") != self.last_id:
                continue  # an event, or a late answer
            if not check:
                return answer
            if "error" in answer:
                raise RuntimeError(f"{method}: {answer['error']}")
            return dict(answer["result"])

    def _next(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            ready, _, _ = select.select([self.reader], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise RuntimeError("the browser did not answer")
            chunk = os.read(self.reader, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed its DevTools pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return dict(json.loads(message))

    def close(self) -> None:
        for fd in (self.writer, self.reader):
            with contextlib.suppress(OSError):
                os.close(fd)
