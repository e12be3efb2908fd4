"""The code of another revision, for benchmarks that measure it beside this checkout."""

from __future__ import annotations

import subprocess
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def export_revision(revision: str, folder: Path) -> Path:
    """Write the files of *revision* into *folder*/code (``git archive``); that folder."""
    archive = folder / "code.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", revision], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder / "code", filter="data")
    return folder / "code"
