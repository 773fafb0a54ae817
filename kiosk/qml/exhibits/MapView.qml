pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"

// A map with round markers; tapping a marker opens the exhibit it points to.
Item {
    id: root

    required property var exhibit
    readonly property alias zoom: mapArea.zoomLevel

    signal openExhibit(string exhibitId)

    function zoomIn() {
        mapArea.zoomIn();
    }

    ExhibitTitle {
        id: heading

        x: Theme.margin
        y: Theme.margin / 2
        width: root.width - Theme.margin * 2
        title: root.exhibit.title
    }

    Rectangle {
        id: stage

        x: Theme.margin
        y: heading.y + heading.height + Theme.unit * 3
        width: root.width - Theme.margin * 2
        height: footer.y - y - Theme.unit * 3
        radius: Theme.radius
        color: Qt.darker(Theme.background, 1.25)

        ZoomArea {
            id: mapArea

            anchors.fill: parent
            anchors.margins: Theme.unit
            source: root.exhibit.image

            Repeater {
                model: root.exhibit.hotspots

                Item {
                    id: spot

                    required property var modelData
                    required property int index

                    objectName: "hotspot-" + modelData.exhibit
                    x: modelData.x * mapArea.pictureWidth
                    y: modelData.y * mapArea.pictureHeight
                    scale: 1 / mapArea.zoomLevel
                    transformOrigin: Item.TopLeft
                    z: 1

                    Rectangle {
                        id: pulse

                        x: -width / 2
                        y: -height / 2
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

                        x: -width / 2
                        y: -height / 2
                        width: Theme.touchTarget
                        height: width
                        radius: width / 2
                        color: Theme.accent
                        border.width: Math.max(3, Theme.unit / 2)
                        border.color: "white"
                        scale: tap.pressed ? 0.9 : 1

                        Text {
                            anchors.centerIn: parent
                            text: spot.index + 1
                            color: Theme.accentText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.bodySize
                            font.weight: Font.Bold
                        }
                    }

                    Rectangle {
                        id: chip

                        // where the marker is on screen, to keep its label inside the map
                        readonly property real screenX: mapArea.pictureX + spot.x * mapArea.zoomLevel
                        readonly property real screenY: mapArea.pictureY + spot.y * mapArea.zoomLevel
                        readonly property bool onLeft: screenX + marker.width / 2 + Theme.unit + width > mapArea.width

                        x: onLeft ? marker.x - width - Theme.unit : marker.x + marker.width + Theme.unit
                        y: Math.max(-screenY, Math.min(mapArea.height - screenY - height, -height / 2))
                        width: chipText.implicitWidth + Theme.unit * 3
                        height: Math.max(Theme.touchTarget * 0.75, chipText.implicitHeight + Theme.unit * 1.5)
                        radius: height / 2
                        color: Qt.rgba(0.06, 0.09, 0.11, 0.88)

                        Text {
                            id: chipText

                            anchors.centerIn: parent
                            text: spot.modelData.label
                            color: "white"
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.smallSize
                            font.weight: Font.DemiBold
                        }
                    }

                    // the whole marker and its label are one target
                    Item {
                        x: Math.min(marker.x, chip.x)
                        y: marker.y
                        width: marker.width + chip.width + Theme.unit
                        height: marker.height

                        Accessible.role: Accessible.Button
                        Accessible.name: spot.modelData.label
                        Accessible.onPressAction: root.openExhibit(spot.modelData.exhibit)

                        TapHandler {
                            id: tap

                            gesturePolicy: TapHandler.WithinBounds
                            onTapped: root.openExhibit(spot.modelData.exhibit)
                        }
                    }
                }
            }
        }
    }

    Item {
        id: footer

        x: Theme.margin
        y: root.height - height - Theme.margin / 2
        width: root.width - Theme.margin * 2
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
