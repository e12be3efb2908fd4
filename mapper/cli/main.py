"""The ``mapper`` command: a thin layer that parses arguments and calls the library.

Each sub-command lives in its own module of ``mapper.cli`` exposing ``register(subparsers)``;
this module only assembles them and turns the library's errors into a message and
an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from gazetteer import GazetteerError
from mapper.errors import MapperError

#: Modules that each register one or more sub-commands, in help order.
COMMAND_MODULES: tuple[str, ...] = (
    "mapper.cli.build",
    "mapper.cli.render",
    "mapper.cli.extract",
    "mapper.cli.evaluate",
    "mapper.cli.gazetteer",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="mapper",
        description="Turn news reports about attacks into an interactive incident map.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mapper`` command line; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (MapperError, GazetteerError) as error:
        print(f"mapper: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
