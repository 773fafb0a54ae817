import QtQuick
import Kiosk

// A surface a visitor can tap. It dims and sinks slightly the moment a finger lands,
// so every touch is acknowledged on the next frame; a drag lets the list scroll instead.
// Keys reach it too: Tab and the arrow keys move to it (a focus ring shows where), and
// Enter, Return, Space or keypad 5 activate it (KeyboardNavigation calls `keyActivate`).
// Every Tappable needs an `accessibleName`: what a screen reader says for it.
Item {
    id: root

    property string accessibleName: ""
    // corner radius of the focus ring; by default that of the first Rectangle child (the face)
    property real focusRadius: {
        for (let i = 0; i < root.children.length; ++i) {
            const face = root.children[i] as Rectangle;
            if (face)
                return face.radius;
        }
        return 0;
    }
    readonly property bool pressed: tap.pressed

    signal tapped()

    function keyActivate(): void {
        root.tapped();
    }

    activeFocusOnTab: true
    scale: root.pressed ? 0.97 : 1.0
    Accessible.role: Accessible.Button
    Accessible.name: root.accessibleName
    Accessible.focusable: true
    Accessible.focused: root.activeFocus
    Accessible.onPressAction: root.tapped()

    Behavior on scale {
        NumberAnimation { duration: Theme.reducedMotion ? 0 : 90; easing.type: Easing.OutQuad }
    }

    TapHandler {
        id: tap

        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: root.tapped()
    }

    FocusRing {
        faceRadius: root.focusRadius
    }
}
