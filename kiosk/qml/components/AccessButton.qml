import QtQuick
import Kiosk

// The accessibility button, on every screen: the universal-access figure in a round button
// (with its word beside it on the attract loop, where nobody has found it yet). It opens the
// panel of accessibility modes; its ring turns to the accent colour while a mode is on.
Tappable {
    id: root

    property bool showLabel: false

    objectName: "accessButton"
    implicitHeight: Theme.touchTarget
    implicitWidth: root.showLabel ? row.implicitWidth + Theme.unit * 4 : Theme.touchTarget
    width: implicitWidth
    height: implicitHeight
    accessibleName: Navigator.words.access ?? ""
    onTapped: {
        // On the attract loop the visitor has begun: the visit starts (so idle time counts and
        // the modes are cleared when they leave), and "Done" lands on the home screen.
        if (Navigator.available && Navigator.screen === "attract")
            Navigator.touch();
        Access.openPanel();
    }

    Rectangle {
        anchors.fill: parent
        radius: height / 2
        color: root.pressed ? Theme.surfaceRaised : Theme.surface
        border.width: Access.active ? Math.max(3, Theme.borderWidth) : Math.max(2, Theme.borderWidth)
        border.color: Access.active ? Theme.accent : Theme.borderColor
    }

    Row {
        id: row

        anchors.centerIn: parent
        spacing: Theme.unit * 1.5

        Icon {
            anchors.verticalCenter: parent.verticalCenter
            name: "access"
            size: Math.round(Theme.touchTarget * (root.showLabel ? 0.62 : 0.7))
        }

        Label {
            anchors.verticalCenter: parent.verticalCenter
            visible: root.showLabel
            text: Navigator.words.access ?? ""
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            wrapMode: Text.NoWrap
        }
    }
}
