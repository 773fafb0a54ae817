import QtQuick
import Kiosk

// One of the kiosk's line icons, drawn crisply at the size it is shown.
Image {
    id: root

    property string name: "article"
    property int size: 32

    width: root.size
    height: root.size
    source: Qt.resolvedUrl("icons/" + root.name + ".svg")
    sourceSize.width: root.size
    sourceSize.height: root.size
    fillMode: Image.PreserveAspectFit
    // arrows point the way of reading: flipped for right-to-left languages
    mirror: Theme.rightToLeft && (root.name === "back" || root.name === "arrow")
    smooth: true
}
