import QtQuick
import Kiosk

// A floor on the home screen: its cover above a band in the floor's colour holding a large
// floor number, the title, one line on what it holds and how many themes it has.
Tappable {
    id: root

    required property string cardId
    required property string title
    required property string summary
    required property string cover
    required property string colour
    required property int number
    required property string kindLabel
    required property string detail
    // the band height the tile would like; the home screen gives every tile the tallest
    readonly property real bandNeeded: Math.max(texts.implicitHeight + texts.anchors.topMargin,
                                                numeral.implicitHeight + numeral.anchors.topMargin)
                                       + Theme.margin * 0.6
    property real bandHeight: root.bandNeeded
    // the floor's colour, dark enough for white words at the mode's contrast
    readonly property color fill: Theme.fill(root.colour, Theme.contrastTarget)

    accessibleName: root.kindLabel + " " + root.title
    onTapped: Navigator.openFloor(root.cardId)

    Rectangle {
        id: frame

        anchors.fill: parent
        color: root.fill
        clip: true

        Cover {
            id: picture

            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.bottom: band.top
            source: root.cover
            tint: root.fill
        }

        Rectangle {
            anchors.fill: picture
            color: "black"
            opacity: root.pressed ? 0.25 : 0
        }

        Rectangle {
            id: band

            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: root.bandHeight
            color: root.pressed ? Qt.darker(root.fill, 1.2) : root.fill

            Column {
                id: numeral

                anchors.left: parent.left
                anchors.top: parent.top
                anchors.leftMargin: Theme.margin * 0.6
                anchors.topMargin: Theme.margin * 0.6
                spacing: 0

                Label {
                    text: Navigator.words.floor_word.toUpperCase()
                    color: Theme.fillText
                    font.pixelSize: Theme.smallSize
                    font.weight: Font.DemiBold
                    font.letterSpacing: Theme.language === "zh" ? 0 : 2
                    wrapMode: Text.NoWrap
                }

                Label {
                    text: root.number
                    color: Theme.fillText
                    font.family: Theme.latinFontFamily
                    font.pixelSize: Theme.displaySize
                    font.weight: Font.Black
                    lineHeight: 0.95
                    wrapMode: Text.NoWrap
                }
            }

            Column {
                id: texts

                anchors.left: numeral.right
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.leftMargin: Theme.margin * 0.6
                anchors.rightMargin: Theme.margin * 0.6
                anchors.topMargin: Theme.margin * 0.6 + Theme.smallSize * 1.15
                spacing: Theme.unit

                Label {
                    width: parent.width
                    text: root.title
                    color: Theme.fillText
                    font.pixelSize: Theme.headingSize
                    font.weight: Font.Bold
                    lineHeight: 1.05
                }

                Label {
                    width: parent.width
                    visible: root.summary.length > 0
                    text: root.summary
                    color: Theme.fillText
                    font.pixelSize: Theme.smallSize
                }

                Row {
                    spacing: Theme.unit
                    topPadding: Theme.unit

                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        text: root.detail
                        color: Theme.fillText
                        font.pixelSize: Theme.smallSize
                        font.weight: Font.Bold
                        wrapMode: Text.NoWrap
                    }

                    Icon {
                        anchors.verticalCenter: parent.verticalCenter
                        name: "arrow"
                        size: Theme.smallSize
                    }
                }
            }
        }
    }
}
