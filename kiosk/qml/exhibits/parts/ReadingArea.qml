pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../../components" as Components

// Text that may run longer than its box: visitors swipe it up; keys reach it too (Tab or an
// arrow key gives it focus, Up and Down scroll a few lines, Page Up and Page Down a screenful;
// at either end the arrows move on to the next control). Declare the content inside it.
Item {
    id: area

    property string accessibleName: ""
    // a stop for Tab and the arrow keys (a view may keep it only while there is more to see)
    property bool focusable: true
    // room inside the edges for the focus ring, to keep from the text
    readonly property real inset: Math.max(4, Math.round(Theme.unit * 0.75)) + Theme.unit
    readonly property alias flickable: reader
    readonly property bool scrollable: reader.contentHeight > reader.height + 1
    property alias contentHeight: reader.contentHeight
    default property alias content: reader.flickableData

    // Scroll by `distance` px (negative: up); false when already at that end.
    function scrollBy(distance: real): bool {
        if (!area.scrollable)
            return false;
        const from = glide.running ? glide.to : reader.contentY;
        const top = reader.originY;
        const bottom = reader.originY + reader.contentHeight - reader.height;
        const target = Math.max(top, Math.min(bottom, from + distance));
        if (Math.abs(target - from) < 1)
            return false;
        glide.stop();
        if (Theme.reducedMotion) {
            reader.contentY = target;
        } else {
            glide.to = target;
            glide.start();
        }
        return true;
    }

    function keyArrow(dx: int, dy: int): bool {
        return dy !== 0 && area.scrollBy(dy * Theme.bodySize * 3);
    }

    function keyPage(direction: int): bool {
        area.scrollBy(direction * reader.height * 0.85);
        return true;
    }

    activeFocusOnTab: area.focusable
    Accessible.role: Accessible.Document
    Accessible.name: area.accessibleName
    Accessible.focusable: area.focusable

    Flickable {
        id: reader

        anchors.fill: parent
        contentWidth: width
        clip: true
        flickableDirection: Flickable.VerticalFlick
        boundsBehavior: Flickable.DragOverBounds
        interactive: area.scrollable

        NumberAnimation {
            id: glide

            target: reader
            property: "contentY"
            duration: 180
            easing.type: Easing.OutCubic
        }
    }

    Components.FocusRing {
        forceInside: true
        faceRadius: Theme.radius
    }
}
