"""geoevents: military exercises, deployments and withdrawals from news text, as structured records.

    >>> from geoevents import extract
    >>> events = extract("Russia will hold drills near Tajikistan on August 5-10.", published="2021-07-28")
"""

from .model import Actor, Event, EventDate, Location, Span
from .pipeline import extract

__version__ = "0.1.0"
__all__ = ["extract", "Event", "Actor", "Location", "EventDate", "Span", "__version__"]
