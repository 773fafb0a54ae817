pragma ComponentBehavior: Bound

import QtQuick
import Kiosk

// The exhibit's title with its one-line summary; `compact` sets both smaller, for a short view
// (reach mode, large text) where the exhibit itself needs the room.
Column {
    id: heading

    property string title: ""
    property string summary: ""
    property bool compact: false

    spacing: Theme.unit

    Text {
        width: heading.width
        text: heading.title
        textFormat: Text.PlainText
        color: Theme.text
        wrapMode: Text.Wrap
        font.family: Theme.fontFamily
        font.pixelSize: heading.compact ? Theme.headingSize : Theme.titleSize
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
    }

    Text {
        width: heading.width
        visible: heading.summary.length > 0
        text: heading.summary
        textFormat: Text.PlainText
        color: Theme.mutedText
        wrapMode: Text.Wrap
        font.family: Theme.fontFamily
        font.pixelSize: heading.compact ? Theme.smallSize : Theme.bodySize
    }
}
