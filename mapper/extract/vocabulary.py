"""The extractor's vocabulary, kept as data: words -> weapon, target, number, region.

Edit these tables to teach the extractor a new spelling; the code reads them once
and compiles them into regular expressions. docs/extraction.md lists the same
tables for readers and explains each choice.
"""

from __future__ import annotations

#: Phrase (lower case) -> weapon from :data:`mapper.table.schema.WEAPONS`. The longest
#: phrase wins, so "roadside bomb" is an IED while a bare "bomb" is an explosive.
WEAPON_TERMS: dict[str, str] = {
    # rockets
    "rocket": "rocket",
    "rockets": "rocket",
    "rocket fire": "rocket",
    "katyusha": "rocket",
    "katyushas": "rocket",
    "grad rockets": "rocket",
    # mortars
    "mortar": "mortar",
    "mortars": "mortar",
    "mortar round": "mortar",
    "mortar rounds": "mortar",
    "mortar shell": "mortar",
    "mortar shells": "mortar",
    "mortar bombs": "mortar",
    # missiles
    "missile": "missile",
    "missiles": "missile",
    "ballistic missile": "missile",
    "ballistic missiles": "missile",
    # drones: an armed drone, whatever the translation calls it
    "drone": "drone",
    "drones": "drone",
    "drone strike": "drone",
    "drone strikes": "drone",
    "drone fire": "drone",
    "drone bomb": "drone",
    "explosives-laden drone": "drone",
    "explosives-laden drones": "drone",
    "explosive-laden drone": "drone",
    "bomb-laden drone": "drone",
    "bomb-laden drones": "drone",
    "trapped drones": "drone",
    "booby-trapped drone": "drone",
    "kamikaze drone": "drone",
    "uav": "drone",
    # military releases: "a one-way attack UAS", "unmanned aerial systems"
    "uas": "drone",
    "one-way attack uas": "drone",
    "one-way attack drone": "drone",
    "one-way attack drones": "drone",
    "unmanned aerial system": "drone",
    "unmanned aerial systems": "drone",
    "unmanned aerial vehicle": "drone",
    "unmanned aerial vehicles": "drone",
    # "a missile fired from a drone": the drone is the weapon, its missile the munition
    "missile fired from a drone": "drone",
    "missiles fired from a drone": "drone",
    "drone-fired missile": "drone",
    "drone-fired missiles": "drone",
    "uavs": "drone",
    "quadcopter": "drone",
    # improvised explosive devices, including vehicle-borne ones
    "ied": "ied",
    "ieds": "ied",
    "vbied": "ied",
    "roadside bomb": "ied",
    "roadside bombs": "ied",
    "improvised explosive device": "ied",
    "improvised explosive devices": "ied",
    "explosive device": "ied",
    "explosive devices": "ied",
    "car bomb": "ied",
    "car bombs": "ied",
    "sticky bomb": "ied",
    "booby-trapped car": "ied",
    "booby-trapped vehicle": "ied",
    "car bombing": "ied",
    "car bombings": "ied",
    "truck bomb": "ied",
    "truck bombs": "ied",
    "vehicle bomb": "ied",
    "explosives-laden car": "ied",
    "explosives-laden vehicle": "ied",
    # small arms
    "gunfire": "gunfire",
    "gunmen": "gunfire",
    "gunman": "gunfire",
    "opened fire": "gunfire",
    "shot dead": "gunfire",
    "small-arms fire": "gunfire",
    "machine-gun fire": "gunfire",
    "sniper": "gunfire",
    # translated local news: "the attackers used light and medium weapons"
    "light and medium weapons": "gunfire",
    "medium and light weapons": "gunfire",
    "light weapons": "gunfire",
    "small arms": "gunfire",
    "machine guns": "gunfire",
    # aircraft
    "air strike": "airstrike",
    "air strikes": "airstrike",
    "airstrike": "airstrike",
    "airstrikes": "airstrike",
    "air raid": "airstrike",
    "air raids": "airstrike",
    "warplanes": "airstrike",
    "warplane": "airstrike",
    "jets": "airstrike",
    "aircraft bombed": "airstrike",
    "aircraft struck": "airstrike",
    "aircraft hit": "airstrike",
    "aircraft targeted": "airstrike",
    "aircraft attacked": "airstrike",
    # A state's military "strikes" in Iraq are delivered from the air.
    "us strike": "airstrike",
    "us strikes": "airstrike",
    "u.s. strike": "airstrike",
    "u.s. strikes": "airstrike",
    "american strike": "airstrike",
    "american strikes": "airstrike",
    "coalition strike": "airstrike",
    "coalition strikes": "airstrike",
    # other explosions
    "explosion": "explosive",
    "explosions": "explosive",
    "blast": "explosive",
    "blasts": "explosive",
    "bomb": "explosive",
    "bombs": "explosive",
    "bombing": "explosive",
    "bombings": "explosive",
    "suicide bombing": "explosive",
    "suicide bombings": "explosive",
    "grenade": "explosive",
    "grenades": "explosive",
    "suicide bomber": "explosive",
    # shelling names the act, not the weapon: no artillery class, so "other"
    "shelling": "other",
    "artillery": "other",
}

