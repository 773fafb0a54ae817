"""Every exhibit type in one list: its content model, the QML view that shows it, its word.

Everything else that knows the types takes them from here: the loader reads `Exhibit` (the
union of these models), `kiosk.app.exhibit_data` names the view of each exhibit, the exhibit
cards show the type's word (`type_<name>` in the kiosk's interface words), and the tests check
that every type has a view file, an English word and a sample. A new exhibit type is a model in
`kiosk.content.exhibits`, a line here, a view in `kiosk/qml/exhibits/` and its word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from kiosk.content import exhibits
from kiosk.content.exhibits import ExhibitBase


@dataclass(frozen=True)
class ExhibitType:
    """One exhibit type: `model` reads it from content, `view` (a file in kiosk/qml/exhibits/,
    without `.qml`) shows it, `word` is the key of its name in the kiosk's interface words."""

    model: type[ExhibitBase]
    view: str

    @property
    def name(self) -> str:
        """The `type:` staff write, taken from the model itself, e.g. `before_after`."""
        (name,) = get_args(self.model.model_fields["type"].annotation)
        return str(name)

    @property
    def word(self) -> str:
        return f"type_{self.name}"

    @property
    def view_file(self) -> str:
        """The view's file name inside kiosk/qml/exhibits/."""
        return f"{self.view}.qml"


REGISTRY: tuple[ExhibitType, ...] = (
    ExhibitType(exhibits.Article, "ArticleView"),
    ExhibitType(exhibits.ImageExhibit, "ImageView"),
    ExhibitType(exhibits.Gallery, "GalleryView"),
    ExhibitType(exhibits.Video, "VideoView"),
    ExhibitType(exhibits.Audio, "AudioView"),
    ExhibitType(exhibits.Timeline, "TimelineView"),
    ExhibitType(exhibits.Stats, "StatsView"),
    ExhibitType(exhibits.Chart, "ChartView"),
    ExhibitType(exhibits.BeforeAfter, "BeforeAfterView"),
    ExhibitType(exhibits.MapExhibit, "MapView"),
    ExhibitType(exhibits.Quote, "QuoteView"),
    ExhibitType(exhibits.Poll, "PollView"),
    ExhibitType(exhibits.ModelExhibit, "ModelView"),
)
"""The exhibit types in the order the staff guide and the schema list them."""

BY_NAME: dict[str, ExhibitType] = {kind.name: kind for kind in REGISTRY}
"""Each exhibit type by the `type:` staff write."""

EXHIBIT_TYPES: tuple[str, ...] = tuple(BY_NAME)
"""The `type:` names, e.g. `article`, `before_after`."""

VIEWS: dict[str, str] = {name: kind.view for name, kind in BY_NAME.items()}
"""The QML view of each exhibit type, by type name."""


def exhibit_type(name: str) -> ExhibitType:
    """The registered exhibit type of that name; KeyError for a type the kiosk does not have."""
    return BY_NAME[name]
