"""Time extract_report on hostile text that doubles in size: is every stage linear?

Each pathological family (issue 14: runs of place names, a sentence that never ends,
hundreds of clauses...) is built at 12,500, 25,000, 50,000 and 100,000 characters
and read as one report. For each family the script prints the time at each size and
the growth exponent: the slope of log2(time) over log2(size), fitted by least
squares over the four sizes (1 is linear, 2 quadratic). A baseline measured in the
same run, the bundled sample reports concatenated to the same sizes, shows what
ordinary news costs.

Each time is the best of several runs, the text-keyed caches cleared and the garbage
collected before each (a real report does not repeat the one before it); the runs go
round the four sizes in turn, so that a burst of other work on a shared machine slows
one run of each rather than every run of one size. The gazetteer is loaded first and
not timed. A family that raises, or whose run takes over 20 s (as quadratic ones do),
is stopped there. PASS needs every exponent under 1.2 and every 100,000-character
report read in under 1 s.

Run: ``python benchmarks/bench_hostile.py [FAMILY...]`` (default: all of them).
"""

from __future__ import annotations

import gc
import math
import sys
import time
from collections.abc import Callable
from functools import lru_cache
from itertools import cycle, islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

import mapper
from gazetteer import Gazetteer, default_gazetteer
from mapper.extract.context import _may_skip, told_after_colon
from mapper.extract.report import extract_report
from mapper.extract.sentences import first_colon
from mapper.extract.weapons import attack_strength
from mapper.extract.words import words_of

ROOT = Path(__file__).resolve().parents[1]
SIZES = (12_500, 25_000, 50_000, 100_000)
MAX_EXPONENT = 1.2
MAX_SECONDS = 1.0
#: Caches keyed by a clause or sentence text: cleared before each run.
TEXT_CACHES = (words_of, _may_skip, attack_strength, told_after_colon, first_colon)
#: Rounds over the sizes go on until a family has taken this long (at least MIN_ROUNDS,
#: at most MAX_ROUNDS, and no round begun past MAX_FAMILY_SECONDS).
BUDGET_SECONDS = 2.0
MIN_ROUNDS, MAX_ROUNDS = 5, 40
MAX_FAMILY_SECONDS = 60.0
#: A run slower than this stops the family's larger sizes (a quadratic family would
#: take minutes); the exponent is then fitted over the sizes run.
GIVE_UP_SECONDS = 20.0

PLACES = ("Baghdad", "Balad", "Kirkuk", "Mosul", "Erbil", "Basra", "Fallujah", "Ramadi",
          "Tikrit", "Samarra", "Najaf", "Karbala", "Hilla", "Kut", "Amarah", "Baqubah")  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def _run(head: str, unit: str, tail: str) -> Callable[[int], str]:
    """A family: *head*, then *unit* repeated to the size, then *tail*."""

    def build(size: int) -> str:
        return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail

    return build


def _cycled(head: str, units: list[str], tail: str) -> Callable[[int], str]:
    """A family: *head*, then *units* in turn until the size is reached, then *tail*."""

    def build(size: int) -> str:
        parts, length = [head], len(head) + len(tail)
        for unit in cycle(units):
            if length + len(unit) > size:
                break
            parts.append(unit)
            length += len(unit)
        return "".join(parts) + tail

    return build


def _samples(size: int) -> str:
    """The bundled sample reports one after another, cut at a paragraph to *size*."""
    texts = [r.text for r in mapper.read_reports(ROOT / "samples" / "reports").reports if r.text]
    paragraphs = [p for text in texts for p in text.split("\n\n") if p.strip()]
    parts, length = [], 0
    for paragraph in cycle(paragraphs):
        if length + len(paragraph) + 2 > size:
            break
        parts.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(parts)


@lru_cache(maxsize=1)
def _distinct_places() -> list[str]:
    """Names of the gazetteer's Iraqi towns, each found alone as that town, sorted."""
    gazetteer = default_gazetteer()
    names = []
    for place in sorted(gazetteer, key=lambda p: p.id):
        if place.country != "IQ" or place.kind not in ("city", "town", "village"):
            continue
        found = gazetteer.find_mentions(f"Rockets hit {place.name}.")
        if len(found) == 1 and found[0].candidates[0].id == place.id:
            names.append(place.name)
    return names


def _dated_sentences() -> list[str]:
    days = islice(((d, m) for m in MONTHS for d in range(1, 29)), 300)
    return [
        f"Two rockets hit {place} on {day} {month} 2021. "
        for (day, month), place in zip(days, cycle(PLACES))
    ]


