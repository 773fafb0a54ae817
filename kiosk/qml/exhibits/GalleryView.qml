pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"
import "../components" as Components

// Pictures to swipe through, one at a time, with big arrows and "3 / 7" underneath.
// Keys: Tab or an arrow reaches the pictures, then Left and Right turn them (Enter shows the next).
Item {
    id: root

    required property var exhibit
    readonly property alias currentIndex: pictures.currentIndex
    readonly property int count: pictures.count

    signal openExhibit(string exhibitId)

    ExhibitTitle {
        id: heading

        x: Theme.margin
        y: Theme.margin / 2
        width: root.width - Theme.margin * 2
        compact: root.height < Theme.titleSize * 9
        title: root.exhibit.title
    }

    ListView {
        id: pictures

        x: Theme.margin * 2 + Theme.touchTarget
        y: heading.y + heading.height + Theme.unit * 3
        width: root.width - x * 2
        height: footer.y - y - Theme.unit * 2
        keyNavigationEnabled: false
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        preferredHighlightBegin: 0
        preferredHighlightEnd: width
        highlightMoveDuration: Theme.reducedMotion ? 0 : 400
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        cacheBuffer: Math.max(0, Math.round(width))
        // the pictures arrive once the list has its size: laid out at no width, the list
        // would settle on the last picture instead of the first
        model: pictures.width > 0 && pictures.height > 0 ? root.exhibit.items : []

        delegate: Item {
            id: slide

            required property var modelData
            required property int index

            width: pictures.width
            height: pictures.height

            Image {
                id: picture

                objectName: "galleryPicture"
                anchors.fill: parent
                // room for the caption, and in high contrast for what the picture shows
                anchors.bottomMargin: Theme.smallSize * 3 + (altText.shown ? altText.height + Theme.unit * 2 : 0)
                Accessible.role: Accessible.Graphic
                Accessible.name: slide.modelData.alt ?? ""
                source: slide.modelData.image
                sourceSize: Qt.size(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)))
                fillMode: Image.PreserveAspectFit
                asynchronous: true
            }

            Text {
                id: captionText

                x: (slide.width - width) / 2
                y: picture.y + (picture.height + picture.paintedHeight) / 2 + Theme.unit * 2
                width: Math.min(slide.width, Math.max(picture.paintedWidth, Theme.bodySize * 20))
                text: slide.modelData.caption
                textFormat: Text.PlainText
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
            }

            AltText {
                id: altText

                x: captionText.x
                y: captionText.y + (captionText.text.length > 0 ? captionText.height + Theme.unit : 0)
                width: captionText.width
                height: implicitHeight
                text: slide.modelData.alt ?? ""
            }
        }
    }

    // The pictures as one control for keys (the list itself would hand its focus to a picture):
    // Left and Right turn them, Enter shows the next. It lies over the list and lets touches through.
    Item {
        id: turner

        function keyArrow(dx: int, dy: int): bool {
            if (dx === 0)
                return false;
            const forward = Theme.rightToLeft ? dx < 0 : dx > 0;
            if (forward)
                pictures.incrementCurrentIndex();
            else
                pictures.decrementCurrentIndex();
            return true;
        }

        function keyActivate(): void {
            if (pictures.currentIndex < pictures.count - 1)
                pictures.incrementCurrentIndex();
            else
                pictures.currentIndex = 0;
        }

        objectName: "pictures"
        x: pictures.x
        y: pictures.y
        width: pictures.width
        height: pictures.height
        activeFocusOnTab: true
        Accessible.role: Accessible.List
        Accessible.name: root.exhibit.title + ", " + (pictures.currentIndex + 1) + " / " + pictures.count
                         + (pictures.currentIndex >= 0 && pictures.currentIndex < pictures.count
                            ? [root.exhibit.items[pictures.currentIndex].caption,
                               root.exhibit.items[pictures.currentIndex].alt ?? ""]
                              .filter(words => words.length > 0).map(words => ". " + words).join("") : "")
        Accessible.focusable: true

        Components.FocusRing {
            forceInside: true
        }
    }

    TouchButton {
        objectName: "previous"
        anchors.left: parent.left  // on the right in Arabic, where the earlier pictures are
        anchors.leftMargin: Theme.margin
        anchors.verticalCenter: pictures.verticalCenter
        size: Theme.touchTarget * 1.2
        icon: Theme.rightToLeft ? "right" : "left"
        label: root.exhibit.labels.previous
        enabled: pictures.currentIndex > 0
        onClicked: pictures.decrementCurrentIndex()
    }

    TouchButton {
        objectName: "next"
        anchors.right: parent.right
        anchors.rightMargin: Theme.margin
        anchors.verticalCenter: pictures.verticalCenter
        size: Theme.touchTarget * 1.2
        icon: Theme.rightToLeft ? "left" : "right"
        label: root.exhibit.labels.next
        enabled: pictures.currentIndex < pictures.count - 1
        onClicked: pictures.incrementCurrentIndex()
    }

    Item {
        id: footer

        x: Theme.margin
        y: root.height - height - Theme.margin / 2
        width: root.width - Theme.margin * 2
        height: Theme.touchTarget

        PageDots {
            anchors.centerIn: parent
            count: pictures.count
            current: pictures.currentIndex
        }

        Text {
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            text: root.exhibit.labels.swipe_hint
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }
    }
}
