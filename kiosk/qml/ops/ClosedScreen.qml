import QtQuick
import Kiosk

// Outside opening hours: the exhibition's closed slide, or a dark screen. Touches do nothing.
Rectangle {
    id: root

    objectName: "closedScreen"
    color: "black"

    Image {
        anchors.fill: parent
        source: Hours.closedSlide
        visible: Hours.closedSlide.length > 0
        fillMode: Image.PreserveAspectFit
        asynchronous: true
        sourceSize.width: root.width
        sourceSize.height: root.height
    }

    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        hoverEnabled: true
    }
}
