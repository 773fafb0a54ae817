pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"

// A quotation set large, with who said it and, if there is one, their portrait.
Item {
    id: root

    required property var exhibit
    readonly property bool hasImage: (root.exhibit.image ?? "") !== ""
    readonly property bool isLong: (root.exhibit.text ?? "").length > 140

    signal openExhibit(string exhibitId)

    Image {
        id: portrait

        x: Theme.margin * 2
        anchors.verticalCenter: parent.verticalCenter
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
            border.width: Math.max(2, Theme.unit / 4)
            border.color: Qt.rgba(1, 1, 1, 0.14)
        }
    }

    Column {
        id: quote

        readonly property real start: root.hasImage ? portrait.x + portrait.width + Theme.margin * 2
                                                    : Theme.margin * 2

        width: Math.min(root.width - start - Theme.margin * 2, Theme.titleSize * 20)
        x: root.hasImage ? start : (root.width - width) / 2
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.unit * 3

        Icon {
            name: "quote"
            size: Math.round(Theme.displaySize * 0.75)
            color: Theme.accent
            Accessible.ignored: true
        }

        Text {
            width: parent.width
            text: root.exhibit.text
            color: Theme.text
            wrapMode: Text.Wrap
            lineHeight: 1.1
            font.family: Theme.fontFamily
            font.pixelSize: root.isLong ? Theme.headingSize : Math.round(Theme.titleSize * 0.9)
            font.weight: Font.Light
        }

        Rectangle {
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
                color: Theme.mutedText
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
            }
        }
    }
}
