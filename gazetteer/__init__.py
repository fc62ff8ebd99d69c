"""Place-name knowledge: normalisation, sources, on-disk index, lookup. Knows nothing of events.

>>> from gazetteer import Gazetteer
>>> gz = Gazetteer.open()                        # doctest: +SKIP
>>> [m.text for m in gz.find("Frappe sur Ain al-Assad et d'Erbil")]  # doctest: +SKIP
['Ain al-Assad', 'Erbil']
"""

from ._errors import GazetteerError, GazetteerInputError
from ._gazetteer import ENV_VAR, Gazetteer, default_path
from ._model import Candidate, Entry, Match
from ._normalise import normalise

__all__ = [
    "Gazetteer",
    "Entry",
    "Candidate",
    "Match",
    "normalise",
    "GazetteerError",
    "GazetteerInputError",
    "default_path",
    "ENV_VAR",
]
