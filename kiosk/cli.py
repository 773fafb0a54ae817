"""The `kiosk` command: run the exhibition, check content, render screens, print the schema.

Exit codes: 0 success, 1 content errors or a failed command, 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

DEFAULT_CONTENT = Path("content")


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080") from None
    if not (100 <= width <= 16384 and 100 <= height <= 16384):
        raise argparse.ArgumentTypeError(f"'{text}' is not a sensible screen size")
    return width, height


def _moment(text: str) -> object:
    from kiosk.content.dates import moment_from_text

    try:
        return moment_from_text(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _run_arguments(run: argparse.ArgumentParser) -> None:
    run.add_argument("dir", nargs="?", type=Path, default=DEFAULT_CONTENT, help="content folder")
    run.add_argument("--windowed", action="store_true", help="a normal window, for editing content")
    run.add_argument("--screen", type=int, default=0, metavar="N", help="which screen to use")
    run.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1080x1920")
    run.add_argument(
        "--screen-config", type=Path, metavar="FILE",
        help="this screen's settings (starting floor, orientation, languages, idle time, volume); "
        "default: $XDG_CONFIG_HOME/kiosk/screen.yaml when it exists",
    )


def _validate_arguments(validate: argparse.ArgumentParser) -> None:
    validate.add_argument("dir", nargs="?", type=Path, default=DEFAULT_CONTENT, help="content folder")
    validate.add_argument("--quiet", action="store_true", help="print only the summary line")
    validate.add_argument("--screen-config", type=Path, metavar="FILE",
                          help="also check this screen's settings file against the content")
    validate.add_argument("--date", type=_moment, metavar="D",
                          help="check as on this day (2027-02-05, or 2027-02-05 18:00) and list what "
                          "dated content is shown and hidden then")


def _render_arguments(render: argparse.ArgumentParser) -> None:
    render.add_argument("dir", nargs="?", type=Path, default=DEFAULT_CONTENT, help="content folder")
    render.add_argument("--out", type=Path, required=True, help="folder for the PNGs")
    render.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH")
    render.add_argument("--lang", default=None, help="language (default: the exhibition's)")
    render.add_argument(
        "--mode", action="append", default=[], metavar="MODE",
        help="accessibility mode to render in (large-text, high-contrast, reach, reduced-motion, "
        "captions, read-aloud); repeat for several; 'all' renders each mode in its own folder",
    )
    render.add_argument("--check", action="store_true",
                        help="also check touch targets, text contrast and clipping; exit 1 on a failure")
    render.add_argument("--date", type=_moment, metavar="D",
                        help="render the exhibition as on this day (from its start; 2027-02-05 18:00 for "
                        "another moment): dated content out of its dates is left out")


def _schema_arguments(schema: argparse.ArgumentParser) -> None:
    schema.add_argument(
        "which", nargs="?", choices=("exhibition", "floor"), default="exhibition",
        help="exhibition.yaml or a floor file",
    )
    schema.add_argument("--write", type=Path, metavar="DIR", help="write both schemas into DIR")


def _set_pin_arguments(set_pin: argparse.ArgumentParser) -> None:
    set_pin.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input")


def _install_arguments(install: argparse.ArgumentParser) -> None:
    install.add_argument("dir", nargs="?", type=Path, default=DEFAULT_CONTENT, help="content folder")
    install.add_argument("--print", action="store_true", help="print the unit instead of writing it")


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.insights import report

    report.add_arguments(parser)


def _status_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.fleet import status

    status.add_arguments(parser)


def _ctl_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.fleet import ctl_client

    ctl_client.add_arguments(parser)


def _doctor_arguments(doctor: argparse.ArgumentParser) -> None:
    doctor.add_argument("dir", nargs="?", type=Path, default=DEFAULT_CONTENT, help="content folder")
    doctor.add_argument("--screen-config", type=Path, metavar="FILE",
                        help="this screen's settings (default: $XDG_CONFIG_HOME/kiosk/screen.yaml)")


def _fleet_sheet_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.fleet import contact_sheet

    contact_sheet.add_arguments(parser)


ARGUMENTS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "run": ("show the exhibition (full screen unless --windowed)", _run_arguments),
    "validate": ("check the content folder and list every problem", _validate_arguments),
    "render": ("write a PNG of every screen and a contact sheet", _render_arguments),
    "schema": ("print the JSON Schema of the content files", _schema_arguments),
    "set-pin": ("set the staff PIN (stored only as a hash)", _set_pin_arguments),
    "install": ("install the systemd user service that starts the kiosk", _install_arguments),
    "report": ("visitor statistics as CSV files and charts", _report_arguments),
    "status": ("this kiosk's health, as monitoring sees it", _status_arguments),
    "ctl": ("act on the running kiosk: status, screenshot, reload, restart, identify, volume, go",
            _ctl_arguments),
    "doctor": ("check display, touch, fonts, sound, content and PIN", _doctor_arguments),
    "fleet-sheet": ("one HTML page of every screen's screenshot and status (the contact sheet)",
                    _fleet_sheet_arguments),
}
"""Each command's help line and the function that adds its options."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The `kiosk` command line. With `only`, just that command gets its options: the others'
    options import their modules (the statistics, the fleet tools), which `kiosk run` and
    `kiosk ctl` do not need to start."""
    parser = argparse.ArgumentParser(
        prog="kiosk", description="A touch-screen exhibition kiosk for museums and exhibition halls."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_line, add_arguments) in ARGUMENTS.items():
        command = commands.add_parser(name, help=help_line)
        if only is None or only == name:
            add_arguments(command)
    return parser


def cmd_validate(args: argparse.Namespace) -> int:
    from kiosk.content.errors import from_here, summary
    from kiosk.content.load import load_exhibition

    if not os.path.isdir(args.dir):  # never raises, also where a parent folder cannot be entered
        print(f"kiosk validate: '{args.dir}' is not a folder this user can open", file=sys.stderr)
        return 2
    from kiosk.app.media_probe import probe_media

    when = getattr(args, "date", None)
    result = load_exhibition(args.dir, probe=probe_media, now=when)
    problems = [from_here(problem, args.dir) for problem in result.problems]  # so a click opens the file
    screen_config = getattr(args, "screen_config", None)
    if screen_config is not None:
        from kiosk.fleet.screen_config import load_screen_config

        problems += load_screen_config(screen_config, result.exhibition).problems
    if not args.quiet:
        for problem in problems:
            print(problem.format())
    print(summary(problems))
    if when is not None and result.exhibition is not None:
        from kiosk.content.dates import day_summary

        print("\n".join(day_summary(result.exhibition, when)))
    return 1 if any(problem.is_error for problem in problems) else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from kiosk.content.schema import schema_for, write_schemas

    if args.write:
        for path in write_schemas(args.write):
            print(f"wrote {path}")
        return 0
    print(json.dumps(schema_for(args.which), indent=2, ensure_ascii=False))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from kiosk.app.drawing import Probe

    probe = Probe.start()  # which OpenGL is here, asked while the kiosk imports and loads
    from kiosk.composition import main as run_main

    return run_main(args, probe)


def cmd_render(args: argparse.Namespace) -> int:
    from kiosk.render.command import main as render_main

    return render_main(args)


def cmd_set_pin(args: argparse.Namespace) -> int:
    import getpass

    from kiosk.ops.pin import valid_pin_text, write_pin

    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New staff PIN (4 to 12 digits): ").strip()
        if getpass.getpass("The same PIN again: ").strip() != pin:
            print("kiosk set-pin: the two PINs differ; nothing changed", file=sys.stderr)
            return 1
    if not valid_pin_text(pin):
        print("kiosk set-pin: a PIN is 4 to 12 digits; nothing changed", file=sys.stderr)
        return 1
    print(f"staff PIN saved (as a hash) in {write_pin(pin)}")
    return 0


def cmd_install(args: argparse.Namespace) -> int:
    from kiosk.ops.install import install

    if not os.path.isdir(args.dir):
        print(f"kiosk install: '{args.dir}' is not a folder this user can open", file=sys.stderr)
        return 2
    print(install(args.dir, print_only=args.print))
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from kiosk.fleet.screen_config import load_screen_config, resolve_screen_file
    from kiosk.ops.doctor import main as doctor_main

    screen = load_screen_config(resolve_screen_file(args.screen_config)).settings
    return doctor_main(args.dir, screen.display_power)


def cmd_report(args: argparse.Namespace) -> int:
    from kiosk.insights.report import main as report_main

    return report_main(args)


def cmd_status(args: argparse.Namespace) -> int:
    from kiosk.fleet.status import main as status_main

    return status_main(args)


def cmd_fleet_sheet(args: argparse.Namespace) -> int:
    from kiosk.fleet.contact_sheet import main as sheet_main

    return sheet_main(args)


def cmd_ctl(args: argparse.Namespace) -> int:
    from kiosk.fleet.ctl_client import main as ctl_main

    return ctl_main(args)


COMMANDS = {
    "run": cmd_run,
    "validate": cmd_validate,
    "render": cmd_render,
    "schema": cmd_schema,
    "set-pin": cmd_set_pin,
    "install": cmd_install,
    "doctor": cmd_doctor,
    "report": cmd_report,
    "status": cmd_status,
    "ctl": cmd_ctl,
    "fleet-sheet": cmd_fleet_sheet,
}


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    named = next((word for word in given if not word.startswith("-")), None)
    parser = build_parser(named if named in ARGUMENTS else None)
    args = parser.parse_args(given)
    if args.command is None:
        parser.print_help()
        return 2
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
