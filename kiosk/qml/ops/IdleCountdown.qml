pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// "Still there? Touch to continue", with the seconds left in a ring that empties, in the
// visitor's language first and then, smaller, every other language of the exhibition.
// Any touch anywhere keeps the visit going.
Rectangle {
    id: root

    property int totalSeconds: 1
    readonly property var first: Idle.words.length > 0 ? Idle.words[0] : ({ code: "en", title: "", detail: "" })
    readonly property real fractionLeft: Math.min(1, Idle.secondsLeft / Math.max(1, root.totalSeconds))

    objectName: "idleCountdown"
    color: Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0.9)

    Connections {
        target: Idle

        function onCountdownChanged(): void {
            if (Idle.countdownActive)
                root.totalSeconds = Math.max(1, Idle.secondsLeft);
        }
    }

    MouseArea {
        anchors.fill: parent
        onPressed: Idle.stillHere()
    }

    Rectangle {
        id: card

        anchors.centerIn: parent
        width: Math.min(root.width - 2 * Theme.margin, Math.round(1000 * Theme.scale))
        height: lines.height + 2 * Theme.margin
        radius: Theme.radius * 2
        color: Theme.surface
        border.width: 1
        border.color: Qt.lighter(Theme.surface, 1.5)

        Column {
            id: lines

            anchors.centerIn: parent
            width: card.width - 2 * Theme.margin
            spacing: Theme.unit * 3

            // The seconds left, inside a ring that empties as they run out.
            Item {
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.round(Theme.displaySize * 1.9)
                height: width

                Canvas {
                    id: ring

                    property real shown: root.fractionLeft

                    anchors.fill: parent
                    onShownChanged: ring.requestPaint()
                    onPaint: {
                        const context = ring.getContext("2d");
                        const line = Theme.unit * 1.5;
                        const radius = (ring.width - line) / 2;
                        context.reset();
                        context.lineWidth = line;
                        context.lineCap = "round";
                        context.strokeStyle = Theme.surfaceRaised;
                        context.beginPath();
                        context.arc(ring.width / 2, ring.height / 2, radius, 0, 2 * Math.PI);
                        context.stroke();
                        if (ring.shown > 0) {
                            context.strokeStyle = Theme.accent;
                            context.beginPath();
                            context.arc(ring.width / 2, ring.height / 2, radius, -Math.PI / 2,
                                        -Math.PI / 2 + 2 * Math.PI * ring.shown);
                            context.stroke();
                        }
                    }

                    // drains smoothly second by second, but starts full at once
                    Behavior on shown {
                        enabled: !Theme.reducedMotion && root.visible && Idle.countdownActive

                        NumberAnimation {
                            duration: 900
                        }
                    }
                }

                Text {
                    objectName: "countdownNumber"
                    anchors.centerIn: parent
                    text: Idle.secondsLeft
                    textFormat: Text.PlainText
                    color: Theme.accent
                    font.family: Theme.latinFontFamily
                    font.pixelSize: Theme.displaySize
                    font.weight: Font.Bold
                }
            }

            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: root.first.title
                textFormat: Text.PlainText
                color: Theme.text
                font.family: Theme.fontFor(root.first.code)
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                wrapMode: Text.Wrap
            }

            // Looks like a button, because visitors look for one; the whole screen answers.
            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                width: Math.min(parent.width, prompt.implicitWidth + 2 * Theme.margin)
                height: Math.max(Theme.touchTarget, prompt.implicitHeight + 2 * Theme.unit)
                radius: height / 2
                color: Theme.accent

                Text {
                    id: prompt

                    anchors.centerIn: parent
                    width: Math.min(implicitWidth, parent.width - 2 * Theme.unit)
                    horizontalAlignment: Text.AlignHCenter
                    text: root.first.detail
                    textFormat: Text.PlainText
                    color: Theme.accentText
                    elide: Text.ElideRight
                    font.family: Theme.fontFor(root.first.code)
                    font.pixelSize: Theme.headingSize
                    font.weight: Font.DemiBold
                }
            }

            Rectangle {
                anchors.horizontalCenter: parent.horizontalCenter
                visible: Idle.words.length > 1
                width: Theme.unit * 12
                height: Math.max(2, Theme.unit / 4)
                color: Qt.lighter(Theme.surface, 1.6)
            }

            Repeater {
                model: Idle.words.slice(1)

                Text {
                    required property var modelData

                    width: lines.width
                    horizontalAlignment: Text.AlignHCenter
                    text: modelData.title + "  " + modelData.detail
                    textFormat: Text.PlainText
                    color: Theme.mutedText
                    font.family: Theme.fontFor(modelData.code)
                    font.pixelSize: Theme.headingSize
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
