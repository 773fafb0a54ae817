pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"
import "../components" as Components

// Two pictures of one place: drag the handle (or tap) to uncover one over the other.
// Keys: Tab or an arrow reaches the handle; then Left and Right move it, Enter centres it.
Item {
    id: root

    required property var exhibit
    property real split: 0.5
    readonly property bool dragging: handleDrag.active

    signal openExhibit(string exhibitId)

    function moveTo(x) {
        root.split = Math.max(0, Math.min(1, x / compare.width));
    }

    // In a short view (reach mode, large text) the pictures keep a size where their labels
    // fit, and the page scrolls (swipe, or Up and Down once it has the focus).
    ReadingArea {
        id: page

        readonly property real smallestPictures: Theme.smallSize * 14

        anchors.fill: parent
        focusable: page.scrollable
        contentHeight: Math.max(page.height, room.y + page.smallestPictures + Theme.unit * 3 + footer.height
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

        Item {
            id: room

            x: Theme.margin
            y: heading.y + heading.height + Theme.unit * 3
            width: page.width - Theme.margin * 2
            height: footer.y - y - Theme.unit * 3
        }

        Item {
            id: compare

            // pictures are not flipped in a right-to-left language: "before" stays on its picture
            LayoutMirroring.enabled: false
            LayoutMirroring.childrenInherit: true
            readonly property real aspect: after.implicitHeight > 0 ? after.implicitWidth / after.implicitHeight : 16 / 9

            width: Math.round(Math.min(room.width, room.height * aspect))
            height: Math.round(width / aspect)
            x: room.x + (room.width - width) / 2
            y: room.y + (room.height - height) / 2

            Image {
                id: after

                anchors.fill: parent
                objectName: "afterPicture"
                source: root.exhibit.after.image
                sourceSize: Qt.size(Math.max(1, Math.round(room.width)), Math.max(1, Math.round(room.height)))
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
                Accessible.role: Accessible.Graphic
                Accessible.name: root.exhibit.after.alt ?? ""
            }

            Item {
                id: beforeClip

                width: Math.round(compare.width * root.split)
                height: compare.height
                clip: true

                Image {
                    objectName: "beforePicture"
                    width: compare.width
                    height: compare.height
                    Accessible.role: Accessible.Graphic
                    Accessible.name: root.exhibit.before.alt ?? ""
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
                id: beforeLabel

                x: Theme.unit * 3
                y: Theme.unit * 3
                maxWidth: compare.width - Theme.unit * 6
                word: root.exhibit.labels.before
                name: root.exhibit.before.label
            }

            // beside the other label, or under it at the bottom when the pictures are narrow
            SideLabel {
                readonly property bool besideBefore: beforeLabel.width + width + Theme.unit * 9 <= compare.width

                x: compare.width - width - Theme.unit * 3
                y: besideBefore ? Theme.unit * 3 : compare.height - height - Theme.unit * 3
                maxWidth: compare.width - Theme.unit * 6
                word: root.exhibit.labels.after
                name: root.exhibit.after.label
            }

            Rectangle {
                x: beforeClip.width - width / 2
                width: Math.max(3, Theme.unit / 2)
                height: compare.height
                color: Theme.text
            }

            Item {
                id: handle

                function keyArrow(dx: int, dy: int): bool {
                    if (dx === 0)
                        return false;
                    root.split = Math.max(0, Math.min(1, Math.round((root.split + dx * 0.05) * 20) / 20));
                    return true;
                }

                function keyActivate(): void {
                    root.split = 0.5;
                }

                objectName: "handle"
                x: beforeClip.width - width / 2
                width: Theme.touchTarget * 1.5
                height: compare.height
                activeFocusOnTab: true

                Accessible.role: Accessible.Slider
                Accessible.name: root.exhibit.labels.drag_to_compare
                Accessible.focusable: true

                Rectangle {
                    id: knob

                    anchors.centerIn: parent
                    width: Theme.touchTarget * 1.2
                    height: width
                    radius: width / 2
                    color: Theme.text
                    scale: root.dragging ? 1.12 : 1

                    Behavior on scale {
                        enabled: !Theme.reducedMotion
                        NumberAnimation { duration: 120 }
                    }

                    Icon {
                        anchors.centerIn: parent
                        name: "compare"
                        size: parent.width * 0.55
                        color: Theme.background
                    }

                    Components.FocusRing {
                        control: handle
                        faceRadius: knob.radius
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
            y: page.contentHeight - height - Theme.margin / 2
            width: page.width - Theme.margin * 2
            height: Math.max(Theme.touchTarget, caption.height)

            Caption {
                id: caption

                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width - hint.width - Theme.margin
                text: root.exhibit.caption ?? ""
                // in high contrast: "Before: ... / After: ...", what each picture shows
                alt: [[root.exhibit.labels.before, root.exhibit.before.alt ?? ""],
                      [root.exhibit.labels.after, root.exhibit.after.alt ?? ""]]
                     .filter(side => side[1].length > 0).map(side => side[0] + ": " + side[1]).join("\n")
            }

            Text {
                id: hint

                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: root.exhibit.labels.drag_to_compare
                textFormat: Text.PlainText
                color: Theme.mutedText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
            }
        }
    }

    component SideLabel: Rectangle {
        id: chip

        property string word: ""
        property string name: ""
        property real maxWidth: 1000

        width: chipText.width + Theme.unit * 4
        height: chipText.implicitHeight + Theme.unit * 2
        radius: height / 2
        color: Theme.highContrast ? Theme.background
                                  : Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0.85)
        border.width: Theme.highContrast ? Theme.borderWidth : 0
        border.color: Theme.borderColor

        Text {
            id: chipText

            anchors.centerIn: parent
            width: Math.min(implicitWidth, chip.maxWidth - Theme.unit * 4)
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            text: chip.word.toUpperCase() + (chip.name.length > 0 ? "  ·  " + chip.name : "")
            textFormat: Text.PlainText
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
        }
    }
}
