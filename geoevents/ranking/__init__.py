"""What toponym resolution learns and ships: the place table and the linear scorers."""

from ._ranker import Ranker, load_models, mention_filter, ranker
from ._table import PlaceTable, TableRow, person_names, place_table

__all__ = ["PlaceTable", "TableRow", "place_table", "Ranker", "ranker", "mention_filter",
           "load_models", "person_names"]
