import QtQuick
import Kiosk

// The keyboard focus ring: a thick rounded outline in Theme.focusRing with a thin line in the
// background colour inside it, so it stands out on any picture or fill from two metres away.
// It outlines its parent item and shows while `control` (the parent unless told) has active
// focus, which only keys give: a touch hands focus back to KeyboardNavigation, so touch
// never leaves a ring behind. The ring sits just outside the outline; where a clipping
// parent (a scrolling list, the header's breadcrumb) would cut it off, it moves inside.
// Place it as the last child of the control, or of an item that outlines the control's face.
Item {
    id: ring

    property Item control: ring.parent
    // corner radius of the outlined face; the ring follows it
    property real faceRadius: Theme.radius
    // always draw inside the outline (for large areas next to the header or screen edges)
    property bool forceInside: false
    readonly property int thickness: Math.max(4, Math.round(Theme.unit * 0.75))
    readonly property int gap: Math.max(2, Math.round(Theme.unit / 4))
    readonly property bool shown: ring.control !== null && ring.control.activeFocus
    property bool inside: ring.forceInside
    readonly property real spread: ring.inside ? 0 : ring.thickness + ring.gap

    // Would the ring, drawn outside the outline, be cut off by an item that clips?
    function clippedOutside(): bool {
        const face = ring.parent;
        if (!face)
            return false;
        const outer = ring.thickness + ring.gap;
        for (let item = face; item; item = item.parent) {
            if (!item.clip)
                continue;
            const topLeft = face.mapToItem(item, -outer, -outer);
            const bottomRight = face.mapToItem(item, face.width + outer, face.height + outer);
            if (topLeft.x < 0 || topLeft.y < 0 || bottomRight.x > item.width || bottomRight.y > item.height)
                return true;
        }
        return false;
    }

    function place(): void {
        if (ring.shown)
            ring.inside = ring.forceInside || ring.clippedOutside();
    }

    objectName: "focusRing"
    x: -ring.spread
    y: -ring.spread
    width: ring.parent ? ring.parent.width + 2 * ring.spread : 0
    height: ring.parent ? ring.parent.height + 2 * ring.spread : 0
    z: 1000
    visible: ring.shown
    onShownChanged: ring.place()
    Accessible.ignored: true

    Rectangle {
        anchors.fill: parent
        radius: Math.max(0, ring.faceRadius + ring.spread)
        color: "transparent"
        border.width: ring.thickness
        border.color: Theme.focusRing
        antialiasing: true
    }

    Rectangle {
        anchors.fill: parent
        anchors.margins: ring.thickness
        radius: Math.max(0, ring.faceRadius + ring.spread - ring.thickness)
        color: "transparent"
        border.width: Math.max(2, Math.round(ring.thickness / 3))
        border.color: Theme.background
        antialiasing: true
    }
}
