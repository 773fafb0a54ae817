pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The screen test: colour bars and a grey ramp to check the display, and a dot wherever the
// screen is touched to check the touch layer lines up with the picture.
Rectangle {
    id: root

    readonly property var bars: ["#ffffff", "#ffff00", "#00ffff", "#00ff00", "#ff00ff", "#ff0000", "#0000ff", "#000000"]

    objectName: "screenTest"
    color: "black"

    Row {
        id: barRow

        width: parent.width
        height: parent.height * 0.6

        Repeater {
            model: root.bars

            Rectangle {
                required property string modelData

                width: barRow.width / root.bars.length
                height: barRow.height
                color: modelData
            }
        }
    }

    Row {
        id: ramp

        anchors.top: barRow.bottom
        width: parent.width
        height: parent.height - barRow.height

        Repeater {
            model: 16

            Rectangle {
                required property int index

                width: ramp.width / 16
                height: ramp.height
                color: Qt.rgba(index / 15, index / 15, index / 15, 1)
            }
        }
    }

    ListModel {
        id: dots
    }

    MultiPointTouchArea {
        objectName: "touchTest"
        anchors.fill: parent
        mouseEnabled: true
        onPressed: points => {
            for (const point of points) {
                if (dots.count > 400)
                    dots.remove(0);
                dots.append({ px: point.x, py: point.y });
            }
        }
    }

    Repeater {
        model: dots

        Rectangle {
            required property real px
            required property real py

            // red with a white and a black ring, so it shows on every bar, white and red included
            x: px - width / 2
            y: py - height / 2
            width: 48
            height: 48
            radius: 24
            color: "black"

            Rectangle {
                anchors.centerIn: parent
                width: 42
                height: 42
                radius: 21
                color: "#ff3b30"
                border.color: "white"
                border.width: 4
            }
        }
    }

    Rectangle {
        anchors.verticalCenter: closeTest.verticalCenter
        anchors.right: closeTest.left
        anchors.rightMargin: Theme.unit * 2
        width: hint.implicitWidth + 2 * Theme.unit * 3
        height: closeTest.height
        radius: Theme.radius
        color: Theme.surface

        Text {
            id: hint

            anchors.centerIn: parent
            text: Staff.words.staff_touch_test
            textFormat: Text.PlainText
            color: Theme.text
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.bodySize
        }
    }

    StaffButton {
        id: closeTest

        objectName: "closeScreenTest"
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.margin
        primary: true
        text: Staff.words.staff_close_test
        onClicked: Staff.showScreenTest(false)
    }
}
