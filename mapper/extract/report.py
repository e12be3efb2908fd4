"""One report in, its incidents out: the heart of the mapper.

Reading order, once per report: clean and split the text (:mod:`mapper.extract.sentences`),
find every place mention with one gazetteer call, then walk the clauses in order.
A clause tells an incident when it has an attack word and a place; it adds to an
incident already open when its place is the same, nested or next door and its date
does not differ, and opens a new incident otherwise. The rules and their reasons are
written out in docs/extraction.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gazetteer import distance_km
from mapper.extract.casualties import may_tell_casualties
from mapper.extract.context import is_history, singled_out, skip_reason, told_after_colon
from mapper.extract.dates import date_expressions, find_event_date
from mapper.extract.digest import DigestPlaces
from mapper.extract.headline import fill_from_headline, headline_place
from mapper.extract.incident import Dated, Incident, enrich, incident_rows, matching_incident
from mapper.extract.narrative import narrative_date
from mapper.extract.place_references import (
    NamedSites,
    may_name_by_kind,
    named_by_kind,
    names_it_later,
)
from mapper.extract.places import (
    abroad,
    best_place,
    coordinated,
    is_vague,
    may_name_region,
    nested,
    place_hits,
)
from mapper.extract.posts import Post, embedded_posts, posted_on
from mapper.extract.references import (
    incidents_meant,
    named_by_its_day,
    names_the_attack,
    names_the_same_place,
    tells_another,
    tells_where_the_attack_was,
)
from mapper.extract.sentences import Clause, Document, Sentence, first_colon, split_document
from mapper.extract.statements import filing_date, quoted_relative_day, statement_day
from mapper.extract.weapons import (
    ATTACK,
    ATTACK_NOUN,
    NO_ATTACK,
    attack_strength,
    last_weapon_phrase,
)

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Mention
    from mapper.read import Report


def extract_report(report: Report, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Return the incidents a report describes, in text order.

    Parameters
    ----------
    report
        One report; ``text``, ``title`` and ``published`` are read.
    gazetteer
        Places to recognise (``gazetteer.default_gazetteer()`` for the bundled one).

    Returns
    -------
    list of dict
        One dict per incident with the keys date, date_precision, place, place_id,
        latitude, longitude, geo_precision, weapon, projectiles, killed, injured,
        target and quote (see :mod:`mapper.table.schema`); None where the text is silent.

    Examples
    --------
    >>> from gazetteer import default_gazetteer
    >>> from mapper.read import Report
    >>> text = "Two rockets hit Camp Taji on Monday, wounding one soldier."
    >>> report = Report("r1", text, None, "2021-05-04", None, None, "r1.md", None)
    >>> [(i["place_id"], i["date"], i["projectiles"], i["injured"])
    ...  for i in extract_report(report, default_gazetteer())]
    [('camp-taji', '2021-05-03', 2, 1)]
    """
    document = split_document(report.text)
    skips: dict[int, bool] = {}
    mentions = gazetteer.find_mentions(_worth_searching(document, skips))
    # Relative dates count from the day the story was filed, which a dateline may give.
    published = filing_date(report.text, report.published) or report.published
    said = statement_day(document, published)
    posts = embedded_posts(report.text, document.text)
    incidents = _read(document, mentions, (published, said, posts), gazetteer, skips, report.title)
    if not incidents and report.title:
        # The body said nothing usable; the headline may still name the attack.
        title = report.title.strip()
        document = Document(
            title, [Sentence(0, len(title), title)], [Clause(0, len(title), title, 0)]
        )
        mentions = gazetteer.find_mentions(title)
        incidents = _read(document, mentions, (published, None, []), gazetteer, {}, None)
    rows = incident_rows(incidents, document)
    if rows and report.title:
        fill_from_headline(rows[0], incidents[0].hit.place, report.title, gazetteer)
    return rows


def _worth_searching(document: Document, skips: dict[int, bool]) -> str:
    """The document with the sentences that cannot place an incident blanked out.

    Those are sentences with no casualty word that tell no attack, or tell one but no
    new incident (a withdrawal, who is blamed: see :func:`skip_reason`); the skip
    answers are recorded in *skips* for the clause walk. Blanking (not cutting) keeps
    offsets, and the mention finder passes over spaces almost for free. A sentence's
    last character (its full stop) stays: the finder reads it as context ("Hit" opening
    the next sentence is the verb, not the town).
    """
    parts: list[str] = []
    end = 0
    for index, sentence in enumerate(document.sentences):
        if may_tell_casualties(sentence.text):
            continue
        if attack_strength(sentence.text):
            skips[index] = skip_reason(sentence.text) is not None
            if not skips[index] or "including one" in sentence.text:
                continue
            if told_after_colon(sentence.text):
                continue
        kept = max(sentence.start, sentence.end - 1)
        parts.append(document.text[end : sentence.start])
        parts.append(" " * (kept - sentence.start))
        end = kept
    parts.append(document.text[end:])
    return "".join(parts)


