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

    signal openExhibit(string exhibitId)

    function zoomIn() {
        mapArea.zoomIn();
    }

    function keyZoom(direction: int): bool {
        return mapArea.keyZoom(direction);
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
                accessibleName: root.exhibit.title
                source: root.exhibit.image

                // Labels (and the tap targets) first, markers above them: where labels crowd on a
                // small map (reach mode, large text) no label hides another spot's number.
                Repeater {
                    id: labels

                    model: root.exhibit.hotspots

                    Spot {
                        id: label

                        readonly property alias target: target

                        objectName: "hotspot-" + label.modelData.exhibit

                        Rectangle {
                            id: chip

                            readonly property real gap: Theme.unit
                            readonly property real roomRight: mapArea.width - label.screenX - label.markerX
                                                              - Theme.touchTarget - gap
                            readonly property real roomLeft: label.screenX + label.markerX - gap
                            // a long label wraps to fit beside its marker, on the side with more room
                            readonly property real room: Math.max(roomRight, roomLeft, Theme.smallSize * 6)
                            readonly property bool fitsRight: width <= roomRight
                            readonly property bool fitsLeft: width <= roomLeft
                            readonly property bool beside: fitsRight || fitsLeft
                            readonly property bool fitsBelow: label.screenY + label.markerY + Theme.touchTarget + gap + height
                                                              <= mapArea.height
                            readonly property real wantedX: fitsRight ? label.markerX + Theme.touchTarget + gap
                                                                      : fitsLeft ? label.markerX - width - gap : -width / 2
                            readonly property real wantedY: beside ? -height / 2
                                                                   : fitsBelow ? label.markerY + Theme.touchTarget + gap
                                                                               : label.markerY - height - gap

                            // beside the marker, else under (or over) it on a narrow map; never past
                            // the map's edges
                            x: Math.max(-label.screenX, Math.min(mapArea.width - label.screenX - width, wantedX))
                            y: Math.max(-label.screenY, Math.min(mapArea.height - label.screenY - height, wantedY))
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
                                width: Math.min(implicitWidth, chip.room - Theme.unit * 3, mapArea.width - Theme.unit * 3)
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
            }

            Row {
                id: controls

                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                spacing: Theme.unit * 2

                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: root.exhibit.labels.tapMarker
                    textFormat: Text.PlainText
                    color: Theme.mutedText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                }

                TouchButton {
                    objectName: "zoomOut"
                    icon: "minus"
                    label: root.exhibit.labels.zoomOut
                    enabled: mapArea.zoomed
                    onClicked: mapArea.zoomOut()
                }

                TouchButton {
                    objectName: "zoomIn"
                    icon: "plus"
                    label: root.exhibit.labels.zoomIn
                    enabled: mapArea.zoomLevel < mapArea.maxZoom - 0.01
                    onClicked: mapArea.zoomIn()
                }
            }
        }
    }

    // A place on the map: at its point on the picture, drawn at the same size at every zoom.
    // `markerX`/`markerY` put the marker's corner so that the marker stays whole inside the map.
    component Spot: Item {
        required property var modelData
        required property int index
        // where the point is on screen
        readonly property real screenX: mapArea.pictureX + x * mapArea.zoomLevel
        readonly property real screenY: mapArea.pictureY + y * mapArea.zoomLevel
        readonly property real half: Theme.touchTarget / 2
        readonly property real markerX: -half + Math.max(0, half - screenX)
                                        - Math.max(0, screenX + half - mapArea.width)
        readonly property real markerY: -half + Math.max(0, half - screenY)
                                        - Math.max(0, screenY + half - mapArea.height)

        x: modelData.x * mapArea.pictureWidth
        y: modelData.y * mapArea.pictureHeight
        scale: 1 / mapArea.zoomLevel
        transformOrigin: Item.TopLeft
        z: 1
    }
}
