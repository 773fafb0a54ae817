pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"
import "../components" as Components

// Dated events along a line that visitors flick sideways, with large year labels.
// Keys: Tab or the arrows go from event to event and the line follows (KeyboardNavigation
// scrolls the focused event into view).
Item {
    id: root

    required property var exhibit
    readonly property real cardWidth: Math.round(Math.min(Theme.bodySize * 17, (root.width - Theme.margin * 2) / 2.6))
    // the year labels shrink when the view is short (reach mode, large text)
    readonly property real yearSize: Math.round(Math.max(Theme.headingSize, Math.min(Theme.titleSize, root.height * 0.07)))
    readonly property real lineY: Math.round(root.yearSize * 1.6)
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
        compact: root.height < Theme.titleSize * 9
        title: root.exhibit.title
        summary: root.exhibit.summary
    }

    ListView {
        id: events

        // the years run left to right in every language, like a chart's axis
        LayoutMirroring.enabled: false
        LayoutMirroring.childrenInherit: true
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
        // keep the next events made, so that Tab and the arrows can reach them
        cacheBuffer: Math.max(0, Math.round(events.width))
        keyNavigationEnabled: false
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

            // Up and Down scroll an event's words when they do not fit its card
            function keyArrow(dx: int, dy: int): bool {
                if (dy === 0 || !cardScroll.interactive)
                    return false;
                const bottom = cardScroll.contentHeight - cardScroll.height;
                const target = Math.max(0, Math.min(bottom, cardScroll.contentY + dy * Theme.bodySize * 2));
                if (Math.abs(target - cardScroll.contentY) < 1)
                    return false;
                cardScroll.contentY = target;
                return true;
            }

            objectName: "event-" + event.index
            width: root.cardWidth
            height: events.height
            activeFocusOnTab: true
            Accessible.role: Accessible.ListItem
            Accessible.name: event.modelData.yearText + ". " + event.modelData.title
            Accessible.description: event.modelData.text
            Accessible.focusable: true

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
                textFormat: Text.PlainText
                color: Theme.accent
                font.family: Theme.latinFontFamily  // Arabic fonts set digits taller: keep the year's height
                font.pixelSize: root.yearSize
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

            Item {
                x: card.x
                y: card.y
                width: card.width
                height: card.height
                z: 1

                Components.FocusRing {
                    control: event
                }
            }

            Rectangle {
                id: card

                y: root.lineY + Theme.unit * 4
                width: parent.width
                height: Math.min(parent.height - y, cardContent.height + Theme.unit * 6)
                radius: Theme.radius
                color: Theme.surface
                clip: true

                // words that do not fit (large text, reach mode) scroll inside the card
                Flickable {
                    id: cardScroll

                    anchors.fill: parent
                    contentWidth: width
                    contentHeight: cardContent.height + Theme.unit * 6
                    flickableDirection: Flickable.VerticalFlick
                    boundsBehavior: Flickable.StopAtBounds
                    interactive: cardScroll.contentHeight > cardScroll.height + 1
                    clip: true

                    Column {
                        id: cardContent

                        // the picture gives way to the words when they need the room (large text)
                        readonly property real room: event.height - card.y - Theme.unit * 6
                        readonly property real wordsHeight: eventTitle.height + eventText.height
                                                            + cardContent.spacing * 2

                        x: Theme.unit * 3
                        y: Theme.unit * 3
                        width: card.width - Theme.unit * 6
                        spacing: Theme.unit * 1.5

                        Image {
                            width: parent.width
                            height: Math.round(Math.min(width * 9 / 16, cardContent.room - cardContent.wordsHeight))
                            visible: event.modelData.image !== "" && height >= Theme.touchTarget
                            source: event.modelData.image
                            sourceSize: Qt.size(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)))
                            fillMode: Image.PreserveAspectCrop
                            asynchronous: true
                        }

                        Text {
                            id: eventTitle

                            width: parent.width
                            text: event.modelData.title
                            textFormat: Text.PlainText
                            color: Theme.text
                            wrapMode: Text.Wrap
                            font.family: Theme.fontFamily
                            font.pixelSize: Math.round(Theme.headingSize * 0.8)
                            font.weight: Font.DemiBold
                        }

                        Text {
                            id: eventText

                            width: parent.width
                            visible: event.modelData.text !== ""
                            text: event.modelData.text
                            textFormat: Text.PlainText
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
    }

    Item {
        id: footer

        LayoutMirroring.enabled: false
        LayoutMirroring.childrenInherit: true
        x: Theme.margin
        y: root.height - height - Theme.margin / 2
        width: root.width - Theme.margin * 2
        height: Theme.touchTarget

        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: root.exhibit.events.length > 0
                  ? root.exhibit.events[0].yearText + " – " + root.exhibit.events[root.exhibit.events.length - 1].yearText
                  : ""
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }

        Row {
            anchors.right: parent.right
            spacing: Theme.unit * 2

            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: root.exhibit.labels.swipe_hint
                textFormat: Text.PlainText
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
