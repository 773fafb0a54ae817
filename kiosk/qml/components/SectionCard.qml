import QtQuick
import Kiosk

// A section of a floor: cover, number, title and one line on what it holds.
Tappable {
    id: root

    required property string cardId
    required property string title
    required property string summary
    required property string cover
    required property string colour
    required property int number
    required property string detail

    implicitHeight: frame.implicitHeight
    accessibleName: root.title
    onTapped: Navigator.openSection(root.cardId)

    Rectangle {
        id: frame

        anchors.fill: parent
        implicitHeight: picture.height + texts.implicitHeight + Theme.margin * 1.2
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
            height: Math.round(root.width * 0.42)
            source: root.cover
            tint: root.colour
        }

        Rectangle {
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.margins: Theme.unit * 2
            width: Theme.touchTarget * 0.8
            height: width
            radius: Theme.radius / 2
            color: Theme.fill(root.colour, Theme.contrastTarget)

            Label {
                anchors.centerIn: parent
                text: root.number
                color: Theme.fillText
                font.family: Theme.latinFontFamily
                font.pixelSize: Theme.headingSize * 0.8
                font.weight: Font.Bold
                wrapMode: Text.NoWrap
            }
        }

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: picture.bottom
            height: Math.max(3, Theme.unit / 2)
            color: root.colour
        }

        Column {
            id: texts

            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: picture.bottom
            anchors.margins: Theme.margin * 0.6
            spacing: Theme.unit

            Label {
                width: parent.width
                text: root.title
                font.pixelSize: Theme.headingSize * 0.85
                font.weight: Font.Bold
            }

            Label {
                width: parent.width
                visible: root.summary.length > 0
                text: root.summary
                color: Theme.mutedText
                font.pixelSize: Theme.smallSize
            }

            Label {
                width: parent.width
                text: root.detail
                color: Theme.floorAccent
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
            }
        }
    }
}