def _read(
    document: Document,
    mentions: list[Mention],
    days: tuple[str | None, str | None, list[Post]],
    gazetteer: Gazetteer,
    skips: dict[int, bool],
    title: str | None,
) -> list[Incident]:
    """Walk the clauses; *skips* (sentence -> tells no new incident) is filled lazily.

    *title* may name the base or facility that "the base" in the body is;
    *days* are the publication (or filing) day, the day of the report's statements and
    the embedded posts, each dating what it says.
    """
    published, said, posts = days
    incidents: list[Incident] = []
    current: Incident | None = None
    carried: Dated | None = None  # the date the narrative is at
    pending: str | None = None  # a clause whose date becomes `carried` if ever needed
    cursor = 0
    lede: Clause | None = None  # an attack told before any place, in the story's opening
    sites = NamedSites(document.text, gazetteer)  # for "the base" when no headline names one
    digest = DigestPlaces(document, gazetteer)  # a round-up's town headings
    for index, clause in enumerate(document.clauses):
        # Mentions are in text order: advance a cursor rather than filter them all.
        while cursor < len(mentions) and mentions[cursor].start < clause.start:
            cursor += 1
        stop = cursor
        while stop < len(mentions) and mentions[stop].start < clause.end:
            stop += 1
        posted = posted_on(posts, clause.start) if posts else None
        here = posted or published  # a post's days count from the day it was posted
        # "a spate of rocket attacks, including one that killed ...": one of them.
        singled = singled_out(clause.text)
        strength = ATTACK if singled else attack_strength(clause.text)
        if stop == cursor and current is not None and may_tell_casualties(clause.text):
            # A casualty sentence without a place: "A woman, a girl and a young boy were
            # injured." tells the open incident (an attack clause joins it below);
            # "Nobody was hurt in either attack" the incidents before it too.
            meant = incidents_meant(clause.text)
            told = [i for i in incidents[-meant:] if i is not current] if meant > 1 else []
            if strength == NO_ATTACK:
                told.append(current)
            if told and _own_date(clause.text, here, said) is None:
                for incident in told:
                    incident.casualty_texts.append(clause.text)
        if strength == NO_ATTACK:
            pending = clause.text
            continue
        if clause.sentence not in skips:
            skips[clause.sentence] = (
                skip_reason(document.sentences[clause.sentence].text) is not None
            )
        sentence = document.sentences[clause.sentence]
        colon = first_colon(sentence.text)
        after_colon = colon >= 0 and clause.start >= sentence.start + colon + 2
        if (
            skips[clause.sentence]
            and not singled
            and not (after_colon and skip_reason(clause.text) is None)
        ):
            # Whatever dates it and the clauses before it give, the narrative is lost;
            # unless attacks follow a colon: "In March IS claimed two attacks: ...".
            carried = pending = None
            if told_after_colon(sentence.text):
                carried = _own_date(clause.text, here, said)
            continue
        if pending is not None:
            # Dates of clauses without an attack are read only when one follows; one
            # without a date ("No one was hurt.") leaves the narrative where it was.
            given = _own_date(pending, published, said)
            if given is not None:
                carried = None if is_history(given[0], given[1], published) else given
            pending = None
        # The day the story is at: the last date given, else the open incident's.
        at = carried or (current.dated if current is not None else None)
        own, other_time = _clause_date(clause.text, here, at, said)
        if own is not None and is_history(own[0], own[1], here):
            carried = None
            continue
        # A clause that opens on a statement's date ("On Monday night, the ministry said
        # that militants attacked ...") is not on the narrative's day either.
        stated_only = own is None and not other_time and _opens_on_a_date(clause.text)
        dated = own or (None if other_time or stated_only else carried)
        hits = (
            place_hits(clause.text, clause.start, mentions[cursor:stop], gazetteer)
            if stop > cursor or may_name_region(clause.text)
            else []
        )
        if not hits and stop > cursor and abroad(mentions[cursor:stop]):
            # "US jets struck militia positions in Syria": another country's event; its
            # figures and sentence do not belong to the incident open in Iraq.
            carried = dated
            continue
        hit = best_place(hits, gazetteer)
        if hit is not None and is_vague(hit):
            hit = None
        if hit is None and strength == ATTACK:
            hit = digest.place_at(clause.start)  # "RAMADI: Three mortar rounds struck ..."
        by_kind = hit is None and strength == ATTACK and (current is None or own is not None)
        if by_kind and may_name_by_kind(clause.text):  # only then is the title read
            # "Three rockets landed inside the air base" under a headline naming it; with
            # an incident open and no date of its own, "the base" is that incident's.
            headline = headline_place(title, gazetteer)
            hit = named_by_kind(clause.text, headline)
            if hit is None and headline is None:
                # No headline site: "the base" is the one the story named last.
                hit = named_by_kind(clause.text, sites.last_before(clause.start))
        if (
            hit is None
            and current is None
            and strength == ATTACK
            and not other_time
            and may_tell_casualties(clause.text)
        ):
            # "25 fighters were killed in three US air strikes in Iraq on Sunday. One of the
            # strikes hit a headquarters near Qaim": the lede of the attack placed next.
            lede = clause
        dates_the_open_one = (
            current is not None
            and current.dated is None
            and own is not None
            and names_the_attack(clause.text)
        )
        if (
            hit is None
            and strength == ATTACK_NOUN
            and not may_tell_casualties(clause.text)
            and not dates_the_open_one
        ):
            # "Attacks on convoys have become a near-daily occurrence": no place, weapon
            # or figure to add, only a word for attacks; the incident's quote stays its own.
            carried = dated
            continue
        if hit is None and current is not None and (other_time or (own and own != current.dated)):
            # "It followed an attack on 8 May, when a drone hit the same base."
            if dates_the_open_one and not other_time:
                # "The attack in the early hours of Tuesday did not cause casualties":
                # the attack told, undated so far.
                enrich(current, clause, None, own, gazetteer)
                for partner in current.together:
                    # The places attacked with it ("... in Akashat and Al-Qaim") alike.
                    if partner.dated is None:
                        partner.dated = own
                carried = own
                continue
            if names_the_same_place(clause.text) and strength == ATTACK:
                hit = current.hit
            else:
                carried = own
                continue
        separate = own is None and strength == ATTACK and (tells_another(clause.text) or singled)
        if separate:
            dated = None  # another attack, on a day not given
        target = (
            None
            if other_time or separate
            else matching_incident(
                incidents,
                current,
                hit,
                dated,
                own is None or posted is not None or names_the_attack(clause.text),
                gazetteer,
            )
        )
        if (
            target is None
            and current is not None
            and hit is not None
            and own in (None, current.dated)
            and (
                tells_where_the_attack_was(clause.text)
                or (current.hit.precision == 2 and names_it_later(current.texts[0], hit))
            )
            and distance_km(current.hit.place.point, hit.place.point) <= SAME_ATTACK_KM
        ):
            # "Clashes in south-western Kirkuk killed 13. The attack took place in the
            # Rashad sub-district", "an attack on a base near Kirkuk ... rockets hit the
            # K1 base": the same attack, now placed more precisely.
            target = current
            if not hit.landmark and not nested(gazetteer, hit.place, current.hit.place):
                current.hit = hit
        if target is not None:
            enrich(target, clause, hit, dated, gazetteer)
            current = target
        elif hit is not None and (
            strength == ATTACK
            or (
                strength == ATTACK_NOUN
                and own is not None
                and not (current is not None and named_by_its_day(clause.text))
            )
        ):
            current = Incident(hit, dated)
            current.add(clause)
            incidents.append(current)
            if lede is not None and clause.sentence - lede.sentence <= LEDE_SENTENCES:
                lede_date = _own_date(lede.text, published, said)
                if lede_date is None or lede_date == dated:
                    current.add_lede(lede)
            lede = None
            if singled and index > 0:
                # Its weapon is the tally's: "a spate of rocket attacks, including one ...".
                current.texts.insert(0, last_weapon_phrase(document.clauses[index - 1].text))
        if hit is not None and current is not None and strength == ATTACK and not other_time:
            # "Rockets hit Ain al-Asad and Balad air bases": an incident at each.
            # The clause's figures stay with the first place: "killing ten people" are
            # ten in all, not ten at each.
            for other in coordinated(hits, hit, clause.text, gazetteer):
                same = matching_incident(incidents, current, other, dated, own is None, gazetteer)
                if same is not None and not nested(gazetteer, same.hit.place, other.place):
                    same = None  # a neighbour listed beside it is a place of its own
                if same is None:
                    same = Incident(other, dated)
                    incidents.append(same)
                    current.together.append(same)
                if same is not current:
                    same.add(clause, figures=False)
        carried = dated
    return incidents


