pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// One floor: a panel in the floor's colour with its number and story, then its sections.
Item {
    id: root

    required property string floorId
    readonly property var floor: Navigator.floorData(root.floorId, Navigator.dataVersion)
    readonly property bool portrait: root.height > root.width

    Rectangle {
        id: hero

        x: 0
        y: Theme.headerHeight
        width: root.portrait ? root.width : Math.round(root.width * 0.32)
        height: root.portrait ? heroText.implicitHeight + Theme.margin * 2 : root.height - y
        color: root.floor.colour ?? Theme.floorColor
        clip: true

        Cover {
            id: heroPicture

            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: root.portrait ? 0 : Math.max(0, parent.height - heroText.implicitHeight
                                                      - Theme.margin * 3)
            visible: height > Theme.margin * 3
            source: root.floor.cover ?? ""
            tint: hero.color
        }

        Rectangle {
            anchors.left: heroPicture.left
            anchors.right: heroPicture.right
            anchors.top: heroPicture.top
            height: heroPicture.height * 0.5
            visible: heroPicture.visible
            gradient: Gradient {
                GradientStop { position: 0; color: hero.color }
                GradientStop { position: 1; color: Qt.rgba(hero.color.r, hero.color.g, hero.color.b, 0) }
            }
        }

        Column {
            id: heroText

            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.margin
            spacing: Theme.unit * 2

            Label {
                text: root.floor.number ?? ""
                color: "white"
                font.family: Theme.latinFontFamily
                font.pixelSize: root.portrait ? Theme.displaySize : Theme.displaySize * 1.6
                font.weight: Font.Black
                lineHeight: 0.9
                wrapMode: Text.NoWrap
            }

            Label {
                width: parent.width
                text: (root.floor.kindLabel ?? "").toUpperCase()
                color: "white"
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
                font.letterSpacing: Theme.language === "zh" ? 0 : 2
            }

            Label {
                width: parent.width
                text: root.floor.title ?? ""
                color: "white"
                font.pixelSize: Theme.titleSize * 0.8
                font.weight: Font.Bold
                lineHeight: 1.05
            }

            Label {
                width: parent.width
                visible: text.length > 0
                text: root.floor.summary ?? ""
                color: "white"
                opacity: 0.92
                font.pixelSize: Theme.bodySize
            }
        }
    }

    Flickable {
        id: scroller

        anchors.left: root.portrait ? root.left : hero.right
        anchors.right: root.right
        anchors.top: root.portrait ? hero.bottom : hero.top
        anchors.bottom: root.bottom
        contentWidth: width
        contentHeight: sections.height + Theme.margin * 2
        clip: true
        boundsBehavior: Flickable.DragOverBounds
        flickableDirection: Flickable.VerticalFlick

        CardGrid {
            id: sections

            x: Theme.margin
            y: Theme.margin
            width: scroller.width - 2 * Theme.margin
            maximumColumns: 2
            minimumCardWidth: Math.round(380 * Theme.scale)
            model: Navigator.sectionsOf(root.floorId)
            delegate: SectionCard {}
        }
    }

    ScrollHint {
        flickable: scroller
    }
}
