"""Event extraction: strikes, attacks, clashes and deployments with ACLED-style metadata.

``extract_events(article, sentences, places, lang=...)`` reads one article (French, English,
Arabic trigger words); ``merge_events(events)`` joins reports of the same incident across
articles. Both are pure functions of frozen values: compiled regexes and lexicons, and two
small linear scorers shipped as JSON, trained on the annotated corpus by
``python -m geoevents.events.train``: one picks each event's actor among the rules' choice,
the actors the article names and nobody (``actor_model.json``); the other drops events at
places it judges unlikely event places (``place_model.json``). Nothing is downloaded; cheap
enough for batches of thousands of articles.

Conventions (documented choices, tested in tests/events):

Event types (ACLED names, ``event_type`` / ``sub_event_type``)
    * Explosions/Remote violence / Air/drone strike (airstrikes, drones, a bare "frappe" or
      "strike"), Shelling/artillery/missile attack (missiles, rockets, artillery, mortars,
      tank fire), Remote explosive/landmine/IED (IEDs, car bombs, mines, a bare
      "explosion"), Suicide bomb, Grenade;
    * Battles / Armed clash (clashes, fighting, an attack on forces with no heavy weapon);
    * Violence against civilians / Attack (attacks on civilians, terror attacks,
      shootings and rammings of crowds);
    * Strategic developments / Headquarters or base established (role BASE: a base,
      installation or stationed troops at the place), Other (role BASE: deployments, e.g.
      "Patriot batteries to be deployed"; role OTHER: withdrawals), Disrupted weapons use
      (interceptions).
Roles
    TARGET where it landed; BASE base, installation or deployment place; ORIGIN launch site
    ("tirés depuis l'Iran"), also set as ``Event.origin`` of the strike; OTHER withdrawals.
    Places with no role get no event (records.py draws them as plain places). A country (or
    a region introduced as a container, "dans le nord de la bande de Gaza") is dropped when
    a finer place of that country has the same role; a country-level event with no finer
    place keeps geo_precision 4.
Status
    negated ("aucune frappe", "did not strike"), hypothetical ("pourrait frapper", "could
    strike", "threatened to"), future ("va déployer", "will deploy", "pour déployer");
    records.py draws only asserted events. Events that have not happened have no date.
Dates
    ``date`` is ``date_start``; ranges ("dans la nuit de mardi à mercredi", "last week") set
    ``date_end``; ``time_precision`` 1 day, 2 week, 3 month, 4 unknown. Details in
    :mod:`geoevents.events.dates`; without an article date only explicit years give a date.
Counts
    ``quantity`` counts munitions ("11 missiles", "un autre" = 1, "a drone attack" = none);
    vague amounts use a lower-bound rule ("une douzaine" 12, "des dizaines" 20, "dozens" 24,
    "plusieurs"/"several" 3) with the words kept as evidence. ``fatalities``/``injuries``
    are ``None`` when the text says nothing and 0 when it says none; a count in a later
    sentence goes to the first event of the sentence before (a "none" to each of them).
Actors (round 2)
    the subject of the trigger; a French demonym right after it ("une frappe israélienne");
    "the group" / "le groupe" is the last armed group named; for battles the first side
    ("opposé l'armée soudanaise aux FSR"); nobody for defensive verbs ("repelled", "repoussé")
    and interceptions (the interceptor is not the actor: the owner of the disrupted weapon is);
    governments blaming each other ("Kiev et Moscou s'accusant") are neither actors nor places.
Dates (round 2)
    "la veille", "a day earlier/after", "le lendemain", "two days later" count from the day the
    story has reached; a clause of retaliation ("en représailles aux frappes sur X") does not
    take the main clause's date; a one-sentence report ("Kharkiv : un missile a frappé ...")
    is about its article's day.
Round 3
    a bare "bombardement(s)" / "bombardment" (no air cue such as "aériens", "aviation", "jets")
    is Shelling/artillery/missile attack with weapon "artillery"; a "facility" is a base only
    when it is not a civilian one ("energy", "power", "port", "oil", "gas", "storage",
    "industrial", "water", "medical" facility is a target); a share of a salvo ("29 of 31
    drones", "15 des 17 missiles", "18 of them") is the ``quantity`` of the interception, the
    whole salvo that of the strike; a place in a possessive source ("Gaza's civil defence
    said", "Ukraine's air force") is not where the event happened.
Round 4 (places)
    not event places: where something was said, agreed, negotiated or travelled through
    ("said in Geneva", "the truce agreed in Moscow", "arrivé en Europe"), destinations ("drones
    on their way to Israel", "fleeing into Thailand"), sirens, "the war in Ukraine", continents
    (except for deployments), names in quotes (« Tombouctou »), route ends ("la liaison entre Gao
    et Mopti"), titles ("le président de la région du Jubaland"), sources ("the Gaza health
    ministry"), a country naming troops, a base or negotiators ("U.S. troops", "a U.S. base"),
    distances from a reference point ("à 40 km d'Abidjan") and the setting of a place ("Tanta,
    dans le delta du Nil", "al-Jalaa camp in western Aden", "Mariupol, the port city on the Sea
    of Azov", "Istanbul's Ataturk airport", "the Gwadar district of Balochistan", "au large de
    Hodeïda" after a sea). Listed regions are siblings, not containers. A toll given place by
    place ("À Loutsk, un mort ; à Zaporijjia, deux", "70 à Tchoma Bangou et une trentaine à
    Zaroumdareye") goes to, or reports, the strike at each place and overrides an earlier total;
    strikes told without a place happen where the sentence before set the scene.
Round 4 (events and fields)
    attacks spoken of in a condition ("jusqu'à ce que les attaques en mer Rouge cessent"),
    habitual ("théâtre d'attaques régulières", "in recent years"), condemned or referred back to
    as a time ("The bombing came as ...") are not events; "abattu"/"neutralisé" are
    interceptions only around munitions or aircraft; an attack said to be intercepted is an
    interception; attackers killed by forces after an attack make an armed clash there. Actors:
    the owner named on a weapon ("Russian drones") for its interception and later events with
    it; a bare army ("l'armée", "security forces") is the state last named for its forces, else
    the state it fights in; a national base belongs to the state it stands in; group names the
    lexicon lacks are read as written ("Arakan Rohingya Salvation Army", "Jamaat-ul-Ahrar"); a
    blame after "no group has claimed" names the actor; a weapon told after the explosions
    ("commises par des kamikazes") types them. Counts: the count nearest the weapon ("a abattu
    trois missiles"), "the remaining two", one car bomb = 1 (a single suicide bomber, a car bomb
    attack: none). Dates: an article with no date at all reports its own day; "dans la soirée",
    "hours later" reach back to the story's day; "overnight into Wednesday" starts the night
    before; "on Saturday and Sunday" starts on the first; a day after "a annoncé" yields to a day
    the next sentence tells; called-off or cancelled strikes are negated.
Evidence
    ``Event.evidence`` holds (field, start, end, text) spans into the article for place,
    event_type (the trigger), status, date, actor, weapon, quantity, fatalities, injuries and
    origin.
"""

from __future__ import annotations

from .extract import extract_events
from .merge import merge_events

__all__ = ["extract_events", "merge_events"]
