"""``python -m geoevents``."""

from geoevents.cli import main

if __name__ == "__main__":
    main()
