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

    Column {
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
            color: Theme.mutedText
            font.pixelSize: Theme.bodySize
        }
    }
}
