pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../../components" as Components

// A round (icon) or pill (icon and words) button sized for a fingertip, with press feedback.
// Keys reach it too (Tab, arrows; Enter or Space presses it) and a focus ring shows where.
Item {
    id: control

    property string icon: ""
    property string label: ""
    property string accessibleName: label
    property bool showLabel: false
    property bool primary: false
    property bool checked: false
    property real size: Theme.touchTarget
    // reachable with Tab and the arrow keys (off for a second button that does the same)
    property bool focusable: true
    readonly property bool pressed: tap.pressed
    readonly property color faceColor: control.primary || control.checked ? Theme.accent : Theme.surfaceRaised
    readonly property color inkColor: control.primary || control.checked ? Theme.accentText : Theme.text

    signal clicked()

    function keyActivate(): void {
        control.clicked();
    }

    implicitWidth: showLabel ? Math.max(size, content.implicitWidth + size * 0.8) : size
    implicitHeight: size
    opacity: enabled ? 1 : 0.4
    activeFocusOnTab: control.focusable

    Accessible.role: Accessible.Button
    Accessible.focusable: control.focusable
    Accessible.name: control.accessibleName
    Accessible.checked: control.checked
    Accessible.onPressAction: control.clicked()

    Rectangle {
        id: face

        anchors.fill: parent
        radius: height / 2
        color: control.pressed ? Qt.lighter(control.faceColor, 1.3) : control.faceColor
        border.width: control.primary || control.checked ? 0 : Math.max(1, Theme.unit / 4)
        border.color: Qt.rgba(1, 1, 1, 0.16)
        scale: control.pressed ? 0.92 : 1

        Behavior on scale {
            enabled: !Theme.reducedMotion
            NumberAnimation { duration: 90; easing.type: Easing.OutQuad }
        }

        Row {
            id: content

            anchors.centerIn: parent
            spacing: Theme.unit

            Icon {
                anchors.verticalCenter: parent.verticalCenter
                visible: control.icon.length > 0
                name: control.icon
                size: Math.round(control.size * 0.46)
                color: control.inkColor
            }

            Text {
                anchors.verticalCenter: parent.verticalCenter
                visible: control.showLabel && control.label.length > 0
                text: control.label
                textFormat: Text.PlainText
                color: control.inkColor
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
            }
        }
    }

    TapHandler {
        id: tap

        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: control.clicked()
    }

    Components.FocusRing {
        faceRadius: control.height / 2
    }
}
