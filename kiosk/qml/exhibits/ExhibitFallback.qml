import QtQuick
import Kiosk
import "../components"

// Shown in place of an exhibit whose view cannot load: its picture, title and a calm line.
Item {
    id: root

    required property var exhibit

    signal openExhibit(string exhibitId)

    objectName: "exhibitFallback"

    Cover {
        id: picture

        anchors.fill: parent
        source: root.exhibit.cover ?? ""
        tint: root.exhibit.colour ?? Theme.surface
        opacity: 0.35
    }

    // a calm panel under the words, so they read over any picture
    Rectangle {
        anchors.fill: words
        anchors.margins: -Theme.margin
        radius: Theme.radius
        color: Theme.background
        opacity: 0.88
    }

    Column {
        id: words

        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Math.round(1200 * Theme.scale))
        spacing: Theme.margin * 0.5

        Label {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: root.exhibit.title ?? ""
            font.pixelSize: Theme.titleSize
            font.weight: Font.Bold
        }

        Label {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: Navigator.words.not_available
            color: Theme.text
            font.pixelSize: Theme.bodySize
        }
    }
}
