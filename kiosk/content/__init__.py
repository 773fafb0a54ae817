"""Content: the exhibition's YAML format, its loader and validator. Plain Python, no Qt."""

from kiosk.content.errors import ContentError, Severity
from kiosk.content.load import LoadResult, load_exhibition
from kiosk.content.model import Exhibit, Exhibition, Floor, Section

__all__ = [
    "ContentError",
    "Exhibit",
    "Exhibition",
    "Floor",
    "LoadResult",
    "Section",
    "Severity",
    "load_exhibition",
]
