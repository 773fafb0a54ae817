import QtQuick
import Kiosk

// One of the kiosk's line icons, drawn crisply at the size it is shown.
// Arrows point the way of reading: "back" points to where the visitor came from (left in
// English, right in Arabic), "arrow" and "next" point onwards (right in English, left in Arabic).
Image {
    id: root

    property string name: "article"
    property int size: 32
    readonly property bool onwards: root.name === "next"

    width: root.size
    height: root.size
    source: Qt.resolvedUrl("icons/" + (root.onwards ? "back" : root.name) + ".svg")
    sourceSize.width: root.size
    sourceSize.height: root.size
    fillMode: Image.PreserveAspectFit
    mirror: root.onwards ? !Theme.rightToLeft
                         : Theme.rightToLeft && (root.name === "back" || root.name === "arrow")
    smooth: true
}
