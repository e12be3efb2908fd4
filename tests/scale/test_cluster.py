"""Extraction on a real ``distributed.LocalCluster`` gives exactly the single-process
run: the same table (raw and merged, byte for byte), the same summary, every report
accounted for; and with no cluster option nothing of Dask is imported."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import mapper
from mapper.cli import main
from mapper.extract import format_summary, run_extraction
from mapper.scale import extract_corpus, extract_partition, incident_meta

distributed = pytest.importorskip("distributed")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    # Threads, not processes: the same tasks and a start in a second; TCP on the loopback
    # so that a command can join it by its address.
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            dashboard_address=None,
            protocol="tcp://",
            host="127.0.0.1",
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> list[str]:
    """Samples, seeds, and a Parquet file of the samples' texts in small row groups,
    with a row of no text and an id used again across row groups and files."""
    folder = tmp_path_factory.mktemp("corpus")
    reports = mapper.read_reports([ROOT / "samples" / "reports"]).reports[:40]
    rows = [
        {
            "id": f"pq-{r.report_id}",
            "published": r.published,
            "title": r.title,
            "url": r.url,
            "source": r.source,
            "text": r.text,
        }
        for r in reports
    ]
    rows[5]["text"] = None
    rows[30]["id"] = rows[3]["id"]  # a duplicate in a later row group
    rows[31]["id"] = reports[0].report_id  # used by a sample report, read first
    pq.write_table(pa.Table.from_pylist(rows), folder / "archive.parquet", row_group_size=6)
    return [str(ROOT / "samples" / "reports"), str(seeds_dir), str(folder / "archive.parquet")]


def test_extract_corpus_on_a_cluster_is_the_single_process_run(client, corpus) -> None:
    alone = run_extraction(corpus, progress=False)
    spread = extract_corpus(corpus, client=client, part_reports=8, progress=False)
    summary = format_summary(spread.outcomes, spread.warnings)
    assert summary == format_summary(alone.outcomes, alone.warnings)
    pd.testing.assert_frame_equal(spread.incidents, alone.incidents)
    assert spread.n_reports == alone.n_reports
    # every report accounted for, the duplicates named with both places
    assert len(spread.outcomes) == 90 + 3 + 40
    duplicates = [o.reason for o in spread.outcomes if "duplicate" in (o.reason or "")]
    assert len(duplicates) == 2
    assert any("(first used by " in d and "archive.parquet:4)" in d for d in duplicates)
    # inputs are read in sorted path order, so which copy of the id shared with a sample
    # report comes first depends on where the checkout and the temporary folder lie
    where = {o.reason: o.where for o in spread.outcomes}
    if corpus[2] < corpus[0]:
        first, later = "archive.parquet:32", "c-briefs.csv:2"
    else:
        first, later = "c-briefs.csv:2", "archive.parquet:32"
    assert any(f"{first})" in d for d in duplicates)
    assert sorted(Path(where[d]).name for d in duplicates) == sorted(["archive.parquet:31", later])
    merged_alone = mapper.merge_incidents(alone.incidents)
    merged_spread = mapper.merge_incidents(spread.incidents)
    assert merged_spread.to_csv(index=False) == merged_alone.to_csv(index=False)
    # the merge's blocks clustered on the workers: the one-pass table, byte for byte
    for size in (3, 50):
        merged_on_cluster = mapper.merge_incidents(spread.incidents, client=client, block_size=size)
        whole = mapper.merge_incidents(spread.incidents, block_size=None)
        assert merged_on_cluster.to_csv(index=False) == whole.to_csv(index=False)
        pd.testing.assert_frame_equal(merged_on_cluster, whole)


def test_map_partitions_over_a_dask_dataframe(client, corpus) -> None:
    import dask.dataframe as dd

    frame = pd.read_parquet(corpus[2]).dropna(subset=["text"]).drop_duplicates("id")
    ddf = dd.from_pandas(frame, npartitions=3)
    spread = ddf.map_partitions(extract_partition, meta=incident_meta()).compute()
    alone = extract_partition(frame)
    key = ["incident_id"]
    pd.testing.assert_frame_equal(
        spread.sort_values(key).reset_index(drop=True),
        alone.sort_values(key).reset_index(drop=True),
    )
    assert len(alone) > 20


def test_the_commands_join_a_running_scheduler(client, corpus, tmp_path: Path, capsys) -> None:
    address = client.scheduler.address
    alone, spread = tmp_path / "alone.parquet", tmp_path / "spread.parquet"
    assert main(["extract", *corpus[:2], "-o", str(alone)]) == 0
    summary_alone = capsys.readouterr().err
    assert main(["extract", *corpus[:2], "-o", str(spread), "--scheduler", address]) == 0
    summary_spread = capsys.readouterr().err
    assert alone.read_bytes() == spread.read_bytes()
    assert summary_spread.replace("spread", "alone") == summary_alone
    assert main(["build", corpus[0], "-o", str(tmp_path / "m.html"), "--scheduler", address]) == 0


def test_a_streamed_run_on_a_cluster_is_the_single_process_one(
    client, corpus, tmp_path: Path, capsys
) -> None:
    address = client.scheduler.address
    alone, spread = tmp_path / "alone.csv", tmp_path / "spread.csv"
    assert main(["extract", *corpus, "--no-merge", "-o", str(alone)]) == 0
    summary_alone = capsys.readouterr().err
    assert main(["extract", *corpus, "--no-merge", "-o", str(spread), "--scheduler", address]) == 0
    summary_spread = capsys.readouterr().err
    assert alone.read_bytes() == spread.read_bytes()  # not only after sorting
    assert summary_spread.replace("spread", "alone") == summary_alone
    assert "duplicate report id" in summary_alone


def test_workers_start_a_local_cluster_of_processes(tmp_path: Path) -> None:
    mapper_cli = [sys.executable, "-m", "mapper"]
    reports = str(ROOT / "samples" / "reports")
    out = [tmp_path / "a.csv", tmp_path / "b.csv"]
    subprocess.run([*mapper_cli, "extract", reports, "-o", str(out[0]), "--quiet"], check=True)
    done = subprocess.run(
        [*mapper_cli, "extract", reports, "-o", str(out[1]), "--workers", "2"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "90 reports: 83 with incidents" in done.stderr
    assert out[0].read_bytes() == out[1].read_bytes()


def test_no_cluster_option_imports_nothing_of_dask(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom mapper.cli import main\n"
        f"main(['extract', {str(ROOT / 'samples' / 'reports')!r}, '-o', "
        f"{str(tmp_path / 'x.csv')!r}, '--quiet'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def test_local_workers_start_with_the_extraction_imported() -> None:
    # --workers N forks its workers from a server that imported the mapper and loaded
    # the bundled gazetteer once, so no worker spends its first part on them, and froze
    # all that for the cycle collector (a fresh interpreter: the fork server is started
    # once a process).
    code = (
        "import sys\nfrom mapper.cli.scale_options import open_client\n"
        "def ready():\n"
        "    from mapper.scale.partition import _load\n"
        "    import gc\n"
        "    return _load.cache_info().currsize == 1 and gc.get_freeze_count() > 10_000\n"
        "if __name__ == '__main__':\n"
        "    with open_client(workers=2) as client:\n"
        "        print(sorted(client.run(ready).values()))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[True, True]"


def test_the_command_starts_before_its_imports() -> None:
    # `mapper ... --workers N` starts its workers' fork server before it imports what the
    # command runs, so both import side by side: that needs `mapper.cli` to import
    # neither pandas nor the extraction.
    code = "import sys, mapper.cli; print(sorted({'pandas', 'mapper.extract'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


@pytest.mark.parametrize("dask", ["missing", "broken"])
def test_workers_without_dask_say_how_to_install_it(dask: str, tmp_path: Path) -> None:
    # A Python where `distributed` is not there, or fails to import: the run stops
    # with the extra to install, not a traceback.
    fake = tmp_path / "site" / "distributed"
    fake.mkdir(parents=True)
    fake.joinpath("__init__.py").write_text("raise ImportError('a broken install')\n")
    code = (
        "import sys\n"
        + ("sys.modules['distributed'] = None\n" if dask == "missing" else "")
        + "from mapper.cli import main\n"
        f"sys.exit(main(['extract', {str(ROOT / 'samples' / 'reports')!r}, '-o', "
        f"{str(tmp_path / 'x.csv')!r}, '--workers', '2']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
    )
    assert done.returncode == 2, done.stderr
    assert 'pip install "incident-mapper[dask]"' in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.csv").exists()
