import QtQuick
import Kiosk

// A header button with an icon and a word, e.g. Home or Back.
Tappable {
    id: root

    property string icon: "home"
    property string label: ""

    implicitWidth: row.implicitWidth + 2 * Theme.unit * 3
    implicitHeight: Theme.touchTarget
    accessibleName: root.label
    opacity: root.enabled ? 1 : 0.35

    Rectangle {
        anchors.fill: parent
        radius: height / 2
        color: root.pressed ? Theme.surfaceRaised : Theme.surface
        border.width: Theme.borderWidth
        border.color: Theme.borderColor
    }

    Row {
        id: row

        anchors.centerIn: parent
        spacing: Theme.unit * 1.5

        Icon {
            anchors.verticalCenter: parent.verticalCenter
            name: root.icon
            size: Math.round(Theme.smallSize * 1.25)
        }

        Label {
            anchors.verticalCenter: parent.verticalCenter
            text: root.label
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            wrapMode: Text.NoWrap
        }
    }
}
