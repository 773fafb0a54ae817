pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Outside opening hours: "Closed now · Opens tomorrow at 09:00" in every language of the
// exhibition, the visitor's first. Over the closed slide the words sit on a dark band that keeps
// them legible whatever the picture; without a slide they stand in the middle of a calm dark
// screen, shown while the display is awake. A touch answers at once: the next opening is
// outlined and pulses, and a sleeping display wakes for a while (Hours.answerTouch).
Rectangle {
    id: root

    readonly property bool hasSlide: Hours.closedSlide.length > 0
    readonly property var first: Hours.closedNotice.length > 0 ? Hours.closedNotice[0] : ({ code: "en", closed: "", opens: "", line: "" })
    readonly property var others: Hours.closedNotice.slice(1)
    readonly property bool loading: slide.status === Image.Loading

    objectName: "closedScreen"
    color: "black"

    Image {
        id: slide

        objectName: "closedSlideImage"
        anchors.fill: parent
        source: Hours.closedSlide
        visible: root.hasSlide
        fillMode: Image.PreserveAspectFit
        asynchronous: true
        sourceSize.width: root.width
        sourceSize.height: root.height
    }

    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        hoverEnabled: true
        onPressed: {
            Hours.answerTouch();
            pulse.restart();
        }
    }

    Rectangle {
        id: band

        property real glow: 0
        readonly property bool pulsing: pulse.running

        objectName: "closedNotice"
        visible: Hours.noticeShown && Hours.closedNotice.length > 0
        anchors.left: parent.left
        anchors.right: parent.right
        y: root.hasSlide ? root.height - band.height : Math.round((root.height - band.height) / 2)
        height: lines.implicitHeight + 2 * Theme.margin
        color: root.hasSlide ? Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0.92) : "transparent"

        // A line of light along the band's top edge that brightens with each touch.
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: Math.max(2, Math.round(Theme.unit / 2))
            color: Theme.accent
            visible: root.hasSlide || band.glow > 0
            opacity: 0.35 + 0.65 * band.glow
        }

        Column {
            id: lines

            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            spacing: Theme.unit * 2

            Text {
                objectName: "closedTitle"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                textFormat: Text.PlainText
                text: root.first.closed
                color: Theme.text
                font.family: Theme.fontFor(root.first.code)
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                wrapMode: Text.Wrap
            }

            // The next opening: outlined in the accent colour, and a little larger, on each touch.
            Item {
                anchors.horizontalCenter: parent.horizontalCenter
                visible: root.first.opens.length > 0
                width: Math.min(parent.width, opens.implicitWidth + 4 * Theme.unit)
                height: opens.implicitHeight + 2 * Theme.unit
                scale: Theme.reducedMotion ? 1 : 1 + 0.06 * band.glow

                Rectangle {
                    anchors.fill: parent
                    radius: height / 2
                    color: "transparent"
                    border.width: Math.max(2, Math.round(Theme.unit / 2))
                    border.color: Theme.accent
                    opacity: band.glow
                }

                Text {
                    id: opens

                    objectName: "closedOpens"
                    anchors.centerIn: parent
                    width: Math.min(implicitWidth, parent.width - 4 * Theme.unit)
                    horizontalAlignment: Text.AlignHCenter
                    textFormat: Text.PlainText
                    text: root.first.opens
                    color: Theme.accent
                    font.family: Theme.fontFor(root.first.code)
                    font.pixelSize: Theme.headingSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                }
            }

            Repeater {
                model: root.others

                Text {
                    required property var modelData

                    width: lines.width
                    horizontalAlignment: Text.AlignHCenter
                    textFormat: Text.PlainText
                    text: modelData.line
                    color: Theme.mutedText
                    font.family: Theme.fontFor(modelData.code)
                    font.pixelSize: root.others.length > 4 ? Theme.bodySize : Theme.headingSize
                    wrapMode: Text.Wrap
                }
            }
        }
    }

    SequentialAnimation {
        id: pulse

        NumberAnimation {
            target: band
            property: "glow"
            to: 1
            duration: 120
        }

        PauseAnimation {
            duration: 900
        }

        NumberAnimation {
            target: band
            property: "glow"
            to: 0
            duration: 600
        }
    }
}
