"""The ``mapper`` command: a thin layer that parses arguments and calls the library.

Each sub-command lives in its own module of ``mapper.cli`` exposing ``register(subparsers)``;
this module only assembles them and turns the library's errors into a message and
an exit code. Every error reads as argparse's do: ``mapper <command>: error: ...``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import sys
from collections.abc import Sequence

from mapper.cli.scale_options import start_early
from mapper.errors import MapperError

#: Modules that each register one or more sub-commands, in help order.
COMMAND_MODULES: tuple[str, ...] = (
    "mapper.cli.build",
    "mapper.cli.render",
    "mapper.cli.extract",
    "mapper.cli.evaluate",
    "mapper.cli.gazetteer",
)
#: The distribution whose metadata holds the version (set in pyproject.toml).
DISTRIBUTION = "incident-mapper"


def package_version() -> str:
    """The installed version, from the package metadata (pyproject.toml's ``version``)."""
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:  # a source tree never installed
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="mapper",
        description="Turn news reports about attacks into an interactive incident map.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mapper`` command line; return its exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    start_early(argv)  # --workers N: its fork server, before the commands' imports
    from gazetteer import GazetteerError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (MapperError, GazetteerError) as error:
        print(f"{command_name(args)}: error: {error}", file=sys.stderr)
        return int(getattr(error, "exit_status", 2))
    except BrokenPipeError:
        return 0


def command_name(args: argparse.Namespace) -> str:
    """``mapper build``, ``mapper gazetteer lookup``: the prefix of the command's messages."""
    words = ["mapper", getattr(args, "command", None), getattr(args, "gazetteer_command", None)]
    return " ".join(word for word in words if word)


if __name__ == "__main__":
    sys.exit(main())