#: A lede without a place tells the attack placed within this many sentences after it.
LEDE_SENTENCES = 2
#: "The attack took place in X" names the attack just told when X lies this close to it.
SAME_ATTACK_KM = 80.0


def _opens_on_a_date(text: str) -> bool:
    """Whether *text* opens on a date expression ("On Monday night, ...")."""
    expressions = date_expressions(text[:40])
    return bool(expressions) and expressions[0].start <= len("On late ")


def _clause_date(
    text: str, published: str | None, at: Dated | None, said: str | None
) -> tuple[Dated | None, bool]:
    """A clause's own date, and whether it names another time it cannot pin down.

    *at* is the date the narrative is at, for "a day earlier" and the like; *said* the
    day the report's statements were made, for "tonight" in a quotation.
    """
    own = _own_date(text, published, said)
    if own is not None:
        return own, False
    anchor = at[0] if at is not None and at[1] == "day" else None
    relative = narrative_date(text, anchor)
    if relative is None:
        return None, False
    if relative[0] is None:
        return None, True  # "earlier in the week": not the narrative's day
    return (relative[0], relative[1]), False


def _own_date(text: str, published: str | None, said: str | None) -> Dated | None:
    found = find_event_date(text, published)
    if found is not None and said is not None and quoted_relative_day(text, found):
        found = find_event_date(text, said)
    return None if found is None or found.date is None else (found.date, found.precision)
