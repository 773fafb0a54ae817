pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"
import "../components" as Components

// A map with round markers; tapping a marker opens the exhibit it points to. Keys: the map
// and then each marker are reached with Tab or the arrows (Enter opens a marker's exhibit);
// + and - zoom, and the arrows move around the zoomed map.
Item {
    id: root

    required property var exhibit
    readonly property alias zoom: mapArea.zoomLevel
    // the widest a spot's name may be before it wraps
    readonly property real longestLine: Math.max(Theme.smallSize * 6, Math.min(Theme.smallSize * 14,
                                                                             mapArea.width / 2 - Theme.touchTarget))
    // markers and labels on screen, kept apart (see arrange()); worked out once every label is
    // made, not again for each one as the list fills (the spots stand at their points till then)
    readonly property var layout: labels.count < (root.exhibit.hotspots?.length ?? 0) ? []
        : root.arrange(labels.count, mapArea.pictureX, mapArea.pictureY,
                       mapArea.pictureWidth * mapArea.zoomLevel, mapArea.pictureHeight * mapArea.zoomLevel,
                       mapArea.width, mapArea.height)

    signal openExhibit(string exhibitId)

    function zoomIn() {
        mapArea.zoomIn();
    }

    function keyZoom(direction: int): bool {
        return mapArea.keyZoom(direction);
    }

    // Where each spot's marker and label go, in screen pixels from its point: at the point, or
    // moved out to the nearest place where neither covers the marker or label of an earlier
    // spot and the label stays inside the map (then `spread`, and a line leads to the point).
    function arrange(count: int, left: real, top: real, across: real, down: real, width: real,
                     height: real): var {
        const spots = root.exhibit.hotspots;
        const size = Theme.touchTarget;
        const gap = Theme.unit;
        const step = size * 0.75;
        const taken = [];
        const result = [];
        const covered = (a, b) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) + gap)
                                  * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) + gap);
        const dot = Theme.unit * 1.75;
        const points = spots.map(spot => ({ x: left + spot.x * across - dot / 2, y: top + spot.y * down - dot / 2,
                                            w: dot, h: dot }));
        // no marker or label covers another marker or label, nor another spot's point
        const cost = (box, own) => taken.reduce((sum, other) => sum + covered(box, other), 0)
                                   + points.reduce((sum, other, j) => sum + (j === own ? 0 : covered(box, other)), 0);
        for (let i = 0; i < spots.length; ++i) {
            const label = i < count ? labels.itemAt(i) as Spot : null;
            const w = label ? label.chipWidth : 0;
            const h = label ? label.chipHeight : 0;
            const px = points[i].x + dot / 2;
            const py = points[i].y + dot / 2;
            let best = null;
            for (let ring = 0; ring <= 6 && !(best && best.cost === 0); ++ring) {
                for (let turn = 0; turn < (ring === 0 ? 1 : 8) && !(best && best.cost === 0); ++turn) {
                    const angle = turn * Math.PI / 4;
                    const cx = Math.max(size / 2, Math.min(width - size / 2, px + Math.cos(angle) * ring * step));
                    const cy = Math.max(size / 2, Math.min(height - size / 2, py + Math.sin(angle) * ring * step));
                    const marker = { x: cx - size / 2, y: cy - size / 2, w: size, h: size };
                    const chips = [
                        { x: cx + size / 2 + gap, y: cy - h / 2, w: w, h: h },
                        { x: cx - size / 2 - gap - w, y: cy - h / 2, w: w, h: h },
                        { x: cx - w / 2, y: cy + size / 2 + gap, w: w, h: h },
                        { x: cx - w / 2, y: cy - size / 2 - gap - h, w: w, h: h }
                    ];
                    for (const chip of chips) {
                        const inside = chip.x >= 0 && chip.y >= 0 && chip.x + w <= width && chip.y + h <= height;
                        const score = cost(marker, i) + cost(chip, i) + (inside ? 0 : w * h);
                        if (!best || score < best.cost)
                            best = { cost: score, cx: cx, cy: cy, marker: marker, chip: chip };
                        if (score === 0)
                            break;
                    }
                }
            }
            taken.push(best.marker, best.chip);
            const inMap = px >= 0 && py >= 0 && px <= width && py <= height;
            result.push({ dx: best.cx - px, dy: best.cy - py, chipX: best.chip.x - px, chipY: best.chip.y - py,
                          spread: inMap && Math.hypot(best.cx - px, best.cy - py) > size / 2 });
        }
        return result;
    }

    // The tap target of a spot's label (null until the labels are made; `count` re-evaluates it).
    function targetOf(count: int, index: int): var {
        return root.targetIn(count > index ? labels.itemAt(index) : null);
    }

    function targetIn(label: var): var {
        return label ? label.target : null;
    }

    // In a short view (reach mode, large text) the map keeps a size where its labels fit,
    // and the page scrolls (swipe, or Up and Down once it has the focus).
    ReadingArea {
        id: page

        readonly property real smallestMap: Theme.smallSize * 16

        anchors.fill: parent
        focusable: page.scrollable
        contentHeight: Math.max(page.height, stage.y + page.smallestMap + Theme.unit * 3 + footer.height
                                             + Theme.margin / 2)
        accessibleName: root.exhibit.title

        ExhibitTitle {
            id: heading

            x: Theme.margin
            y: Theme.margin / 2
            width: page.width - Theme.margin * 2
            compact: root.height < Theme.titleSize * 9
            title: root.exhibit.title
        }

        Rectangle {
            id: stage

            x: Theme.margin
            y: heading.y + heading.height + Theme.unit * 3
            width: page.width - Theme.margin * 2
            height: footer.y - y - Theme.unit * 3
            radius: Theme.radius
            color: Qt.darker(Theme.background, 1.25)

            ZoomArea {
                id: mapArea

                anchors.fill: parent
                anchors.margins: Theme.unit
                objectName: "zoomArea"
                // what the map shows; its title where nobody wrote that
                accessibleName: (root.exhibit.alt ?? "") || root.exhibit.title
                source: root.exhibit.image

                // A marker moved away from a crowded place keeps a thin line to its point, marked
                // with a dot; then the labels (and the tap targets), markers above them: where
                // labels crowd on a small map (reach mode, large text) no label hides a number.
                Repeater {
                    model: root.exhibit.hotspots

                    Spot {
                        id: leader

                        Rectangle {
                            objectName: "leader-" + leader.modelData.exhibit
                            y: -height / 2
                            width: Math.hypot(leader.place.dx, leader.place.dy)
                            height: Math.max(2, Theme.unit / 4)
                            transformOrigin: Item.Left
                            rotation: Math.atan2(leader.place.dy, leader.place.dx) * 180 / Math.PI
                            antialiasing: true
                            color: Theme.text
                            visible: leader.place.spread
                        }

                        Rectangle {
                            x: -width / 2
                            y: -height / 2
                            width: Theme.unit * 1.75
                            height: width
                            radius: width / 2
                            color: Theme.accent
                            border.width: Math.max(2, Theme.unit / 4)
                            border.color: Theme.text
                            visible: leader.place.spread
                        }
                    }
                }

                Repeater {
                    id: labels

                    model: root.exhibit.hotspots

                    Spot {
                        id: label

                        readonly property alias target: target
                        chipWidth: chip.width
                        chipHeight: chip.height

                        objectName: "hotspot-" + label.modelData.exhibit

                        Rectangle {
                            id: chip

                            objectName: "label-" + label.modelData.exhibit
                            x: label.place.chipX
                            y: label.place.chipY
                            width: chipText.width + Theme.unit * 3
                            height: Math.max(Theme.touchTarget * 0.75, chipText.implicitHeight + Theme.unit * 1.5)
                            radius: height / 2
                            color: Theme.highContrast ? Theme.background
                                                      : Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0.88)
                            border.width: Theme.highContrast ? Theme.borderWidth : 0
                            border.color: Theme.borderColor

                            Text {
                                id: chipText

                                anchors.centerIn: parent
                                // a long name wraps, so that the labels can find room beside each other
                                width: Math.min(implicitWidth, root.longestLine)
                                text: label.modelData.label
                                textFormat: Text.PlainText
                                wrapMode: Text.Wrap
                                horizontalAlignment: Text.AlignHCenter
                                color: Theme.text
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.smallSize
                                font.weight: Font.DemiBold
                            }
                        }

                        // the whole marker and its label are one target
                        Item {
                            id: target

                            readonly property bool pressed: tap.pressed

                            function keyActivate(): void {
                                root.openExhibit(label.modelData.exhibit);
                            }

                            x: Math.min(label.markerX, chip.x)
                            y: Math.min(label.markerY, chip.y)
                            width: Math.max(label.markerX + Theme.touchTarget, chip.x + chip.width) - x
                            height: Math.max(label.markerY + Theme.touchTarget, chip.y + chip.height) - y
                            activeFocusOnTab: true
                            onActiveFocusChanged: {
                                if (target.activeFocus)
                                    mapArea.reveal(label.x, label.y);
                            }
                            Accessible.role: Accessible.Button
                            Accessible.name: label.modelData.label
                            Accessible.focusable: true
                            Accessible.onPressAction: root.openExhibit(label.modelData.exhibit)

                            TapHandler {
                                id: tap

                                gesturePolicy: TapHandler.WithinBounds
                                onTapped: root.openExhibit(label.modelData.exhibit)
                            }
                        }
                    }
                }

                Repeater {
                    model: root.exhibit.hotspots

                    Spot {
                        id: spot

                        readonly property var target: root.targetOf(labels.count, spot.index)

                        Rectangle {
                            id: pulse

                            x: spot.markerX
                            y: spot.markerY
                            width: Theme.touchTarget
                            height: width
                            radius: width / 2
                            color: "transparent"
                            border.width: Math.max(3, Theme.unit / 2)
                            border.color: Theme.accent
                            opacity: 0

                            SequentialAnimation {
                                running: !Theme.reducedMotion && root.visible
                                loops: Animation.Infinite

                                PauseAnimation { duration: spot.index * 300 }
                                ParallelAnimation {
                                    NumberAnimation { target: pulse; property: "scale"; from: 1; to: 1.7; duration: 1400; easing.type: Easing.OutCubic }
                                    NumberAnimation { target: pulse; property: "opacity"; from: 0.8; to: 0; duration: 1400; easing.type: Easing.OutCubic }
                                }
                                PauseAnimation { duration: 900 }
                            }
                        }

                        Rectangle {
                            id: marker

                            objectName: "marker-" + spot.modelData.exhibit
                            x: spot.markerX
                            y: spot.markerY
                            width: Theme.touchTarget
                            height: width
                            radius: width / 2
                            color: Theme.accent
                            border.width: Math.max(3, Theme.unit / 2)
                            border.color: Theme.text
                            scale: spot.target && spot.target.pressed ? 0.9 : 1

                            Components.FocusRing {
                                control: spot.target
                                faceRadius: marker.radius
                            }

                            Text {
                                anchors.centerIn: parent
                                text: spot.index + 1
                                textFormat: Text.PlainText
                                color: Theme.accentText
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.bodySize
                                font.weight: Font.Bold
                            }
                        }
                    }
                }
            }
        }

        Item {
            id: footer

            x: Theme.margin
            y: page.contentHeight - height - Theme.margin / 2
            width: page.width - Theme.margin * 2
            height: Math.max(controls.height, caption.height)

            Caption {
                id: caption

                anchors.verticalCenter: parent.verticalCenter
                width: Math.min(parent.width - controls.width - Theme.margin, Theme.bodySize * 40)
                text: root.exhibit.caption ?? ""
                alt: root.exhibit.alt ?? ""
            }

            Row {
                id: controls

                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                spacing: Theme.unit * 2

                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: root.exhibit.labels.tap_marker
                    textFormat: Text.PlainText
                    color: Theme.mutedText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                }

                TouchButton {
                    objectName: "zoomOut"
                    icon: "minus"
                    label: root.exhibit.labels.zoom_out
                    enabled: mapArea.zoomed
                    onClicked: mapArea.zoomOut()
                }

                TouchButton {
                    objectName: "zoomIn"
                    icon: "plus"
                    label: root.exhibit.labels.zoom_in
                    enabled: mapArea.zoomLevel < mapArea.maxZoom - 0.01
                    onClicked: mapArea.zoomIn()
                }
            }
        }
    }

    // A place on the map: at its point on the picture, drawn at the same size at every zoom.
    // `markerX`/`markerY` put the marker's corner: whole inside the map, and apart from the others.
    component Spot: Item {
        required property var modelData
        required property int index
        // where its marker and label go, from the point (see arrange())
        readonly property var place: root.layout[index] ?? { dx: 0, dy: 0, chipX: 0, chipY: 0, spread: false }
        readonly property real markerX: place.dx - Theme.touchTarget / 2
        readonly property real markerY: place.dy - Theme.touchTarget / 2
        // the size of its label (set on the labels, which arrange() reads)
        property real chipWidth: 0
        property real chipHeight: 0

        x: modelData.x * mapArea.pictureWidth
        y: modelData.y * mapArea.pictureHeight
        scale: 1 / mapArea.zoomLevel
        transformOrigin: Item.TopLeft
        z: 1
    }
}
