import QtQuick
import Kiosk

// A cover picture that fills its box (cropped, decoded at the box's size) and fades in.
// Without a picture, or while it loads, the box shows a calm tint of the given colour.
// Without `fadeIn` the picture is shown at once when it is ready. `alt` says what it shows.
Rectangle {
    id: root

    property string source: ""
    property string alt: ""
    property color tint: Theme.surface
    property bool fadeIn: true

    color: Qt.darker(root.tint, 1.6)
    clip: true
    Accessible.role: Accessible.Graphic
    Accessible.name: root.alt
    Accessible.ignored: root.alt.length === 0

    Image {
        id: picture

        anchors.fill: parent
        source: root.source
        sourceSize.width: Math.ceil(root.width)
        sourceSize.height: Math.ceil(root.height)
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
        cache: true
        opacity: picture.status === Image.Ready ? 1 : 0

        Behavior on opacity {
            enabled: root.fadeIn

            NumberAnimation { duration: Theme.reducedMotion ? 0 : 300 }
        }
    }
}
