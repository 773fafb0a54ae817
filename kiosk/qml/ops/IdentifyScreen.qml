import QtQuick
import Kiosk

// `kiosk ctl identify`: this screen's name, large, over everything, for finding the screen in a
// hall. Python puts it over the window's content and hides it again after a while. It takes no
// touches: visitors go on using the screen underneath.
Item {
    id: root

    property string screenName: ""

    objectName: "identifyScreen"
    anchors.fill: parent
    z: 2000
    visible: false

    Rectangle {
        id: band

        objectName: "identifyBand"
        anchors.verticalCenter: parent.verticalCenter
        width: parent.width
        height: Math.round(parent.height * 0.4)
        color: "#000000"
        border.color: "#ffd400"
        border.width: Math.max(4, Math.round(parent.height / 120))

        Text {
            objectName: "identifyName"
            anchors.fill: parent
            anchors.margins: band.border.width * 4
            text: root.screenName
            textFormat: Text.PlainText
            color: "#ffffff"
            font.family: Theme.fontFamily
            font.bold: true
            font.pixelSize: Math.round(band.height * 0.6)
            fontSizeMode: Text.Fit
            minimumPixelSize: 16
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
        }
    }
}
