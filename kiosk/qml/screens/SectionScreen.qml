pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// One section: its title and introduction, then its exhibits as cards. With large text the
// cards take fewer columns and grow; in reach mode the page fills the lower part only.
Item {
    id: root

    required property string sectionId
    readonly property var section: (Navigator.sectionData(root.sectionId) as PlaceData).fields

    Flickable {
        id: scroller

        anchors.fill: parent
        anchors.topMargin: Theme.reach ? Theme.reachTop : Theme.headerHeight
        anchors.bottomMargin: Theme.reach ? Theme.headerHeight : 0
        contentWidth: width
        contentHeight: page.y + page.implicitHeight + hint.room
        clip: true
        boundsBehavior: Flickable.DragOverBounds
        flickableDirection: Flickable.VerticalFlick

        Column {
            id: page

            x: Theme.margin
            y: Theme.margin
            width: scroller.width - 2 * Theme.margin
            spacing: Theme.margin

            Row {
                width: parent.width
                spacing: Theme.margin * 0.6

                Rectangle {
                    width: Math.max(6, Theme.unit)
                    height: intro.height
                    radius: width / 2
                    color: Theme.fill(root.section.colour ?? "", Theme.contrastTarget)
                }

                Column {
                    id: intro

                    width: parent.width - Theme.margin
                    spacing: Theme.unit * 1.5

                    Label {
                        width: Math.min(parent.width, Math.round(1400 * Theme.scale))
                        x: Theme.rightToLeft ? parent.width - width : 0
                        text: root.section.title ?? ""
                        font.pixelSize: Theme.titleSize * 0.85
                        font.weight: Font.Bold
                        lineHeight: 1.05
                    }

                    Label {
                        width: Math.min(parent.width, Math.round(1300 * Theme.scale))
                        x: Theme.rightToLeft ? parent.width - width : 0
                        visible: text.length > 0
                        text: root.section.summary ?? ""
                        color: Theme.mutedText
                        font.pixelSize: Theme.bodySize
                    }
                }
            }

            CardGrid {
                width: parent.width
                maximumColumns: 4
                minimumCardWidth: Math.round(400 * Theme.scale * Math.sqrt(Theme.textScale))
                model: Navigator.exhibitsOf(root.sectionId)
                delegate: ExhibitCard {}
            }
        }
    }

    ScrollHint {
        id: hint

        flickable: scroller
    }
}
