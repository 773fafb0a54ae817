import QtQuick
import Kiosk

// A plain, large button for the staff screens (at least 96 px tall, so it works with gloves).
// The main action of a screen is amber with dark text, like the visitor's chosen language.
Rectangle {
    id: root

    property string text: ""
    property bool primary: false
    readonly property bool lit: area.pressed || root.primary

    signal clicked()

    implicitWidth: Math.max(96, label.implicitWidth + 2 * Theme.margin)
    implicitHeight: Math.max(96, Theme.touchTarget)
    radius: Theme.radius
    color: root.primary ? (area.pressed ? Qt.lighter(Theme.accent, 1.15) : Theme.accent)
                        : (area.pressed ? Theme.accent : Theme.surfaceRaised)
    border.width: root.lit ? 0 : 1
    border.color: Qt.lighter(Theme.surfaceRaised, 1.5)
    opacity: root.enabled ? 1 : 0.4
    Accessible.role: Accessible.Button
    Accessible.name: root.text

    Text {
        id: label

        anchors.centerIn: parent
        width: Math.min(implicitWidth, root.width - 2 * Theme.unit)
        horizontalAlignment: Text.AlignHCenter
        text: root.text
        textFormat: Text.PlainText
        color: root.lit ? Theme.accentText : Theme.text
        elide: Text.ElideRight
        font.family: Theme.latinFontFamily
        font.pixelSize: Theme.headingSize
        font.weight: root.primary ? Font.Bold : Font.DemiBold
    }

    MouseArea {
        id: area

        anchors.fill: parent
        onClicked: root.clicked()
    }
}
