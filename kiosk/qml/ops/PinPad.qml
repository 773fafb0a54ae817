pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The staff PIN pad: big digit keys, a dot for each digit entered, never the digits
// themselves. Wrong PINs lock the pad for longer each time, shown as a countdown.
Rectangle {
    id: root

    readonly property int key: Math.max(112, Theme.touchTarget + 32)

    objectName: "pinPad"
    color: Qt.rgba(0, 0, 0, 0.92)

    MouseArea {
        anchors.fill: parent
    }

    Column {
        anchors.centerIn: parent
        spacing: Theme.margin / 2

        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: "Staff access"
            color: Theme.text
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.titleSize
        }

        Row {
            objectName: "pinDots"
            anchors.horizontalCenter: parent.horizontalCenter
            height: Theme.headingSize
            spacing: Theme.unit * 2

            Repeater {
                model: Staff.digits

                Rectangle {
                    width: Theme.headingSize * 0.7
                    height: width
                    radius: width / 2
                    color: Theme.text
                }
            }
        }

        Text {
            objectName: "pinMessage"
            anchors.horizontalCenter: parent.horizontalCenter
            text: Staff.lockedSeconds > 0 ? "Locked. Try again in " + Staff.lockedSeconds + " s" : Staff.pinMessage
            color: Theme.accent
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.bodySize
        }

        Grid {
            anchors.horizontalCenter: parent.horizontalCenter
            columns: 3
            spacing: Theme.unit * 2
            enabled: Staff.pinConfigured && Staff.lockedSeconds === 0

            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]

                StaffButton {
                    required property string modelData

                    objectName: "pinKey" + modelData
                    width: root.key
                    height: root.key
                    text: modelData
                    primary: modelData === "OK"
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
            anchors.horizontalCenter: parent.horizontalCenter
            text: "Cancel"
            onClicked: Staff.closeAll()
        }
    }
}
