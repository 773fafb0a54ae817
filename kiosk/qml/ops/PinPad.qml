pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The staff PIN pad: big digit keys, a dot for each digit entered, never the digits
// themselves. Wrong PINs lock the pad for longer each time, shown as a countdown. While a PIN
// is checked (about half a second) the pad says so and takes no keys.
Rectangle {
    id: root

    readonly property int key: Math.max(112, Theme.touchTarget + 32)
    readonly property int gap: Theme.unit * 2
    readonly property int padWidth: 3 * root.key + 2 * root.gap
    readonly property bool locked: Staff.lockedSeconds > 0

    objectName: "pinPad"
    color: Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0.96)

    MouseArea {
        anchors.fill: parent
    }

    Rectangle {
        anchors.centerIn: parent
        width: column.width + 2 * Theme.margin
        height: column.height + 2 * Theme.margin
        radius: Theme.radius * 2
        color: Theme.surface
        border.width: 1
        border.color: Qt.lighter(Theme.surface, 1.5)

        Column {
            id: column

            anchors.centerIn: parent
            width: root.padWidth
            spacing: root.gap

            Text {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: Staff.words.staff_access
                textFormat: Text.PlainText
                color: Theme.text
                font.family: Theme.latinFontFamily
                font.pixelSize: Theme.headingSize
                font.weight: Font.Bold
            }

            // The field: a dot for each digit entered; while it is empty, what to do or what
            // went wrong. It has room for two lines, so the keys never move under a finger.
            Rectangle {
                width: parent.width
                height: Math.max(Math.round(Theme.bodySize * 1.4 * 2) + 2 * Theme.unit,
                                 message.implicitHeight + 2 * Theme.unit)
                radius: Theme.radius
                color: Theme.background
                border.width: Staff.digits > 0 || message.warning ? 2 : 1
                border.color: Staff.digits > 0 || message.warning ? Theme.accent : Qt.lighter(Theme.surface, 1.5)

                Text {
                    id: message

                    readonly property bool warning: root.locked || Staff.pinMessage.length > 0

                    objectName: "pinMessage"
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.unit * 2
                    visible: Staff.digits === 0
                    horizontalAlignment: Text.AlignHCenter
                    text: root.locked ? Staff.lockedText
                                      : Staff.checking ? Staff.words.staff_checking
                                      : (Staff.pinMessage.length > 0 ? Staff.pinMessage : Staff.words.staff_enter_pin)
                    textFormat: Text.PlainText
                    color: message.warning ? Theme.accent : Theme.mutedText
                    wrapMode: Text.Wrap
                    font.family: Theme.latinFontFamily
                    font.pixelSize: Theme.bodySize
                    font.weight: message.warning ? Font.DemiBold : Font.Normal
                }

                Row {
                    id: dots

                    readonly property int size: Math.min(Theme.unit * 3,
                                                         Math.floor((root.padWidth - 2 * Theme.unit * 2) / Math.max(1, Staff.digits)) - dots.spacing)

                    objectName: "pinDots"
                    anchors.centerIn: parent
                    spacing: Theme.unit * 1.5

                    Repeater {
                        model: Staff.digits

                        Rectangle {
                            width: dots.size
                            height: width
                            radius: width / 2
                            color: Theme.text
                        }
                    }
                }
            }

            Grid {
                columns: 3
                spacing: root.gap
                enabled: Staff.pinConfigured && !root.locked && !Staff.checking

                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]

                    StaffButton {
                        required property string modelData

                        objectName: "pinKey" + modelData
                        width: root.key
                        height: root.key
                        text: modelData === "OK" ? Staff.words.staff_ok : modelData
                        primary: modelData === "OK"
                        Accessible.name: modelData === "⌫" ? Staff.words.staff_erase : text
                        onClicked: {
                            if (modelData === "OK")
                                Staff.submit();
                            else if (modelData === "⌫")
                                Staff.erase();
                            else
                                Staff.digit(modelData);
                        }
                    }
                }
            }

            StaffButton {
                objectName: "pinCancel"
                width: parent.width
                text: Staff.words.staff_cancel
                onClicked: Staff.closeAll()
            }
        }
    }
}
