"""Event extraction: strikes, attacks, clashes and deployments with ACLED-style metadata.

``extract_events(article, sentences, places, lang=...)`` reads one article;
``merge_events(events)`` joins reports of the same incident across articles.

Event taxonomy (ACLED names; ``event_type`` / ``sub_event_type``):

* Explosions/Remote violence / Air/drone strike, Shelling/artillery/missile attack,
  Remote explosive/landmine/IED, Suicide bomb, Grenade;
* Battles / Armed clash;
* Violence against civilians / Attack;
* Strategic developments / Headquarters or base established (role BASE: a base,
  installation or stationed troops at the place), Other (role BASE: deployments and troop
  movements, e.g. Patriot batteries to be deployed), Disrupted weapons use (interceptions).

Roles: TARGET (where it landed), BASE, ORIGIN (launch site; also ``Event.origin`` of the
strike). Places with no role get no event.
"""

from __future__ import annotations

from .extract import extract_events
from .merge import merge_events

__all__ = ["extract_events", "merge_events"]
