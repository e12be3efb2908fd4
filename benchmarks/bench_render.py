"""How fast mapper renders big tables, and how big the file is, next to plain folium.

Plain folium here means what a folium user writes first: one ``folium.Marker`` with a
``folium.Popup`` per incident, then ``map.save``. Both are measured in the same run on
the same synthetic incidents (spread over Iraq, fixed random seed)::

    python benchmarks/bench_render.py                 # 1,000 / 10,000 / 100,000 + CLI at 20,000
    python benchmarks/bench_render.py --sizes 1000 --cli-size 2000
    python benchmarks/bench_render.py --browser       # 20,000 / 100,000 / 1,000,000 in Chromium

The CLI comparison runs ``mapper render incidents.csv -o map.html`` and an equivalent
plain-folium script as subprocesses, start-up included. ``--browser`` writes each map
(render time and file size), then opens it, and plain folium's map of the CLI size, in
Debian's Chromium with the network cut: seconds until the first view is drawn and until
the page has loaded (a big map reads its popups' details after drawing), then
milliseconds for a pan, a zoom in and a zoom out (to the frame after the redraw), and the
JavaScript heap after a garbage collection (used, and of how much allocated).
"""

from __future__ import annotations

import argparse
import html
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mapper  # noqa: E402
from mapper.table.schema import WEAPONS  # noqa: E402

#: Curated gazetteer places the synthetic incidents are "near", with a geo precision.
#: Regions (precision 3) come 1 time in 20; their incidents sit at the region's centre,
#: as extraction puts them.
PLACES = [
    *[("Green Zone", "green-zone", 1), ("Baghdad airport", "baghdad-airport", 1)] * 3,
    *[("Camp Taji", "camp-taji", 1), ("Ain al-Asad", "ain-al-asad", 1)] * 3,
    *[("Erbil air base", "erbil-air-base", 1), ("Balad air base", "balad-air-base", 2)] * 3,
    *[("Kirkuk", "kirkuk", 2)] * 2,
    ("Anbar", "gov-anbar", 3),
]

PLAIN_FOLIUM_SCRIPT = """
import sys, html, folium, pandas as pd
table = pd.read_csv(sys.argv[1])
m = folium.Map(location=[33.3, 44.0], zoom_start=6)
for row in table.itertuples():
    text = (f"<b>{html.escape(str(row.date))}</b> {html.escape(str(row.place))}<br>"
            f"{html.escape(str(row.weapon))}, killed {row.killed}, injured {row.injured}<br>"
            f"<i>{html.escape(str(row.quote))}</i><br>"
            f'<a href="{html.escape(str(row.url))}">{html.escape(str(row.title))}</a>')
    folium.Marker([row.latitude, row.longitude], popup=folium.Popup(text, max_width=300),
                  tooltip=f"{html.escape(str(row.place))}, {row.date}").add_to(m)
m.save(sys.argv[2])
"""


def synthetic_incidents(n: int, seed: int = 20201117) -> pd.DataFrame:
    """*n* made-up incidents over Iraq: same seed, same table."""
    from gazetteer import default_gazetteer

    rng = random.Random(seed)
    rows = []
    for i in range(n):
        place, place_id, precision = rng.choice(PLACES)
        lat, lon = round(rng.uniform(29.5, 37.0), 5), round(rng.uniform(39.5, 48.0), 5)
        if precision == 3:
            lat, lon = default_gazetteer().get(place_id).point
        killed = rng.choice([None, None, None, 0, 1, 2, 5])
        rows.append(
            {
                "report_id": f"bench-{i // 3:06d}",
                "incident_id": f"bench-{i // 3:06d}-{i % 3 + 1}",
                "date": f"{rng.randint(2019, 2023)}-{rng.randint(1, 12):02d}-"
                f"{rng.randint(1, 28):02d}",
                "date_precision": "day",
                "place": place,
                "place_id": place_id,
                "latitude": lat,
                "longitude": lon,
                "geo_precision": precision,
                "weapon": rng.choice(WEAPONS),
                "projectiles": rng.choice([None, 1, 2, 3, 7]),
                "killed": killed,
                "injured": rng.choice([None, 0, 1, 3]),
                "target": rng.choice([None, "embassy", "base", "convoy"]),
                "quote": f"Synthetic report {i}: projectiles fell near {place}, officials said.",
                "title": f"Attack near {place} (synthetic report {i // 3})",
                "url": f"https://news.example/{i // 3}",
                "source": "Synthetic Wire",
            }
        )
    return mapper.incident_frame(rows)


def timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def render_ours(table: pd.DataFrame, path: Path) -> None:
    mapper.render(table).save(str(path))


def render_plain_folium(table: pd.DataFrame, path: Path) -> None:
    import folium

    fmap = folium.Map(location=[33.3, 44.0], zoom_start=6)
    for row in table.itertuples():
        text = (
            f"<b>{html.escape(str(row.date))}</b> {html.escape(str(row.place))}<br>"
            f"{html.escape(str(row.weapon))}, killed {row.killed}, injured {row.injured}<br>"
            f"<i>{html.escape(str(row.quote))}</i><br>"
            f'<a href="{html.escape(str(row.url))}">{html.escape(str(row.title))}</a>'
        )
        folium.Marker(
            [row.latitude, row.longitude],
            popup=folium.Popup(text, max_width=300),
            tooltip=f"{html.escape(str(row.place))}, {row.date}",
        ).add_to(fmap)
    fmap.save(str(path))


def megabytes(path: Path) -> float:
    return path.stat().st_size / 1e6


def compare_in_process(sizes: list[int], folder: Path, folium_limit: int) -> None:
    head = f"{'incidents':>10} | {'mapper s':>9} {'MB':>7} | {'folium s':>9} {'MB':>7} |"
    print(head + " speed-up  size")
    for n in sizes:
        table = synthetic_incidents(n)
        ours = folder / f"mapper-{n}.html"
        ours_s = timed(lambda t=table, p=ours: render_ours(t, p))
        line = f"{n:>10,} | {ours_s:>9.2f} {megabytes(ours):>7.2f} | "
        if n <= folium_limit:
            plain = folder / f"folium-{n}.html"
            plain_s = timed(lambda t=table, p=plain: render_plain_folium(t, p))
            ratio = megabytes(ours) / megabytes(plain)
            line += (
                f"{plain_s:>9.2f} {megabytes(plain):>7.2f} | {plain_s / ours_s:>6.1f}x  {ratio:.2f}"
            )
        else:
            line += f"{'skipped':>9} {'':>7} |"
        print(line, flush=True)


