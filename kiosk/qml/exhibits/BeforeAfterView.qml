pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"

// Two pictures of one place: drag the handle (or tap) to uncover one over the other.
Item {
    id: root

    required property var exhibit
    property real split: 0.5
    readonly property bool dragging: handleDrag.active

    signal openExhibit(string exhibitId)

    function moveTo(x) {
        root.split = Math.max(0, Math.min(1, x / compare.width));
    }

    ExhibitTitle {
        id: heading

        x: Theme.margin
        y: Theme.margin / 2
        width: root.width - Theme.margin * 2
        title: root.exhibit.title
    }

    Item {
        id: room

        x: Theme.margin
        y: heading.y + heading.height + Theme.unit * 3
        width: root.width - Theme.margin * 2
        height: footer.y - y - Theme.unit * 3
    }

    Item {
        id: compare

        readonly property real aspect: after.implicitHeight > 0 ? after.implicitWidth / after.implicitHeight : 16 / 9

        width: Math.round(Math.min(room.width, room.height * aspect))
        height: Math.round(width / aspect)
        x: room.x + (room.width - width) / 2
        y: room.y + (room.height - height) / 2

        Image {
            id: after

            anchors.fill: parent
            source: root.exhibit.after.image
            sourceSize: Qt.size(Math.max(1, Math.round(room.width)), Math.max(1, Math.round(room.height)))
            fillMode: Image.PreserveAspectCrop
            asynchronous: true
        }

        Item {
            id: beforeClip

            width: Math.round(compare.width * root.split)
            height: compare.height
            clip: true

            Image {
                width: compare.width
                height: compare.height
                source: root.exhibit.before.image
                sourceSize: Qt.size(Math.max(1, Math.round(room.width)), Math.max(1, Math.round(room.height)))
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
            }
        }

        TapHandler {
            onTapped: eventPoint => root.moveTo(eventPoint.position.x)
        }

        SideLabel {
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.margins: Theme.unit * 3
            word: root.exhibit.labels.before
            name: root.exhibit.before.label
        }

        SideLabel {
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.unit * 3
            word: root.exhibit.labels.after
            name: root.exhibit.after.label
        }

        Rectangle {
            x: beforeClip.width - width / 2
            width: Math.max(3, Theme.unit / 2)
            height: compare.height
            color: "white"
        }

        Item {
            id: handle

            objectName: "handle"
            x: beforeClip.width - width / 2
            width: Theme.touchTarget * 1.5
            height: compare.height

            Accessible.role: Accessible.Slider
            Accessible.name: root.exhibit.labels.dragToCompare

            Rectangle {
                anchors.centerIn: parent
                width: Theme.touchTarget * 1.2
                height: width
                radius: width / 2
                color: "white"
                scale: root.dragging ? 1.12 : 1

                Behavior on scale {
                    enabled: !Theme.reducedMotion
                    NumberAnimation { duration: 120 }
                }

                Icon {
                    anchors.centerIn: parent
                    name: "compare"
                    size: parent.width * 0.55
                    color: "#10161d"
                }
            }

            DragHandler {
                id: handleDrag

                property real startSplit: 0.5

                target: null
                xAxis.enabled: true
                yAxis.enabled: false
                dragThreshold: 2
                onActiveChanged: {
                    if (active)
                        startSplit = root.split;
                }
                onActiveTranslationChanged: {
                    if (active)
                        root.split = Math.max(0, Math.min(1, startSplit + activeTranslation.x / compare.width));
                }
            }
        }
    }

    Item {
        id: footer

        x: Theme.margin
        y: root.height - height - Theme.margin / 2
        width: root.width - Theme.margin * 2
        height: Math.max(Theme.touchTarget, caption.height)

        Caption {
            id: caption

            anchors.verticalCenter: parent.verticalCenter
            width: parent.width - hint.width - Theme.margin
            text: root.exhibit.caption ?? ""
        }

        Text {
            id: hint

            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            text: root.exhibit.labels.dragToCompare
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }
    }

    component SideLabel: Rectangle {
        id: chip

        property string word: ""
        property string name: ""

        width: chipText.implicitWidth + Theme.unit * 4
        height: chipText.implicitHeight + Theme.unit * 2
        radius: height / 2
        color: Qt.rgba(0.06, 0.09, 0.11, 0.82)

        Text {
            id: chipText

            anchors.centerIn: parent
            text: chip.word.toUpperCase() + (chip.name.length > 0 ? "  ·  " + chip.name : "")
            color: "white"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
        }
    }
}
