pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Cards in even columns; every card in the grid takes the height of the tallest one,
// so rows line up whatever the length of their titles in any language.
Grid {
    id: root

    property alias model: repeater.model
    property alias delegate: repeater.delegate
    property int minimumCardWidth: Math.round(420 * Theme.scale)
    property int maximumColumns: 4
    readonly property int count: repeater.count
    property real tallest: 0

    function measure() {
        let height = 0;
        for (let i = 0; i < repeater.count; ++i) {
            const card = repeater.itemAt(i);
            if (card)
                height = Math.max(height, card.implicitHeight);
        }
        root.tallest = height;
    }

    function cardAt(row: int): Item {
        return repeater.itemAt(row);
    }

    columns: Math.max(1, Math.min(root.maximumColumns,
                                  Math.floor((root.width + root.columnSpacing)
                                             / (root.minimumCardWidth + root.columnSpacing))))
    columnSpacing: Theme.unit * 4
    rowSpacing: Theme.unit * 4

    Repeater {
        id: repeater

        onItemAdded: (index, item) => {
            item.width = Qt.binding(() => (root.width - (root.columns - 1) * root.columnSpacing)
                                          / root.columns);
            item.height = Qt.binding(() => root.tallest);
            item.implicitHeightChanged.connect(() => Qt.callLater(root.measure));
            Qt.callLater(root.measure);
        }
        onItemRemoved: Qt.callLater(root.measure)
    }
}
