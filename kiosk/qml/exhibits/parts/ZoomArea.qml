pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../../components" as Components

// A picture visitors can zoom: pinch, double-tap, or the zoom buttons; drag to move around.
// Children declared inside are placed over the picture and move and zoom with it.
// Keys: Tab or an arrow reaches it; + and - zoom, Enter zooms in (or back out), and while it
// is zoomed the arrows move around the picture.
// A large picture is shown from its screen-size copy; zoomed in further than that copy is sharp,
// the tiles of its pyramid that are on screen are drawn over it (TiledPicture), down to the
// picture's own pixels.
Item {
    id: area

    property url source
    // a picture with tiles zooms in until one of its pixels is one pixel on screen
    // (`tiled?.`: while the view is torn down, its TiledPicture may go first)
    property real maxZoom: (tiled?.ready ?? false) && content.width > 0
                           ? Math.min(64, Math.max(5, tiled.fullWidth / content.width)) : 5
    property real zoomLevel: 1
    property real panX: 0
    property real panY: 0
    readonly property bool zoomed: zoomLevel > 1.01
    readonly property alias pictureX: content.x
    readonly property alias pictureY: content.y
    readonly property alias pictureWidth: content.width
    readonly property alias pictureHeight: content.height
    readonly property alias status: picture.status
    readonly property bool gesturing: pinch.active || drag.active
    readonly property alias tileCount: tileLayer.count
    readonly property var tileView: [content.width, content.height, area.width, area.height, area.zoomLevel,
                                     area.panX, area.panY, picture.implicitWidth, tiled?.ready ?? false]
    property bool easing: false
    property string accessibleName: ""
    default property alias overlay: content.data

    function clampPan(pan, extent, view, zoom) {
        const shown = extent * zoom;
        if (shown <= view)
            return (view - shown) / 2;
        return Math.min(0, Math.max(view - shown, pan));
    }

    function zoomAt(requested, px, py) {
        const zoom = Math.max(1, Math.min(area.maxZoom, requested));
        const factor = zoom / area.zoomLevel;
        const fromX = area.clampPan(area.panX, content.width, area.width, area.zoomLevel);
        const fromY = area.clampPan(area.panY, content.height, area.height, area.zoomLevel);
        const nextX = px - (px - fromX) * factor;
        const nextY = py - (py - fromY) * factor;
        area.zoomLevel = zoom;
        area.panX = area.clampPan(nextX, content.width, area.width, zoom);
        area.panY = area.clampPan(nextY, content.height, area.height, zoom);
    }

    // Zoom changes from a button or a double-tap glide; layout changes and gestures apply at once.
    function glideTo(zoom, px, py) {
        area.easing = !Theme.reducedMotion;
        area.zoomAt(zoom, px, py);
        area.easing = false;
    }

    function zoomIn() {
        area.glideTo(area.zoomLevel * 1.6, area.width / 2, area.height / 2);
    }

    function zoomOut() {
        area.glideTo(area.zoomLevel / 1.6, area.width / 2, area.height / 2);
    }

    function reset() {
        area.glideTo(1, area.width / 2, area.height / 2);
    }

    // Bring a point of the picture (in picture coordinates, unzoomed) to the middle if it is
    // out of sight.
    function reveal(px: real, py: real): void {
        const x = area.clampPan(area.panX, content.width, area.width, area.zoomLevel) + px * area.zoomLevel;
        const y = area.clampPan(area.panY, content.height, area.height, area.zoomLevel) + py * area.zoomLevel;
        const edge = Theme.touchTarget;
        if (x >= edge && x <= area.width - edge && y >= edge && y <= area.height - edge)
            return;
        area.easing = !Theme.reducedMotion;
        area.panX = area.clampPan(area.width / 2 - px * area.zoomLevel, content.width, area.width, area.zoomLevel);
        area.panY = area.clampPan(area.height / 2 - py * area.zoomLevel, content.height, area.height, area.zoomLevel);
        area.easing = false;
    }

    // The part of the picture on screen where the view is going (not where a glide is now).
    function updateTiles(): void {
        const zoom = area.zoomLevel;
        const x = area.clampPan(area.panX, content.width, area.width, zoom);
        const y = area.clampPan(area.panY, content.height, area.height, zoom);
        tiled.view(content.width, content.height, Math.max(0, -x / zoom), Math.max(0, -y / zoom),
                   Math.min(content.width, (area.width - x) / zoom), Math.min(content.height, (area.height - y) / zoom),
                   zoom, picture.implicitWidth);
    }

    function keyArrow(dx: int, dy: int): bool {
        if (!area.zoomed)
            return false;
        const fromX = area.clampPan(area.panX, content.width, area.width, area.zoomLevel);
        const fromY = area.clampPan(area.panY, content.height, area.height, area.zoomLevel);
        area.easing = !Theme.reducedMotion;
        area.panX = area.clampPan(fromX - dx * area.width * 0.2, content.width, area.width, area.zoomLevel);
        area.panY = area.clampPan(fromY - dy * area.height * 0.2, content.height, area.height, area.zoomLevel);
        area.easing = false;
        return true;
    }

    function keyZoom(direction: int): bool {
        if (direction > 0)
            area.zoomIn();
        else
            area.zoomOut();
        return true;
    }

    function keyActivate(): void {
        if (area.zoomed)
            area.reset();
        else
            area.glideTo(2.5, area.width / 2, area.height / 2);
    }

    clip: true
    activeFocusOnTab: true
    Accessible.role: Accessible.Graphic
    Accessible.name: area.accessibleName
    Accessible.focusable: true
    onWidthChanged: zoomAt(1, width / 2, height / 2)
    onHeightChanged: zoomAt(1, width / 2, height / 2)
    onTileViewChanged: Qt.callLater(area.updateTiles)

    TiledPicture {
        id: tiled

        source: area.source
    }

    Item {
        id: content

        readonly property real fit: picture.implicitWidth > 0 && picture.implicitHeight > 0
                                    ? Math.min(area.width / picture.implicitWidth,
                                               area.height / picture.implicitHeight)
                                    : 1

        width: Math.round(picture.implicitWidth * fit)
        height: Math.round(picture.implicitHeight * fit)
        x: area.clampPan(area.panX, width, area.width, area.zoomLevel)
        y: area.clampPan(area.panY, height, area.height, area.zoomLevel)
        scale: area.zoomLevel
        transformOrigin: Item.TopLeft

        Behavior on scale {
            enabled: area.easing
            NumberAnimation { duration: Theme.transitionMs; easing.type: Easing.OutCubic }
        }
        Behavior on x {
            enabled: area.easing
            NumberAnimation { duration: Theme.transitionMs; easing.type: Easing.OutCubic }
        }
        Behavior on y {
            enabled: area.easing
            NumberAnimation { duration: Theme.transitionMs; easing.type: Easing.OutCubic }
        }

        Image {
            id: picture

            anchors.fill: parent
            source: tiled?.preview ?? ""
            sourceSize: Qt.size(Math.max(1, Math.round(area.width * 2)),
                                Math.max(1, Math.round(area.height * 2)))
            // The content item already has the picture's proportions. Stretch keeps the picture's
            // implicit size its own (PreserveAspectFit derives it from the item: a binding loop).
            fillMode: Image.Stretch
            asynchronous: true
            smooth: true
            mipmap: true
        }

        // the sharp tiles on screen, each placed and scaled into the picture's coordinates
        Repeater {
            id: tileLayer

            model: tiled?.tiles ?? null

            Image {
                id: tile

                required property url tileSource
                required property real tileX
                required property real tileY
                required property real tileXScale
                required property real tileYScale

                x: tile.tileX
                y: tile.tileY
                source: tile.tileSource
                asynchronous: true
                cache: false
                smooth: true
                transform: Scale {
                    xScale: tile.tileXScale
                    yScale: tile.tileYScale
                }
            }
        }
    }

    PinchHandler {
        id: pinch

        property real startZoom: 1

        target: null
        rotationAxis.enabled: false
        onActiveChanged: {
            if (active)
                startZoom = area.zoomLevel;
        }
        onActiveScaleChanged: {
            if (active)
                area.zoomAt(startZoom * activeScale, centroid.position.x, centroid.position.y);
        }
    }

    DragHandler {
        id: drag

        property real startX: 0
        property real startY: 0

        target: null
        enabled: area.zoomed
        onActiveChanged: {
            if (active) {
                startX = content.x;
                startY = content.y;
            }
        }
        onActiveTranslationChanged: {
            if (!active)
                return;
            area.panX = area.clampPan(startX + activeTranslation.x, content.width, area.width, area.zoomLevel);
            area.panY = area.clampPan(startY + activeTranslation.y, content.height, area.height, area.zoomLevel);
        }
    }

    TapHandler {
        onDoubleTapped: eventPoint => {
            if (area.zoomed)
                area.reset();
            else
                area.glideTo(2.5, eventPoint.position.x, eventPoint.position.y);
        }
    }

    Components.FocusRing {
        forceInside: true
        faceRadius: 0
    }
}
