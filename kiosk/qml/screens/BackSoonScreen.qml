pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Shown when the content cannot be loaded: a calm notice in each language, never an error.
// In reach mode the notice sits in the lower part of the screen.
Rectangle {
    id: root

    color: Theme.background

    Column {
        anchors.horizontalCenter: parent.horizontalCenter
        // in reach mode low, above the accessibility button
        y: Theme.reach ? Math.max(Theme.reachTop, parent.height - height - Theme.margin * 2 - Theme.touchTarget)
                       : Math.round((parent.height - height) / 2)
        width: Math.min(parent.width - 2 * Theme.margin, Math.round(1200 * Theme.scale))
        spacing: Theme.margin

        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Theme.unit * 12
            height: Math.max(4, Theme.unit / 2)
            radius: height / 2
            color: Theme.accent
        }

        Repeater {
            model: Navigator.notices

            Column {
                id: notice

                required property var modelData

                width: parent.width
                spacing: Theme.unit * 2

                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: notice.modelData.title
                    textFormat: Text.PlainText
                    color: Theme.text
                    font.family: Theme.fontFor(notice.modelData.code)
                    font.pixelSize: Theme.titleSize
                    font.weight: Font.Bold
                    wrapMode: Text.Wrap
                }

                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: notice.modelData.detail
                    textFormat: Text.PlainText
                    color: Theme.mutedText
                    font.family: Theme.fontFor(notice.modelData.code)
                    font.pixelSize: Theme.bodySize
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
