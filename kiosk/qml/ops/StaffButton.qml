import QtQuick
import Kiosk

// A plain, large button for the staff screens (at least 72 px, so it works with gloves).
Rectangle {
    id: root

    property string text: ""
    property bool primary: false

    signal clicked()

    implicitWidth: Math.max(96, label.implicitWidth + 2 * Theme.margin)
    implicitHeight: Math.max(96, Theme.touchTarget)
    radius: Theme.radius
    color: area.pressed ? Theme.accent : (root.primary ? Qt.darker(Theme.accent, 1.4) : Theme.surfaceRaised)
    opacity: root.enabled ? 1 : 0.4
    Accessible.role: Accessible.Button
    Accessible.name: root.text

    Text {
        id: label

        anchors.centerIn: parent
        text: root.text
        color: Theme.text
        font.family: Theme.latinFontFamily
        font.pixelSize: Theme.headingSize
    }

    MouseArea {
        id: area

        anchors.fill: parent
        onClicked: root.clicked()
    }
}
