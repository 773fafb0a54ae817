pragma ComponentBehavior: Bound

import QtQuick
import Kiosk

// Where the visitor is in a set of pictures: "3 / 7" and a row of dots.
Row {
    id: dots

    property int count: 0
    property int current: 0

    spacing: Theme.unit * 2

    Text {
        anchors.verticalCenter: parent.verticalCenter
        text: (dots.current + 1) + " / " + dots.count
        textFormat: Text.PlainText
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        font.weight: Font.DemiBold
        font.features: { "tnum": 1 }
    }

    Row {
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.unit
        visible: dots.count > 1 && dots.count <= 12

        Repeater {
            model: dots.count

            Rectangle {
                required property int index

                anchors.verticalCenter: parent.verticalCenter
                width: index === dots.current ? Theme.unit * 3 : Theme.unit * 1.25
                height: Theme.unit * 1.25
                radius: height / 2
                color: index === dots.current ? Theme.accent : Theme.mutedText

                Behavior on width {
                    enabled: !Theme.reducedMotion
                    NumberAnimation { duration: Theme.transitionMs }
                }
            }
        }
    }
}
