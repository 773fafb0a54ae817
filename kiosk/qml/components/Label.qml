import QtQuick
import Kiosk

// Text in the visitor's language and the exhibition's type: wraps, never smaller than smallSize.
Text {
    color: Theme.text
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodySize
    wrapMode: Text.Wrap
    lineHeight: 1.15
    textFormat: Text.PlainText
}
