"""`kiosk status`: this kiosk's health (being written)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `kiosk status`."""


def main(args: argparse.Namespace) -> int:
    return 1
