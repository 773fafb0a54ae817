pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"

// Dated events along a line that visitors flick sideways, with large year labels.
Item {
    id: root

    required property var exhibit
    readonly property real cardWidth: Math.round(Math.min(Theme.bodySize * 17, (root.width - Theme.margin * 2) / 2.6))
    readonly property real lineY: Math.round(Theme.titleSize * 1.6)
    readonly property int firstVisible: Math.max(0, Math.round((events.contentX + events.leftMargin) / events.stride))

    signal openExhibit(string exhibitId)

    function step(delta) {
        const target = Math.max(0, Math.min(events.count - 1, root.firstVisible + delta));
        const maxX = Math.max(-events.leftMargin, events.contentWidth - events.width + events.rightMargin);
        scroller.to = Math.min(maxX, target * events.stride - events.leftMargin);
        scroller.restart();
    }

    ExhibitTitle {
        id: heading

        x: Theme.margin
        y: Theme.margin / 2
        width: root.width - Theme.margin * 2
        title: root.exhibit.title
        summary: root.exhibit.summary
    }

    ListView {
        id: events

        readonly property real stride: root.cardWidth + spacing

        y: heading.y + heading.height + Theme.unit * 4
        width: root.width
        height: footer.y - y - Theme.unit * 2
        orientation: ListView.Horizontal
        spacing: Theme.margin
        leftMargin: Theme.margin
        rightMargin: Theme.margin
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        model: root.exhibit.events

        NumberAnimation {
            id: scroller

            target: events
            property: "contentX"
            duration: Theme.reducedMotion ? 0 : 450
            easing.type: Easing.OutCubic
        }

        delegate: Item {
            id: event

            required property var modelData
            required property int index

            width: root.cardWidth
            height: events.height

            // the time line itself, joined from one event to the next
            Rectangle {
                x: event.index === 0 ? dot.x : -events.spacing
                y: root.lineY - height / 2
                width: (event.index === events.count - 1 ? dot.x + dot.width / 2 : event.width) - x
                height: Math.max(3, Theme.unit / 2)
                color: Theme.surfaceRaised
            }

            Text {
                id: year

                x: 0
                y: root.lineY - height - Theme.unit * 2
                text: event.modelData.yearText
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                font.features: { "tnum": 1 }
            }

            Rectangle {
                id: dot

                x: Theme.unit
                y: root.lineY - height / 2
                width: Theme.unit * 3
                height: width
                radius: width / 2
                color: Theme.accent
                border.width: Math.max(3, Theme.unit / 2)
                border.color: Theme.background
            }

            Rectangle {
                id: card

                y: root.lineY + Theme.unit * 4
                width: parent.width
                height: Math.min(parent.height - y, cardContent.height + Theme.unit * 6)
                radius: Theme.radius
                color: Theme.surface
                clip: true

                Column {
                    id: cardContent

                    x: Theme.unit * 3
                    y: Theme.unit * 3
                    width: card.width - Theme.unit * 6
                    spacing: Theme.unit * 1.5

                    Image {
                        width: parent.width
                        height: Math.round(width * 9 / 16)
                        visible: event.modelData.image !== ""
                        source: event.modelData.image
                        sourceSize: Qt.size(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)))
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                    }

                    Text {
                        width: parent.width
                        text: event.modelData.title
                        color: Theme.text
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Math.round(Theme.headingSize * 0.8)
                        font.weight: Font.DemiBold
                    }

                    Text {
                        width: parent.width
                        visible: event.modelData.text !== ""
                        text: event.modelData.text
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        lineHeight: 1.35
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize
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
        height: Theme.touchTarget

        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: root.exhibit.events.length > 0
                  ? root.exhibit.events[0].yearText + " – " + root.exhibit.events[root.exhibit.events.length - 1].yearText
                  : ""
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }

        Row {
            anchors.right: parent.right
            spacing: Theme.unit * 2

            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: root.exhibit.labels.swipeHint
                color: Theme.mutedText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
            }

            TouchButton {
                objectName: "previous"
                icon: "left"
                label: root.exhibit.labels.previous
                enabled: !events.atXBeginning
                onClicked: root.step(-1)
            }

            TouchButton {
                objectName: "next"
                icon: "right"
                label: root.exhibit.labels.next
                enabled: !events.atXEnd
                onClicked: root.step(1)
            }
        }
    }
}
