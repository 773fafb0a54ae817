pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// The exhibition's title and its floors as large tiles, one per floor in the building's order.
// The tiles share the screen; when their words need more room (large text, reach mode) they
// keep their full height and the page scrolls. In reach mode the title waits in the calm top
// part of the window (Main.qml), and the tiles fill the reachable part.
Item {
    id: root

    readonly property bool portrait: root.height > root.width
    readonly property real topInset: Theme.reach ? Theme.reachTop : Theme.headerRowHeight
    readonly property real bottomInset: Theme.reach ? Theme.headerRowHeight : 0

    Flickable {
        id: scroller

        anchors.fill: parent
        anchors.topMargin: root.topInset
        anchors.bottomMargin: root.bottomInset
        contentWidth: width
        contentHeight: page.height
        clip: true
        interactive: contentHeight > height + 1
        boundsBehavior: Flickable.DragOverBounds
        flickableDirection: Flickable.VerticalFlick

        Item {
            id: page

            width: scroller.width
            // the tiles fill the screen; when they need more, the page ends with room for the fade
            height: tiles.implicitHeight > tiles.room + 1 ? tiles.y + tiles.implicitHeight + hint.room
                                                          : scroller.height

            Column {
                id: heading

                x: Theme.margin
                y: Theme.margin * 0.75
                width: page.width - 2 * Theme.margin
                visible: !Theme.reach
                spacing: Theme.unit * 1.5

                Label {
                    width: parent.width
                    text: Navigator.title
                    font.pixelSize: Theme.titleSize
                    font.weight: Font.Bold
                    lineHeight: 1.05
                }

                Label {
                    width: parent.width
                    visible: Navigator.subtitle.length > 0
                    text: Navigator.subtitle
                    color: Theme.mutedText
                    font.pixelSize: Theme.headingSize * 0.8
                }
            }

            Grid {
                id: tiles

                readonly property int count: Math.max(1, Navigator.floors.count)
                property real bandHeight: 0
                // the room the screen gives the tiles; each tile is at least as tall as its words
                readonly property real room: scroller.height - tiles.y - Theme.margin
                readonly property real tileHeight: root.portrait
                    ? (tiles.room - (tiles.count - 1) * tiles.spacing) / tiles.count
                    : tiles.room

                function measure(): void {
                    let tallest = 0;
                    for (let i = 0; i < tileRepeater.count; ++i) {
                        const tile = tileRepeater.itemAt(i) as FloorTile;
                        if (tile)
                            tallest = Math.max(tallest, tile.bandNeeded);
                    }
                    tiles.bandHeight = tallest;
                }

                x: Theme.margin
                y: heading.visible ? heading.y + heading.height + Theme.margin * 0.75 : Theme.margin
                width: page.width - 2 * Theme.margin
                columns: root.portrait ? 1 : tiles.count
                spacing: Theme.unit * 4

                Repeater {
                    id: tileRepeater

                    model: Navigator.floors

                    FloorTile {
                        bandHeight: root.portrait ? bandNeeded : Math.max(bandNeeded, tiles.bandHeight)
                        onBandNeededChanged: Qt.callLater(tiles.measure)
                        Component.onCompleted: Qt.callLater(tiles.measure)
                        width: root.portrait ? tiles.width
                                             : (tiles.width - (tiles.count - 1) * tiles.spacing) / tiles.count
                        height: Math.max(tiles.tileHeight, bandHeight)
                    }
                }
            }
        }
    }

    ScrollHint {
        id: hint

        flickable: scroller
    }
}
