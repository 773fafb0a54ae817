import QtQuick
import Kiosk

// What a picture shows, written out beside it in the high-contrast mode for visitors who see the
// picture poorly; nothing (no height) in the other modes and when the picture has no alt text.
Rectangle {
    id: root

    property string text: ""
    readonly property bool shown: Theme.highContrast && root.text.length > 0

    objectName: "altText"
    visible: root.shown
    implicitHeight: root.shown ? words.implicitHeight + Theme.unit * 2 : 0
    radius: Theme.radius / 2
    color: Theme.background
    border.width: Theme.borderWidth
    border.color: Theme.borderColor

    Text {
        id: words

        x: Theme.unit * 1.5
        y: Theme.unit
        width: root.width - Theme.unit * 3
        text: root.text
        textFormat: Text.PlainText
        color: Theme.text
        wrapMode: Text.Wrap
        lineHeight: 1.2
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        // the picture itself carries these words for screen readers
        Accessible.ignored: true
    }
}