#: Family name -> size -> report text. The first is the baseline.
FAMILIES: dict[str, Callable[[int], str]] = {
    "baseline: samples": _samples,
    "'Hit ' run": _run("Rockets hit ", "Hit ", "."),
    "'Baghdad, ' run": _run("Rockets hit ", "Baghdad, ", "."),
    "'Baghdad and ' run": _run("Rockets hit ", "Baghdad and ", "Balad."),
    "Arabic name run": _run("Rockets hit ", "بغداد ", "."),
    "'(Baghdad) ' run": _run("Rockets hit ", "(Baghdad) ", "."),
    "'Baghdad's ' run": _run("Rockets hit ", "Baghdad's ", "old city."),
    "'north of Baghdad '": _run("Rockets hit ", "north of Baghdad ", "."),
    "'the capital ' run": _run("Rockets hit ", "the capital ", "."),
    "'al-Qaim ' run": _run("Rockets hit ", "al-Qaim ", "."),
    "'al ' run": _run("Rockets hit Baghdad ", "al ", "Qaim."),
    "places listed": _cycled("Rockets hit ", [f"{p}, " for p in PLACES], "and Kut."),
    "numbers": _run("Rockets hit Baghdad, killing ", "1,234 ", "people."),
    "casualty words": _run(
        "Rockets hit Baghdad, ", "killing 12 people and wounding 3 soldiers, ", "they said."
    ),
    "killed/wounded": _run("A rocket hit Baghdad. ", "3 killed and 4 wounded ", "."),
    "long digit run": _run("Rockets hit Baghdad, killing ", "9", " people."),
    "no full stop": _run(
        "", "two rockets hit the base near the town of Balad in the north and ", "one fell."
    ),
    "'and a rocket hit X'": _cycled(
        "Rockets hit Baghdad", [f" and a rocket hit {p}" for p in PLACES], "."
    ),
    "clauses ';'": _cycled("", [f"a rocket hit {p}; " for p in PLACES], "no one was hurt."),
    "'while' clauses": _cycled(
        "Rockets hit Baghdad", [f" while a drone struck {p}" for p in PLACES], "."
    ),
    "distinct places listed": _cycled("Rockets hit ", [f"{p}, " for p in _distinct_places()], "."),
    "distinct places told": _cycled("", [f"A rocket hit {p}. " for p in _distinct_places()], ""),
    "comma-grouped number": _run("Two rockets hit Baghdad, killing 1", ",000", " people."),
    "numbers listed": _run("Rockets hit Baghdad. ", "3, ", "3 were killed."),
    "'all the attacks'": _cycled(
        "",
        [f"{s}Nobody was hurt in all the attacks. " for s in _dated_sentences()],
        "",
    ),
    "'the base' sentences": _run("", "Rockets hit the base. ", ""),
    "'where' run": _run("Rockets hit Baghdad ", "where ", "it is."),
    "'[' run": _run("Rockets hit Baghdad. ", "[", "]"),
    "skipped, colon": _run("Officials blamed militias: ", "a rocket hit Baghdad; ", "."),
    "weapons set off": _run("A rocket hit Baghdad", ", a rocket", " sent flying by the blast."),
    "same-place sentences": _run("", "A rocket hit Baghdad. ", ""),
    "dated sentences": _cycled("", _dated_sentences(), ""),
    "one line each": _cycled("", [f"Rockets hit {p}.\n" for p in PLACES], ""),
    "'Hit. ' sentences": _run("Rockets hit Baghdad. ", "Hit. ", ""),
    "spaces": _run("Rockets hit Baghdad", " ", "."),
    "capitalised words": _run("Rockets hit ", "Foo ", "Baghdad."),
    "launch sites": _run("Rockets ", "fired from Baghdad ", "hit Balad."),
    "skip words": _run("Rockets hit Baghdad, ", "officials blamed militias and ", "others."),
    "quoted 'tonight'": _run(
        "Officials said late on Monday that rockets fell. ", '"A rocket hit Baghdad tonight," ', "."
    ),
    "quote marks": _run('Officials said late on Monday: "Rockets hit Baghdad tonight', ' "', '."'),
    "embedded posts": _run(
        "", "We condemn yesterday's attack on Balad.\n— A. B. (@ab) May 3, 2021\n", ""
    ),
    "post signatures": _run("Rockets hit Balad.\n", "— A. B. (@ab) May 3, 2021\n", ""),
    "areas listed": _run("Rockets hit ", "Baghdad and ", "Balad areas."),
    "accusations": _run(
        "", "They accused militias of a strike on Monday that killed 2 in Balad. ", ""
    ),
    # The casualty phrasings of translated and wire copy, in one clause without end.
    "ranges of people": _run(
        "Rockets hit Balad, wounding ", "between five and seven or two to three ", "soldiers."
    ),
    "wounded who died": _run(
        "A bomb hit Baquba, ", "wounding three soldiers, one of whom later died, ", "police said."
    ),
    "hospitals": _run(
        "A bomb hit Baquba", " and the wounded were taken to a hospital in Balad", "."
    ),
}


