import QtQuick
import Kiosk

// A surface a visitor can tap. It dims and sinks slightly the moment a finger lands,
// so every touch is acknowledged on the next frame; a drag lets the list scroll instead.
Item {
    id: root

    property string accessibleName: ""
    readonly property bool pressed: tap.pressed

    signal tapped()

    scale: root.pressed ? 0.97 : 1.0
    Accessible.role: Accessible.Button
    Accessible.name: root.accessibleName
    Accessible.onPressAction: root.tapped()

    Behavior on scale {
        NumberAnimation { duration: Theme.reducedMotion ? 0 : 90; easing.type: Easing.OutQuad }
    }

    TapHandler {
        id: tap

        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: root.tapped()
    }
}
