pragma ComponentBehavior: Bound

import QtQuick
import Kiosk

// A picture's caption, with its credit line underneath in quieter type (italic in Latin,
// Greek and Cyrillic only), and in the high-contrast mode what the picture shows (its alt text).
Column {
    id: caption

    property string text: ""
    property string credit: ""
    property string alt: ""

    spacing: Theme.unit / 2
    visible: text.length > 0 || credit.length > 0 || altText.shown

    AltText {
        id: altText

        width: caption.width
        text: caption.alt
    }

    Text {
        width: caption.width
        visible: caption.text.length > 0
        text: caption.text
        textFormat: Text.PlainText
        color: Theme.text
        wrapMode: Text.Wrap
        lineHeight: 1.25
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
    }

    Text {
        width: caption.width
        visible: caption.credit.length > 0
        text: caption.credit
        textFormat: Text.PlainText
        color: Theme.mutedText
        wrapMode: Text.Wrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        // only Latin, Greek and Cyrillic have true italics; other scripts stay upright
        font.italic: Theme.italicFor(caption.credit)
    }
}
