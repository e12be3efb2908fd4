"""The README's two commands stay true: the main job runs, CI runs the test command."""

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"```sh\n(.+?)\n```", README)


def test_readme_names_the_main_job_and_the_test_command_first() -> None:
    main_job, test_command = COMMANDS[:2]
    assert main_job.startswith("python -m pip install -e . && mapper build samples/reports")
    assert test_command == "scripts/test"
    assert "scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_main_job_builds_the_map_and_table_from_the_bundled_reports(tmp_path: Path) -> None:
    build = shlex.split(COMMANDS[0].split("&&", 1)[1])
    assert build[:2] == ["mapper", "build"]
    executable = shutil.which("mapper")
    assert executable, "the console script `mapper` is not installed"
    outputs = {"map.html", "incidents.csv"}
    args = [a if a not in outputs else str(tmp_path / a) for a in build[1:]]
    args = [str(ROOT / a) if a == "samples/reports" else a for a in args]
    result = subprocess.run([executable, *args], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "0 unreadable" in result.stderr
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "<script src=" not in page  # standalone: every script inline
    table = pd.read_csv(tmp_path / "incidents.csv")
    assert len(table) >= 50
    assert table["n_reports"].max() >= 2  # reports of one attack were merged