def compare_commands(n: int, folder: Path) -> None:
    table = synthetic_incidents(n)
    csv = folder / "incidents.csv"
    mapper.write_incidents(table, csv)
    script = folder / "plain_folium.py"
    script.write_text(PLAIN_FOLIUM_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    commands = {
        "mapper render": [
            sys.executable,
            "-m",
            "mapper",
            "render",
            str(csv),
            "-o",
            str(folder / "cli.html"),
        ],
        "plain folium": [sys.executable, str(script), str(csv), str(folder / "cli-folium.html")],
    }
    results = {}
    for name, command in commands.items():
        seconds = timed(lambda c=command: subprocess.run(c, check=True, env=env, cwd=ROOT))
        results[name] = (seconds, megabytes(Path(command[-1])))
        mb = results[name][1]
        print(f"{name:>14}: {seconds:6.2f} s  {mb:6.2f} MB  ({n:,} incidents, whole command)")
    (ours_s, ours_mb), (plain_s, plain_mb) = results["mapper render"], results["plain folium"]
    print(
        f"{'':>14}  {plain_s / ours_s:.1f}x faster, file {ours_mb / plain_mb:.2f} of the size "
        f"(target: >= 8x, <= 0.33)"
    )


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-quic"]  # fmt: skip
#: True once the map's first view is drawn: ours (canvas or markers), or plain folium's.
DRAWN = """(n) => { const im = window.incidentMap;
  if (im) { return im.points ? im.points.drawn().length > 0 : im.cluster.getLayers().length === n; }
  return document.querySelectorAll('.leaflet-marker-icon').length === n; }"""
#: Milliseconds from a view change to the frame after the map has redrawn (``moveend``).
MOVE = """(how) => new Promise(done => {
  const map = Object.values(window).find(v => v instanceof L.Map), t0 = performance.now();
  map.once('moveend', () => requestAnimationFrame(() => done(performance.now() - t0)));
  if (how === 'pan') { map.panBy([400, 250], {animate: false}); }
  else { map.setZoom(map.getZoom() + (how === 'in' ? 2 : -2), {animate: false}); }
})"""


def installed_copy(url: str) -> Path | None:
    """The installed copy of a Leaflet or jQuery file that plain folium's page links."""
    import xstatic.pkg.jquery
    import xstatic.pkg.leaflet

    name = url.rsplit("/", 1)[-1]
    if "/jquery-" in url:
        return Path(xstatic.pkg.jquery.BASE_DIR) / "jquery.min.js"
    folder = Path(xstatic.pkg.leaflet.BASE_DIR)
    for candidate in (folder / name, folder / "images" / name):
        if "leaflet" in url and candidate.is_file():
            return candidate
    return None


def serve_file_only(route: Any) -> None:
    """Let file: requests through, answer Leaflet's and jQuery's CDN files from disk,
    refuse the rest.

    Plain folium's page links Leaflet and jQuery (its popups need ``$``) from CDNs: it is
    served the installed copies (the Leaflet a mapper map inlines), so it runs with the
    network cut too; Bootstrap, Font Awesome and awesome-markers stay refused.
    """
    url = route.request.url
    local = installed_copy(url)
    if url.startswith("file:"):
        route.continue_()
    elif local is not None:
        route.fulfill(path=str(local))
    else:
        route.abort()


def browser_figures(browser: Any, path: Path, n: int) -> dict[str, Any]:
    """Open a map in Chromium with the network cut: first view, pan, zoom and JS heap."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.route("**/*", serve_file_only)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    page.goto(path.resolve().as_uri(), wait_until="commit", timeout=300_000)
    page.wait_for_function(DRAWN, arg=n, timeout=300_000, polling=50)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))")
    first = time.perf_counter() - start
    # A big map reads its incidents' details (popups) after drawing: wait for the page.
    page.wait_for_function("document.readyState === 'complete'", timeout=300_000, polling=50)
    loaded = time.perf_counter() - start
    moves = {how: page.evaluate(MOVE, how) for how in ("pan", "in", "out")}
    cdp = page.context.new_cdp_session(page)
    cdp.send("HeapProfiler.collectGarbage")
    heap = cdp.send("Runtime.getHeapUsage")
    page.close()
    return {
        "first": first,
        "loaded": loaded,
        **moves,
        "heap": heap["usedSize"] / 2**20,
        "heap_total": heap["totalSize"] / 2**20,
        "errors": len(errors),
    }


HEADER = (
    f"{'':>7} {'incidents':>10} | {'render s':>8} {'MiB':>7} | {'first view s':>12} "
    f"{'loaded s':>8} | {'pan ms':>6} {'zoom in':>7} {'out ms':>6} | {'heap MiB':>8} {'of':>6} | "
    "errors"
)


def compare_in_browser(sizes: list[int], folder: Path, folium_size: int) -> None:
    """Write each map, then open it in Chromium; plain folium at *folium_size* alongside."""
    from playwright.sync_api import sync_playwright

    maps: list[tuple[str, int, float, Path]] = []
    for name, n, render in [("folium", folium_size, render_plain_folium)] + [
        ("mapper", n, render_ours) for n in sizes
    ]:
        table, path = synthetic_incidents(n), folder / f"{name}-{n}.html"
        maps.append((name, n, timed(lambda t=table, p=path, r=render: r(t, p)), path))
        del table
    print(HEADER)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        for name, n, seconds, path in maps:
            f = browser_figures(browser, path, n)
            mib = path.stat().st_size / 2**20
            figures = (
                f"{f['first']:>12.2f} {f['loaded']:>8.2f} | "
                f"{f['pan']:>6.0f} {f['in']:>7.0f} {f['out']:>6.0f}"
            )
            heap = f"{f['heap']:>8.0f} {f['heap_total']:>6.0f}"
            print(f"{name:>7} {n:>10,} | {seconds:>8.1f} {mib:>7.1f} | {figures} | {heap} | "
                  f"{f['errors']}", flush=True)  # fmt: skip
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+",
                        help="incidents per map (default 1,000 10,000 100,000; with --browser "
                        "20,000 100,000 1,000,000)")  # fmt: skip
    parser.add_argument("--folium-limit", type=int, default=100_000,
                        help="skip plain folium above this many incidents")  # fmt: skip
    parser.add_argument("--cli-size", type=int, default=20_000)
    parser.add_argument("--browser", action="store_true",
                        help="open the maps and plain folium's in Chromium")  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.cli_size:
            compare_commands(args.cli_size, folder)
        if args.browser:
            compare_in_browser(args.sizes or [20_000, 100_000, 1_000_000], folder, args.cli_size)
        else:
            compare_in_process(args.sizes or [1_000, 10_000, 100_000], folder, args.folium_limit)


if __name__ == "__main__":
    main()