def clock(text: str, gazetteer: Gazetteer) -> float:
    """The time of one run of extract_report on *text*, caches cleared first."""
    report = mapper.Report("hostile", text, "Rockets hit", "2021-05-04", None, None, "h.md", None)
    for cache in TEXT_CACHES:
        cache.cache_clear()
    gc.collect()  # not the garbage of the run before
    start = time.perf_counter()
    extract_report(report, gazetteer)
    return time.perf_counter() - start


def clock_family(build: Callable[[int], str], gazetteer: Gazetteer) -> tuple[list[float], str]:
    """The best time at each size, in rounds over the sizes, and why it stopped early
    ("" if it did not): a size that raises or is too slow ends the family there."""
    texts = [build(size) for size in SIZES]
    best = [math.inf] * len(SIZES)
    sizes, stopped, spent, rounds = len(SIZES), "", 0.0, 0
    while (rounds < MIN_ROUNDS or spent < BUDGET_SECONDS) and rounds < MAX_ROUNDS:
        if stopped or spent > MAX_FAMILY_SECONDS:
            break
        for at in range(sizes):
            try:
                elapsed = clock(texts[at], gazetteer)
            except Exception as error:  # a crash is a failure too: say so, go on
                sizes, stopped = at, f"  ({SIZES[at]:,}: {type(error).__name__}: {error}"[:100]
                stopped += ")"
                break
            best[at], spent = min(best[at], elapsed), spent + elapsed
            if elapsed > GIVE_UP_SECONDS:
                sizes, stopped = at + 1, "  (stopped: too slow)"
                break
        rounds += 1
    return best[:sizes], stopped


def growth_exponent(sizes: list[int], seconds: list[float]) -> float:
    """Least-squares slope of log2(seconds) over log2(size)."""
    xs = [math.log2(s) for s in sizes]
    ys = [math.log2(max(t, 1e-7)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main(names: list[str]) -> bool:
    """Print each family's times and growth exponent; return whether all pass."""
    gazetteer = default_gazetteer()
    extract_report(mapper.Report("w", _samples(5000), None, None, None, None, "w", None), gazetteer)
    header = "".join(f"{s / 1000:>7.1f}k" for s in SIZES)
    print(f"{'family':24s}{header}  exponent  (seconds, best of runs)")
    failures = []
    worst = ("", 0.0)
    for name, build in FAMILIES.items():
        if names and name not in names and not name.startswith("baseline"):
            continue
        seconds, stopped = clock_family(build, gazetteer)
        sizes = list(SIZES[: len(seconds)])
        exponent = growth_exponent(sizes, seconds) if len(sizes) > 1 else math.nan
        cells = "".join(f"{t:8.3f}" for t in seconds) + "       -" * (len(SIZES) - len(seconds))
        print(f"{name:24s}{cells}  {exponent:8.2f}{stopped}", flush=True)
        if len(seconds) == len(SIZES) and seconds[-1] > worst[1]:
            worst = (name, seconds[-1])
        if stopped or not exponent < MAX_EXPONENT or seconds[-1] >= MAX_SECONDS:
            failures.append(name)
    print(f"slowest {SIZES[-1]:,}-character report: {worst[1]:.3f} s ({worst[0]})")
    if failures:
        print(f"FAIL: {len(failures)} families stopped, over exponent {MAX_EXPONENT} or over "
              f"{MAX_SECONDS} s: " + ", ".join(failures))  # fmt: skip
        return False
    print(f"PASS: every exponent < {MAX_EXPONENT}, every {SIZES[-1]:,}-character report < "
          f"{MAX_SECONDS} s")  # fmt: skip
    return True


if __name__ == "__main__":
    sys.exit(0 if main(sys.argv[1:]) else 1)
