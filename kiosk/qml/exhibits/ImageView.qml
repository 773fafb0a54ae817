pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"

// One picture to look at closely: pinch, double-tap or the buttons to zoom; drag to move.
// Keys: + and - zoom anywhere in the view; the arrows move around the zoomed picture.
Item {
    id: root

    required property var exhibit
    readonly property alias zoom: zoomArea.zoomLevel

    signal openExhibit(string exhibitId)

    function zoomIn() {
        zoomArea.zoomIn();
    }

    // + and - zoom wherever the focus is in this view
    function keyZoom(direction: int): bool {
        return zoomArea.keyZoom(direction);
    }

    ExhibitTitle {
        id: heading

        x: Theme.margin
        y: Theme.margin / 2
        width: root.width - Theme.margin * 2
        compact: root.height < Theme.titleSize * 9
        title: root.exhibit.title
    }

    // in the high-contrast mode what the picture shows is written beside it (not under it, where
    // larger text and the lower controls would leave the picture no room)
    readonly property bool described: Theme.highContrast && (root.exhibit.alt ?? "").length > 0

    Rectangle {
        id: stage

        x: Theme.margin
        y: heading.y + heading.height + Theme.unit * 3
        // the words beside it get more room when the text is larger
        width: (root.width - Theme.margin * 2) * (root.described ? (Theme.textScale > 1.2 ? 0.5 : 0.64) : 1)
        height: footer.y - y - Theme.unit * 3
        radius: Theme.radius
        color: Qt.darker(Theme.background, 1.25)

        ZoomArea {
            id: zoomArea

            anchors.fill: parent
            anchors.margins: Theme.unit
            objectName: "zoomArea"
            // what the picture shows; its title where nobody wrote that
            accessibleName: (root.exhibit.alt ?? "") || root.exhibit.title
            source: root.exhibit.image
        }
    }

    AltText {
        x: stage.x + stage.width + Theme.margin
        y: stage.y
        width: root.width - x - Theme.margin
        text: root.described ? root.exhibit.alt : ""
    }

    Item {
        id: footer

        x: Theme.margin
        y: root.height - height - Theme.margin / 2
        width: root.width - Theme.margin * 2
        height: Math.max(controls.height, caption.height)

        Caption {
            id: caption

            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(parent.width - controls.width - Theme.margin, Theme.bodySize * 40)
            text: root.exhibit.caption ?? ""
            credit: root.exhibit.credit ?? ""
        }

        Row {
            id: controls

            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.unit * 2

            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: root.exhibit.labels.pinch_hint
                textFormat: Text.PlainText
                color: Theme.mutedText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                // (with the picture's words beside it, the buttons say enough)
                visible: !zoomArea.zoomed && !root.described
            }

            TouchButton {
                objectName: "zoomOut"
                icon: "minus"
                label: root.exhibit.labels.zoom_out
                enabled: zoomArea.zoomed
                onClicked: zoomArea.zoomOut()
            }

            TouchButton {
                objectName: "zoomIn"
                icon: "plus"
                label: root.exhibit.labels.zoom_in
                enabled: zoomArea.zoomLevel < zoomArea.maxZoom - 0.01
                onClicked: zoomArea.zoomIn()
            }

            TouchButton {
                objectName: "resetZoom"
                icon: "fit"
                label: root.exhibit.labels.reset_zoom
                showLabel: true
                visible: zoomArea.zoomed
                onClicked: zoomArea.reset()
            }
        }
    }
}
