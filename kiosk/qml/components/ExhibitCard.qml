import QtQuick
import Kiosk

// An exhibit in a section: cover, a chip with its kind (Film, Map, Timeline...), title, summary.
Tappable {
    id: root

    required property string cardId
    required property string title
    required property string summary
    required property string cover
    required property string coverAlt
    required property string colour
    required property string kind
    required property string kindLabel

    implicitHeight: frame.implicitHeight
    // "Film: The Port Today"; a title that already names its kind is read once
    accessibleName: root.title.startsWith(root.kindLabel) ? root.title : root.kindLabel + ": " + root.title
    onTapped: Navigator.openExhibit(root.cardId)

    Rectangle {
        id: frame

        anchors.fill: parent
        implicitHeight: picture.height + texts.implicitHeight + Theme.margin
        radius: Theme.radius
        color: root.pressed ? Theme.surfaceRaised : Theme.surface
        border.width: Theme.highContrast ? Theme.borderWidth : 0
        border.color: Theme.borderColor
        clip: true

        Cover {
            id: picture

            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: Math.round(root.width * 0.56)
            source: root.cover
            alt: root.coverAlt
            tint: root.colour
        }

        Rectangle {
            anchors.left: parent.left
            anchors.bottom: picture.bottom
            anchors.margins: Theme.unit * 2
            width: chip.implicitWidth + Theme.unit * 3
            height: Math.max(Theme.smallSize * 1.8, chip.implicitHeight + Theme.unit)
            radius: height / 2
            color: Theme.fill(root.colour, Theme.contrastTarget)

            Row {
                id: chip

                anchors.centerIn: parent
                spacing: Theme.unit

                Icon {
                    anchors.verticalCenter: parent.verticalCenter
                    name: root.kind
                    size: Theme.smallSize
                }

                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: root.kindLabel
                    color: Theme.fillText
                    font.pixelSize: Theme.smallSize
                    font.weight: Font.DemiBold
                    wrapMode: Text.NoWrap
                }
            }
        }

        Column {
            id: texts

            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: picture.bottom
            anchors.margins: Theme.margin * 0.5
            spacing: Theme.unit

            Label {
                width: parent.width
                text: root.title
                font.pixelSize: Theme.bodySize * 1.1
                font.weight: Font.Bold
            }

            Label {
                width: parent.width
                visible: root.summary.length > 0
                text: root.summary
                color: Theme.mutedText
                font.pixelSize: Theme.smallSize
            }
        }
    }
}
