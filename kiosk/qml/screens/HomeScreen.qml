pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// The exhibition's title and its floors as large tiles, one per floor in the building's order.
Item {
    id: root

    readonly property bool portrait: root.height > root.width

    Column {
        id: heading

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.topMargin: Theme.headerRowHeight + Theme.margin * 0.75
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
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

        function measure(): void {
            let tallest = 0;
            for (let i = 0; i < tileRepeater.count; ++i) {
                const tile = tileRepeater.itemAt(i) as FloorTile;
                if (tile)
                    tallest = Math.max(tallest, tile.bandNeeded);
            }
            tiles.bandHeight = tallest;
        }

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: heading.bottom
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        anchors.topMargin: Theme.margin * 0.75
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
                height: root.portrait ? (tiles.height - (tiles.count - 1) * tiles.spacing) / tiles.count
                                      : tiles.height
            }
        }
    }
}
