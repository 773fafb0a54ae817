import QtQuick
import Kiosk

// A soft fade at the bottom of a list that goes on below the screen, so visitors know to
// swipe up; it disappears when the end is reached. Pages end with room as tall as the fade
// (`room`), so that at the end nothing is under it, even while it fades away.
Rectangle {
    id: root

    required property Flickable flickable
    readonly property real room: Theme.margin * 2.5
    readonly property bool more: root.flickable.contentY + root.flickable.height
                                 < root.flickable.contentHeight - 2

    anchors.left: root.flickable.left
    anchors.right: root.flickable.right
    anchors.bottom: root.flickable.bottom
    objectName: "scrollFade"
    height: root.room
    opacity: root.more ? 1 : 0
    visible: opacity > 0
    gradient: Gradient {
        GradientStop { position: 0; color: Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0) }
        GradientStop { position: 1; color: Theme.background }
    }

    Behavior on opacity {
        NumberAnimation { duration: Theme.transitionMs }
    }
}
