pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"

// Text to read: a comfortable column with the title, paragraphs and an optional picture.
// Keys scroll it (Up, Down, Page Up, Page Down) once Tab or an arrow has reached it.
Item {
    id: root

    required property var exhibit
    readonly property bool hasImage: (root.exhibit.image ?? "") !== ""
    // on a tall screen the picture goes under the text instead of beside it
    readonly property bool sideBySide: root.hasImage && root.width > root.height
    readonly property real columnWidth: Math.min(Theme.bodySize * 26,
                                                 root.sideBySide ? (root.width - Theme.margin * 3) * 0.5
                                                                 : root.width - Theme.margin * 2)

    signal openExhibit(string exhibitId)

    ReadingArea {
        id: reader

        x: !root.sideBySide ? (root.width - width) / 2
                            : (Theme.rightToLeft ? root.width - width - Theme.margin * 1.5 : Theme.margin * 1.5)
        y: 0
        width: root.columnWidth
        height: root.hasImage && !root.sideBySide ? root.height * 0.6 : root.height
        // room at the end as tall as the fade, so that the last line is never under it
        contentHeight: article.y + article.height + fade.height
        accessibleName: root.exhibit.title

        Column {
            id: article

            x: reader.inset
            y: Theme.margin
            width: reader.width - 2 * reader.inset
            spacing: Theme.bodySize

            ExhibitTitle {
                width: parent.width
                title: root.exhibit.title
                summary: root.exhibit.summary
            }

            Rectangle {
                x: Theme.rightToLeft ? parent.width - width : 0
                width: Theme.unit * 8
                height: Math.max(3, Theme.unit / 2)
                radius: height / 2
                color: Theme.accent
            }

            Repeater {
                model: root.exhibit.paragraphs

                Text {
                    required property string modelData
                    required property int index

                    width: article.width
                    text: modelData
                    textFormat: Text.PlainText
                    color: Theme.text
                    wrapMode: Text.Wrap
                    lineHeight: 1.5
                    font.family: Theme.fontFamily
                    font.pixelSize: index === 0 ? Math.round(Theme.bodySize * 1.12) : Theme.bodySize
                }
            }
        }
    }

    // A soft fade tells the visitor there is more text below.
    Rectangle {
        id: fade

        objectName: "scrollFade"
        x: reader.x
        width: reader.width
        height: Theme.margin * 2
        y: reader.y + reader.height - height
        visible: reader.scrollable && !reader.flickable.atYEnd
        gradient: Gradient {
            GradientStop { position: 0; color: "transparent" }
            GradientStop { position: 1; color: Theme.background }
        }
    }

    Rectangle {
        x: Theme.rightToLeft ? reader.x - Theme.unit * 2 - width : reader.x + reader.width + Theme.unit * 2
        y: reader.flickable.visibleArea.yPosition * reader.height
        width: Math.max(3, Theme.unit / 2)
        height: reader.flickable.visibleArea.heightRatio * reader.height
        radius: width / 2
        color: Theme.mutedText
        opacity: reader.flickable.moving ? 0.9 : 0.45
        visible: reader.scrollable
    }

    Item {
        id: figure

        visible: root.hasImage
        x: !root.sideBySide ? Theme.margin
                             : (Theme.rightToLeft ? Theme.margin * 1.5 : reader.x + reader.width + Theme.margin * 1.5)
        y: root.sideBySide ? Theme.margin : reader.y + reader.height + Theme.unit * 2
        width: root.sideBySide ? root.width - reader.width - Theme.margin * 4.5 : root.width - Theme.margin * 2
        height: root.sideBySide ? root.height - Theme.margin * 2 : root.height - y - Theme.margin

        Image {
            id: picture

            width: parent.width
            height: parent.height - (caption.visible ? Theme.smallSize * 5 : 0)
            source: root.exhibit.image ?? ""
            sourceSize: Qt.size(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)))
            fillMode: Image.PreserveAspectFit
            verticalAlignment: Image.AlignTop
            asynchronous: true
        }

        Caption {
            id: caption

            x: picture.x + (picture.width - picture.paintedWidth) / 2
            y: picture.paintedHeight + Theme.unit * 2
            width: picture.paintedWidth
            text: root.exhibit.caption ?? ""
        }
    }
}
