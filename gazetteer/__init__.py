"""Place-name knowledge: normalisation, sources, on-disk index, lookup. Knows nothing of events."""
