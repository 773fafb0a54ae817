import QtQuick
import Kiosk

// The operations layer over every screen: the closed screen outside opening hours, the
// "Still there?" countdown, and the staff PIN pad, panel and screen test. Python places it
// over the window's content; each part shows only when its singleton says so.
Item {
    id: layer

    objectName: "opsLayer"
    anchors.fill: parent
    z: 1000

    // Staff at the PIN pad or the panel keep a closed kiosk's display awake.
    Binding {
        target: Hours
        property: "staffPresent"
        value: Staff.pinPadOpen || Staff.panelOpen
    }

    ClosedScreen {
        anchors.fill: parent
        visible: !Hours.isOpen
    }

    IdleCountdown {
        anchors.fill: parent
        visible: Idle.countdownActive
    }

    PinPad {
        anchors.fill: parent
        visible: Staff.pinPadOpen
    }

    StaffPanel {
        anchors.fill: parent
        visible: Staff.panelOpen && !Staff.screenTestOpen
    }

    ScreenTest {
        anchors.fill: parent
        visible: Staff.panelOpen && Staff.screenTestOpen
    }
}
