"""`kiosk report`: visitor statistics as CSV files and PNG charts (being written)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `kiosk report`."""


def main(args: argparse.Namespace) -> int:
    return 1
