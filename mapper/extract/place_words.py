"""The words around a place name that change what it names or how precisely.

Pure patterns, read by :mod:`mapper.extract.places`: "near" and "west of" before a name
(near it, or a landmark for another place), "province" or "district" after it (the
area, not the town), "air base" after it (the base named for the town), and what lies
along a road named for it. docs/extraction.md ("Precision codes") gives the forms.
"""

from __future__ import annotations

import re

NEAR_RE = re.compile(
    r"\b(?:near|nearby|outside|close to|outskirts of|edge of|vicinity of|entrances? of"
    r"|gates? of|approaches to|environs of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? of|(?:km|kilometres|kilometers|miles)"
    r" (?:from|of))\b[^.,;:]{0,45}$"
    # "around" only right before the place: "around 18 rockets hit Camp Taji" is a count.
    r"|\baround\s+(?:the\s+)?(?:(?:city|town|village|area)\s+of\s+)?$"
    r"|\b(?:south|north)?-?(?:southern|northern|eastern|western)\s+$"
    # "the village of al-Rashad, which belongs to the town of al-Muqdadiya": a part of it.
    r"|\b(?:belongs?|belonging|affiliated|attached) to\s+(?:the\s+)?(?:(?:town|city|district"
    r"|sub-district|province|governorate)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "west of Kirkuk", "30 km from Mosul": the place is a landmark for another one.
LANDMARK_RE = re.compile(
    r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|(?:km|kilometres|kilometers"
    r"|miles)\s+(?:\w+\s+)?(?:from|of))\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.IGNORECASE,
)
# Matched at the end of a mention with ``pattern.match(text, end)``.
BASE_WORD_RE = re.compile(r"\s*(?:air\s*bases?|bases?|camps?|airfields?)\b", re.IGNORECASE)
AIRPORT_WORD_RE = re.compile(r"\s*(?:international\s+)?airport\b", re.IGNORECASE)
VERB_OPENING_RE = re.compile(r"\s*(?:by|hard)\b")
#: A list that "provinces" closes is read over at most this many more names (Iraq has
#: 19 governorates): unbounded, each name of a long list read the rest of it again.
MAX_LISTED_PROVINCES = 20
#: After a name: "province", or the rest of a list that "provinces" closes ("Babil,
#: Karbala and Anbar provinces", "Babil, Karbala and other provinces").
PROVINCE_WORD_RE = re.compile(
    # Case matters for the listed names: "Karbala and the province" lists none.
    r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)?)"
    rf"{{0,{MAX_LISTED_PROVINCES}}}"
    r"\s*(?:(?:,\s*)?and\s+other\s+)?(?:[Pp]rovince|[Gg]overnorate)s?\b",
)
#: Before a name: "the province of Diyala", "the governorate's district of Dibis".
PROVINCE_OF_RE = re.compile(r"\b(?:province|governorate) of\s+$", re.IGNORECASE)
DISTRICT_OF_RE = re.compile(r"\bdistrict of\s+$", re.IGNORECASE)
#: After a name: "Dibis district" (not "district council"...: the word ends the phrase).
DISTRICT_WORD_RE = re.compile(r"\s+district\b(?!\s+(?:council|court|office|police))", re.IGNORECASE)
#: Words one of which "near ..." or "west of ..." needs: a cheap test first.
NEAR_KEYS = tuple(
    """near outside close outskirts edge vicinity around north south east west km kilomet
    miles belong affiliated attached entrance gate approaches environs""".split()  # noqa: SIM905
)
NEAR_KEY_RE = re.compile("|".join(NEAR_KEYS))
AWAY_RE = re.compile(r"\b(?:away|missed|short of)\b", re.IGNORECASE)
#: After a name: a road, highway or area named for the place, or a list of them ("on
#: the Nasiriyah highway", "on the Kirkuk-Daquq road", "in the Akashat and Al-Qaim
#: regions"): along it or around it, not the place itself.
ALONG_RE = re.compile(
    r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)?){0,3}"
    r"(?:-[A-Z][\w'’-]*)?\s+(?:highway|road|motorway|expressway|areas?|regions?"
    r"|(?:refugee|IDP|displacement|displaced people's)\s+camps?)\b"
)
