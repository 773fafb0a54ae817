pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// One floor: a panel in the floor's colour with its number and story, then its sections.
// On a wide screen with standard text the panel stands beside the sections; in portrait,
// with large text or in reach mode it becomes a band that scrolls away above them.
Item {
    id: root

    required property string floorId
    readonly property var floor: (Navigator.floorData(root.floorId) as PlaceData).fields
    readonly property bool portrait: root.height > root.width
    // beside the sections only while the whole story fits in the panel
    readonly property bool sideBySide: !root.portrait && !Theme.reach && Theme.textScale < 1.25
                                       && sideHero.implicitHeight <= sideHero.height
    readonly property real topInset: Theme.reach ? Theme.reachTop : Theme.headerHeight
    readonly property real bottomInset: Theme.reach ? Theme.headerHeight : 0
    readonly property color fill: Theme.fill(root.floor.colour ?? "", Theme.contrastTarget)

    FloorHero {
        id: sideHero

        anchors.left: parent.left  // an anchor, unlike x, follows the mirrored layout
        y: root.topInset
        width: Math.round(root.width * 0.32)
        height: root.height - root.topInset - root.bottomInset
        visible: root.sideBySide
        numberAbove: true
    }

    Flickable {
        id: scroller

        anchors.left: root.sideBySide ? sideHero.right : root.left
        anchors.right: root.right
        y: root.topInset
        height: root.height - root.topInset - root.bottomInset
        contentWidth: width
        contentHeight: page.height - Theme.margin + hint.room  // the last row's margin grows to the fade
        clip: true
        boundsBehavior: Flickable.DragOverBounds
        flickableDirection: Flickable.VerticalFlick

        Column {
            id: page

            width: scroller.width

            FloorHero {
                width: page.width
                height: implicitHeight
                visible: !root.sideBySide
                numberAbove: false
            }

            Item {
                width: page.width
                height: sections.height + Theme.margin * 2

                CardGrid {
                    id: sections

                    x: Theme.margin
                    y: Theme.margin
                    width: parent.width - 2 * Theme.margin
                    maximumColumns: 2
                    minimumCardWidth: Math.round(380 * Theme.scale * Theme.textScale)
                    model: Navigator.sectionsOf(root.floorId)
                    delegate: SectionCard {}
                }
            }
        }
    }

    ScrollHint {
        id: hint

        flickable: scroller
    }

    // The floor's number, kind, title and story on its colour; beside the sections it also
    // shows the floor's cover picture under the words.
    component FloorHero: Rectangle {
        id: hero

        property bool numberAbove: true

        implicitHeight: texts.y + texts.implicitHeight + Theme.margin
        color: root.fill
        clip: true

        Cover {
            id: picture

            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: hero.numberAbove ? Math.max(0, hero.height - texts.y - texts.implicitHeight
                                                   - Theme.margin * 2) : 0
            visible: height > Theme.margin * 3
            source: visible ? (root.floor.cover ?? "") : ""
            tint: hero.color
        }

        Rectangle {
            anchors.left: picture.left
            anchors.right: picture.right
            anchors.top: picture.top
            height: picture.height * 0.5
            visible: picture.visible
            gradient: Gradient {
                GradientStop { position: 0; color: hero.color }
                GradientStop { position: 1; color: Qt.rgba(hero.color.r, hero.color.g, hero.color.b, 0) }
            }
        }

        Label {
            id: numeral

            anchors.left: parent.left
            anchors.top: parent.top
            anchors.leftMargin: Theme.margin
            anchors.topMargin: Theme.margin
            text: root.floor.number ?? ""
            color: Theme.fillText
            font.family: Theme.latinFontFamily
            font.pixelSize: hero.numberAbove ? Theme.displaySize * 1.6 : Theme.displaySize
            font.weight: Font.Black
            lineHeight: 0.9
            wrapMode: Text.NoWrap
        }

        Column {
            id: texts

            anchors.left: hero.numberAbove ? parent.left : numeral.right
            anchors.right: parent.right
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            y: hero.numberAbove ? numeral.y + numeral.height + Theme.unit * 2 : Theme.margin
            spacing: Theme.unit * 2

            Label {
                width: parent.width
                text: (root.floor.kindLabel ?? "").toUpperCase()
                color: Theme.fillText
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
                font.letterSpacing: Theme.language === "zh" ? 0 : 2
            }

            Label {
                width: parent.width
                text: root.floor.title ?? ""
                color: Theme.fillText
                font.pixelSize: Theme.titleSize * 0.8
                font.weight: Font.Bold
                lineHeight: 1.05
            }

            Label {
                width: parent.width
                visible: text.length > 0
                text: root.floor.summary ?? ""
                color: Theme.fillText
                font.pixelSize: Theme.bodySize
            }
        }
    }
}
