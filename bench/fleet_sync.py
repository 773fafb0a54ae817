"""Benchmark: from `git push` to every screen of a fleet showing the new content, or reporting it
as broken.

N real kiosk processes (default 4, offscreen) each run from their own clone of one bare content
repository (a copy of the bundled exhibition), with their own settings and metrics file. Each
round pushes a good commit, runs every screen's kiosk-content-pull at once (as their timers
would), and waits until every metrics file shows the new version; then the same with a broken
commit (a YAML error) until every screen reports kiosk_content_valid 0 while still showing the
good version. Waiting is driven by inotify on the metrics folders. Prints one JSON object.

On real screens add the timer's wait: up to OnUnitInactiveSec (2 min) + RandomizedDelaySec (30 s).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fleet_helpers import (  # noqa: E402  (after the path is set)
    ContentState,
    Fleet,
    Screen,
    commit_and_push,
    git_env,
    make_content_repo,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--screens", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--content", type=Path, default=REPO / "content")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kiosk-fleet-bench-") as temporary:
        folder = Path(temporary)
        env = git_env(folder)
        remote, staff = folder / "exhibition.git", folder / "staff"

        def copy_content(target: Path) -> None:
            shutil.copytree(args.content, target, dirs_exist_ok=True)

        first = make_content_repo(remote, staff, copy_content, env)
        fleet = Fleet(folder / "fleet", remote, args.screens, env)
        exhibition = staff / "exhibition.yaml"
        original = exhibition.read_text(encoding="utf-8")
        pulled: list[float] = []
        shown: list[float] = []
        reported: list[float] = []
        try:
            start = time.monotonic()
            fleet.start()
            fleet.wait_until(lambda _s, state: state.shown == first[:12] and state.valid == 1,
                             "started", timeout=120)
            started = time.monotonic() - start
            for number in range(args.rounds):
                exhibition.write_text(f"{original}# edit {number}\n", encoding="utf-8")
                good = commit_and_push(staff, f"Edit {number}", env=env)
                pushed = time.monotonic()
                results = fleet.pull_all()
                assert all(result.returncode == 0 for result in results), [r.stderr for r in results]
                pulled.append(time.monotonic() - pushed)

                def shows_good(_screen: Screen, state: ContentState, good: str = good) -> bool:
                    return state.shown == good[:12] and state.valid == 1

                fleet.wait_until(shows_good, "showed the good commit")
                shown.append(time.monotonic() - pushed)

                exhibition.write_text(f"{original}broken: [\n", encoding="utf-8")
                bad = commit_and_push(staff, f"Broken {number}", env=env)
                pushed = time.monotonic()
                results = fleet.pull_all()
                assert all(result.returncode == 0 for result in results), [r.stderr for r in results]

                def reports_bad(_screen: Screen, state: ContentState, bad: str = bad,
                                good: str = good) -> bool:
                    return state.latest == bad[:12] and state.valid == 0 and state.shown == good[:12]

                fleet.wait_until(reports_bad, "reported the broken commit")
                reported.append(time.monotonic() - pushed)
        finally:
            fleet.stop()

    def figures(values: list[float]) -> dict[str, float]:
        return {"p50_s": round(statistics.median(values), 2), "max_s": round(max(values), 2)}

    print(json.dumps({
        "bench": "fleet_sync",
        "screens": args.screens,
        "rounds": args.rounds,
        "fleet_start_s": round(started, 2),
        "push_to_all_pulled": figures(pulled),
        "push_to_all_showing_good": figures(shown),
        "push_to_all_reporting_bad": figures(reported),
        "reload_debounce_ms": 300,
        "timer_wait_not_included": "up to 2 min + 30 s on real screens",
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
