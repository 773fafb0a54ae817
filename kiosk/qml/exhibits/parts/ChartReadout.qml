pragma ComponentBehavior: Bound

import QtQuick
import Kiosk

// The box a tap on a chart opens: every value of one category (also those the chart had no room
// to write), centred over the category and kept between `minX` and `maxX`.
Rectangle {
    id: readout

    required property var categories
    required property var series
    required property int picked
    required property real centre
    required property real minX
    required property real maxX

    objectName: "readout"
    x: Math.max(readout.minX, Math.min(readout.maxX - width, readout.centre - width / 2))
    z: 2
    width: readoutLines.width + Theme.unit * 4
    height: readoutLines.height + Theme.unit * 3
    radius: Theme.radius
    visible: readout.picked >= 0
    color: Theme.surface
    border.width: Theme.highContrast ? Theme.borderWidth : 1
    border.color: Theme.highContrast ? Theme.borderColor : Theme.surfaceRaised

    Column {
        id: readoutLines

        anchors.centerIn: parent
        spacing: Theme.unit / 2

        Text {
            text: readout.picked >= 0 ? readout.categories[readout.picked] : ""
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }

        Repeater {
            model: readout.picked >= 0 ? readout.series : []

            Text {
                required property var modelData

                text: (readout.series.length > 1 ? (modelData.name ?? "") + "  " : "")
                      + modelData.valueTexts[readout.picked]
                textFormat: Text.PlainText
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
                font.features: { "tnum": 1 }
            }
        }
    }
}
