"""Gazetteer speed: cold load of the bundled data, lookups per second, mentions per second.

Run: ``python benchmarks/bench_gazetteer.py``. Targets: load < 0.5 s, >= 200,000
exact lookups/s on one core.
"""

from __future__ import annotations

import subprocess
import sys
import time

NAMES = [
    "Baghdad", "al-Qa'im", "Al Qaim", "Irbil", "Hawler", "Ain al-Assad", "Q-West",
    "Green Zone", "International Zone", "Falluja", "Taji", "Camp Taji", "Kirkuk",
    "Mosul", "Basra", "BIAP", "Baghdad International Airport", "Tikrit", "Balad",
    "Nowhere Town",
]  # fmt: skip

LOAD = (
    "import time; t=time.perf_counter(); from gazetteer import default_gazetteer; "
    "g=default_gazetteer(); print(time.perf_counter()-t, len(g))"
)


def main() -> None:
    loads = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True)
        seconds, count = out.stdout.split()
        loads.append(float(seconds))
    print(f"places: {count}")
    print(
        f"cold load (import + parse + index), best of 5: {min(loads):.3f} s "
        f"(median {sorted(loads)[2]:.3f} s; target < 0.5 s)"
    )

    from gazetteer import default_gazetteer

    gaz = default_gazetteer()
    rounds = 20_000
    start = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            gaz.lookup(name, fuzzy=False, limit=1)
    elapsed = time.perf_counter() - start
    print(f"exact lookups: {rounds * len(NAMES) / elapsed:,.0f} /s (target >= 200,000 /s)")

    start = time.perf_counter()
    for _ in range(200):
        for name in ("Qayarrah", "Fallouja", "Ramadie"):
            gaz.lookup(name)
    elapsed = time.perf_counter() - start
    print(f"fuzzy lookups (no exact match): {600 / elapsed:,.0f} /s")

    text = (
        "Three rockets struck near the US embassy in Baghdad's Green Zone on Tuesday, "
        "while a drone attack targeted Erbil airport and troops left al-Qa'im. "
    ) * 20
    start = time.perf_counter()
    for _ in range(300):
        gaz.find_mentions(text)
    elapsed = time.perf_counter() - start
    print(f"find_mentions: {300 * len(text) / elapsed / 1e6:.2f} MB/s of text")


if __name__ == "__main__":
    main()