#: Nouns for things fired or flown at a target; "Seven rockets" gives projectiles=7.
#: Bombs and IEDs are planted, not fired, so they are not counted.
PROJECTILE_NOUNS: tuple[str, ...] = (
    "rocket",
    "rockets",
    "katyusha",
    "katyushas",
    "missile",
    "missiles",
    "mortar",
    "mortars",
    "mortar round",
    "mortar rounds",
    "mortar shell",
    "mortar shells",
    "mortar bombs",
    "shell",
    "shells",
    "round",
    "rounds",
    "drone",
    "drones",
    "uas",
    "one-way attack uas",
    "unmanned aerial system",
    "unmanned aerial systems",
    "projectile",
    "projectiles",
)

#: Phrase (lower case) -> target.
TARGET_TERMS: dict[str, str] = {
    "embassy": "embassy",
    "embassies": "embassy",
    "chancellery": "embassy",
    "consulate": "consulate",
    "convoy": "convoy",
    "convoys": "convoy",
    "checkpoint": "checkpoint",
    "police post": "checkpoint",
    "army post": "checkpoint",
    "security post": "checkpoint",
    "base": "base",
    "bases": "base",
    "air base": "base",
    "airbase": "base",
    "airfield": "base",
    "camp": "base",
    "barracks": "base",
    "headquarters": "base",
    "airport": "airport",
    "school": "school",
    "market": "market",
    "house": "residential",
    "houses": "residential",
    "home": "residential",
    "homes": "residential",
    "village": "residential",
    "residential": "residential",
    "oil field": "energy",
    "oilfield": "energy",
    "gas field": "energy",
    "refinery": "energy",
    "pipeline": "energy",
    "power station": "energy",
    "ministry": "government",
    "parliament": "government",
}

#: When an incident names several targets, the first in this list is kept: the
#: most particular thing aimed at (an embassy inside a zone, a convoy on a road).
TARGET_PRIORITY: tuple[str, ...] = (
    "embassy",
    "consulate",
    "convoy",
    "checkpoint",
    "base",
    "airport",
    "school",
    "market",
    "residential",
    "energy",
    "government",
)

#: Number words -> value ("twenty-five" is read as twenty + five).
NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
}

#: People nouns that name more than one person without ending in "s".
COLLECTIVE_NOUNS: frozenset[str] = frozenset(
    """people police personnel staff family men women children policemen servicemen
    guardsmen airmen passers-by""".split()  # noqa: SIM905
)
#: Nouns naming people, for counting casualties ("two US soldiers and a medic").
PERSON_NOUNS: frozenset[str] = frozenset(
    """people persons person civilians civilian soldiers soldier troops servicemen serviceman
    members member contractors contractor children child girl girls boy boys woman women
    man men guard guards officer officers policeman policemen police fighters fighter
    militants militant workers worker employees employee staff personnel americans american
    iraqis iraqi citizens citizen residents resident farmers farmer activist activists
    driver drivers medic medics pilgrims pilgrim students student pupils pupil others
    relatives passers-by journalist journalists commander commanders officials official
    marines marine sailors airmen guardsmen cadets recruits shepherd shepherds teenager
    teenagers son sons daughter daughters brother brothers wife husband mother father
    family owner owners passenger passengers shopkeeper shopkeepers teacher teachers
    briton britons kurd kurds turk turks iranian iranians syrian syrians nationals national
    foreigner foreigners westerner westerners security-guards worshippers worshipper
    """.split()  # noqa: SIM905
)

#: Vague regions -> (place label, gazetteer id standing for it). Where one governorate
#: is the region (Anbar is the west), it stands for it; elsewhere a ``region`` place of
#: the gazetteer, centred on the governorates it spans.
REGIONS: dict[str, tuple[str, str]] = {
    "west": ("western Iraq", "gov-anbar"),
    "north": ("northern Iraq", "region-north"),
    "south": ("southern Iraq", "region-south"),
    "east": ("eastern Iraq", "region-east"),
    "centre": ("central Iraq", "region-centre"),
    "north-west": ("north-western Iraq", "gov-nineveh"),
    "south-west": ("south-western Iraq", "gov-anbar"),
    "north-east": ("north-eastern Iraq", "region-north-east"),
    "south-east": ("south-eastern Iraq", "gov-basra"),
}

#: Attack words. A weapon word or one of these verbs may open a new incident; the
#: nouns only when the sentence also gives its own date ("On 11 March, a raid ...").
ATTACK_VERBS: tuple[str, ...] = (
    "struck",
    "hit",
    "slammed",
    "landed",
    "fell",
    "crashed",
    "exploded",
    "went off",
    "bombed",
    "shelled",
    "pounded",
    "targeted",
    "targeting",
    "attacked",
    "ambushed",
    "detonated",
    "shot down",
    "fired",
    "launched",
    "tore through",
    "blown up",
    "blew up",
)
ATTACK_NOUNS: tuple[str, ...] = (
    "attack",
    "attacks",
    "raid",
    "raids",
    "assault",
    "barrage",
    "salvo",
    "strike",
    "strikes",
    "ambush",
    "clash",
    "clashes",
)
