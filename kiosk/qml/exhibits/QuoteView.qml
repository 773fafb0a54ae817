pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"

// A quotation set large between the language's quotation marks, with who said it and, if there is one, their portrait. A long quote
// in large text scrolls (swipe, or Up, Down, Page Up, Page Down once focused).
Item {
    id: root

    required property var exhibit
    readonly property bool hasImage: (root.exhibit.image ?? "") !== ""
    readonly property bool isLong: (root.exhibit.text ?? "").length > 140

    signal openExhibit(string exhibitId)

    ReadingArea {
        id: page

        anchors.fill: parent
        contentHeight: Math.max(page.height, quote.height + Theme.margin * 2)
        accessibleName: root.exhibit.title

        Image {
            id: portrait

            x: Theme.rightToLeft ? root.width - width - Theme.margin * 2 : Theme.margin * 2
            y: Math.round((page.height - height) / 2)
            width: root.hasImage ? Math.round(root.width * 0.3) : 0
            height: Math.round(root.height * 0.72)
            visible: root.hasImage
            source: root.exhibit.image ?? ""
            sourceSize: Qt.size(Math.max(1, width), Math.max(1, height))
            fillMode: Image.PreserveAspectCrop
            asynchronous: true

            Rectangle {
                anchors.fill: parent
                color: "transparent"
                border.width: Math.max(2, Theme.borderWidth)
                border.color: Theme.borderColor
            }
        }

        Column {
            id: quote

            readonly property real start: root.hasImage ? portrait.width + Theme.margin * 4
                                                        : Theme.margin * 2

            width: Math.min(root.width - start - Theme.margin * 2, Theme.titleSize * 20)
            x: !root.hasImage ? (root.width - width) / 2
                              : (Theme.rightToLeft ? root.width - start - width : start)
            y: Math.max(Theme.margin, Math.round((page.contentHeight - height) / 2))
            spacing: Theme.unit * 3

            // the words come between the language's own quotation marks (“” in English and
            // Simplified Chinese, 「」 in Japanese and Traditional Chinese, « » in French)
            Text {
                objectName: "quoteText"
                width: parent.width
                text: root.exhibit.text
                textFormat: Text.PlainText
                color: Theme.text
                wrapMode: Text.Wrap
                lineHeight: 1.1
                font.family: Theme.fontFamily
                font.pixelSize: root.isLong ? Theme.headingSize : Math.round(Theme.titleSize * 0.9)
                font.weight: Font.Light
            }

            Rectangle {
                x: Theme.rightToLeft ? parent.width - width : 0
                width: Theme.unit * 8
                height: Math.max(3, Theme.unit / 2)
                radius: height / 2
                color: Theme.accent
            }

            Column {
                width: parent.width
                spacing: Theme.unit

                Text {
                    width: parent.width
                    text: root.exhibit.author
                    textFormat: Text.PlainText
                    color: Theme.text
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(Theme.headingSize * 0.8)
                    font.weight: Font.DemiBold
                }

                Text {
                    width: parent.width
                    visible: text.length > 0
                    text: root.exhibit.role ?? ""
                    textFormat: Text.PlainText
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                }
            }
        }
    }
}
