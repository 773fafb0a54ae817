"""Benchmark: `kiosk report` over a year of visits from 20 kiosks (20 statistics files).

Made-up visits (kiosk.insights.generate: open 09-17, closed Mondays, busier weekends and
holidays) over the bundled exhibition's exhibits are written once into 20 files and kept under
/tmp, keyed by the generator's version, so reruns start at once. Then `kiosk report` runs as a
real command over the folder: check the files, merge them, ask every question, write the CSV
files, draw the charts and the page. Also compares the two ways of merging (copying the rows into
one temporary file, or attaching the files and querying a UNION ALL of them) on 10 files, the
most SQLite attaches at once. Prints one JSON object. Target: the report well under a minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

FIRST_DAY = dt.date(2025, 1, 1)


def statistics_files(kiosks: int, days: int) -> tuple[Path, float]:
    """The folder of generated files (made now, or found from an earlier run) and seconds spent."""
    from kiosk.content.load import load_exhibition
    from kiosk.insights.generate import GENERATOR_VERSION, generate_files, made_up_places, places_of

    folder = (
        Path(tempfile.gettempdir()) / "insights-report-bench-cache" / f"v{GENERATOR_VERSION}-{kiosks}x{days}"
    )
    done = folder / "complete"
    if done.exists():
        return folder, 0.0
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.db*"):
        old.unlink()
    result = load_exhibition(REPO / "content")
    places = places_of(result.exhibition) if result.exhibition is not None else made_up_places()
    began = time.perf_counter()
    paths = [folder / f"kiosk-{number:02d}.db" for number in range(1, kiosks + 1)]
    generate_files(paths, first_day=FIRST_DAY, days=days, places=places)
    seconds = time.perf_counter() - began
    done.write_text(f"{seconds:.1f}\n")
    return folder, seconds


def row_counts(folder: Path) -> dict[str, int]:
    from kiosk.insights.schema import connect

    totals = {"sessions": 0, "views": 0, "media": 0, "choices": 0}
    for path in sorted(folder.glob("*.db")):
        connection = connect(path, readonly=True)
        for table in totals:
            totals[table] += connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        connection.close()
    return totals


def compare_merges(folder: Path, days: int) -> dict[str, float]:
    """Seconds to merge 10 files and answer every question, by copying and by attaching."""
    from kiosk.insights import merge
    from kiosk.insights.report import gather, local_midnight

    paths = sorted(folder.glob("*.db"))[:10]
    last = FIRST_DAY + dt.timedelta(days=days - 1)
    start, end = local_midnight(FIRST_DAY), local_midnight(last + dt.timedelta(days=1))
    figures = {}
    for name, opener in (
        ("copy", lambda: merge.copied(paths, start, end)),
        ("attach_union", lambda: merge.attached(paths)),
    ):
        began = time.perf_counter()
        with opener() as connection:
            sessions = gather(connection, FIRST_DAY, last, []).sessions
        figures[f"merge_{name}_10_files_s"] = round(time.perf_counter() - began, 2)
        figures[f"merge_{name}_sessions"] = sessions
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kiosks", type=int, default=20)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--no-compare", action="store_true", help="skip the merge comparison")
    args = parser.parse_args()

    folder, generation_seconds = statistics_files(args.kiosks, args.days)
    rows = row_counts(folder)
    figures: dict[str, object] = {
        "kiosks": args.kiosks,
        "days": args.days,
        "generation_s": round(generation_seconds, 1) if generation_seconds else "cached",
        "rows": sum(rows.values()),
        **{f"rows_{table}": count for table, count in rows.items()},
        "rows_per_kiosk_year": round(sum(rows.values()) / args.kiosks * 365 / args.days),
        "files_mb": round(sum(path.stat().st_size for path in folder.glob("*.db")) / 1e6, 1),
    }
    with tempfile.TemporaryDirectory(prefix="kiosk-report-bench-") as out:
        environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        command = [
            sys.executable,
            "-m",
            "kiosk.cli",
            "report",
            "--db",
            str(folder),
            "--out",
            out,
            "--content",
            str(REPO / "content"),
        ]
        began = time.perf_counter()
        finished = subprocess.run(command, cwd=REPO, env=environment, capture_output=True, text=True)
        figures["report_s"] = round(time.perf_counter() - began, 2)
        figures["report_exit"] = finished.returncode
        figures["report_files"] = len(list(Path(out).iterdir()))
        if finished.returncode:
            print(finished.stderr, file=sys.stderr)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    figures["report_peak_rss_mb"] = round(peak_kb / 1024, 1)
    if not args.no_compare:
        figures.update(compare_merges(folder, args.days))
    print(json.dumps(figures, indent=2))
    return 0 if figures["report_exit"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
