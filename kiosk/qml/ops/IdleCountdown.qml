pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// "Still there? Touch to continue", with a large countdown, in the visitor's language first
// and then every other language of the exhibition. Any touch keeps the visit going.
Rectangle {
    id: root

    objectName: "idleCountdown"
    color: Qt.rgba(0, 0, 0, 0.78)

    MouseArea {
        anchors.fill: parent
        onPressed: Idle.stillHere()
    }

    Column {
        id: lines

        anchors.centerIn: parent
        width: Math.min(root.width - 2 * Theme.margin, Math.round(1200 * Theme.scale))
        spacing: Theme.margin / 2

        Text {
            objectName: "countdownNumber"
            anchors.horizontalCenter: parent.horizontalCenter
            text: Idle.secondsLeft
            color: Theme.accent
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.displaySize * 1.6
            font.weight: Font.Bold
        }

        Repeater {
            model: Idle.words

            Column {
                id: entry

                required property var modelData
                required property int index

                width: lines.width
                spacing: Theme.unit
                opacity: entry.index === 0 ? 1 : 0.75

                Text {
                    width: lines.width
                    horizontalAlignment: Text.AlignHCenter
                    text: entry.modelData.title
                    color: Theme.text
                    font.family: Theme.fontFor(entry.modelData.code)
                    font.pixelSize: entry.index === 0 ? Theme.titleSize : Theme.headingSize
                    font.weight: Font.Bold
                    wrapMode: Text.Wrap
                }

                Text {
                    width: lines.width
                    horizontalAlignment: Text.AlignHCenter
                    text: entry.modelData.detail
                    color: Theme.mutedText
                    font.family: Theme.fontFor(entry.modelData.code)
                    font.pixelSize: entry.index === 0 ? Theme.headingSize : Theme.bodySize
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
