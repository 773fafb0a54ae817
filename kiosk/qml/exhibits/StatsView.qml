pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"

// Large figures that count up when the exhibit opens, each with its unit and what it measures.
// With large text the page may scroll (swipe, or Up, Down, Page Up, Page Down once focused).
Item {
    id: root

    required property var exhibit
    readonly property int count: root.exhibit.items.length
    readonly property int fitting: Math.max(1, Math.floor((root.width - Theme.margin * 2) / (Theme.bodySize * 13)))
    readonly property int columns: Math.min(fitting, count <= 4 ? count : Math.ceil(count / 2))

    signal openExhibit(string exhibitId)

    ReadingArea {
        id: page

        // the figures stand in the middle of the room left by the title and the note;
        // with large text they may need more than the screen, and the page scrolls
        readonly property real natural: heading.height + Theme.margin * 2 + figures.height + note.height

        anchors.fill: parent
        contentHeight: Math.max(page.height, page.natural + Theme.margin)
        accessibleName: root.exhibit.title

        ExhibitTitle {
            id: heading

            x: Theme.margin
            y: Theme.margin / 2
            width: page.width - Theme.margin * 2
            compact: root.height < Theme.titleSize * 9
            title: root.exhibit.title
            summary: root.exhibit.summary
        }

        Grid {
            id: figures

            readonly property real cellWidth: (page.width - Theme.margin * 2) / root.columns

            x: Theme.margin
            y: heading.y + heading.height + Math.max(Theme.margin, (note.y - heading.y - heading.height - height) / 2)
            columns: root.columns
            rowSpacing: Theme.margin

            Repeater {
                model: root.exhibit.items

                Item {
                    id: figure

                    required property var modelData
                    required property int index
                    // a year appears as it is; other figures count up from zero
                    readonly property bool counts: !Theme.reducedMotion && figure.modelData.countUp !== false
                    property real shown: figure.counts ? 0 : modelData.value
                    readonly property bool done: shown === modelData.value

                    width: figures.cellWidth
                    height: column.height

                    NumberAnimation on shown {
                        running: figure.counts
                        from: 0
                        to: figure.modelData.value
                        duration: 1800 + figure.index * 250
                        easing.type: Easing.OutCubic
                    }

                    Rectangle {
                        x: Theme.rightToLeft ? figure.width - width : 0
                        width: Math.max(2, Theme.unit / 4)
                        height: column.height
                        color: Theme.surfaceRaised
                        visible: figure.index % root.columns !== 0
                    }

                    Column {
                        id: column

                        readonly property real inset: figure.index % root.columns === 0 ? 0 : Theme.margin

                        x: Theme.rightToLeft ? figure.width - width - inset : inset
                        width: figure.width - inset - Theme.margin
                        spacing: Theme.unit

                        Text {
                            width: parent.width
                            text: figure.modelData.prefix
                                  + (figure.done ? figure.modelData.formatted
                                     : figure.modelData.grouping === false
                                       ? Number(figure.shown).toFixed(figure.modelData.decimals)
                                       : Number(figure.shown).toLocaleString(Qt.locale("en_US"), "f", figure.modelData.decimals))
                            textFormat: Text.PlainText
                            color: Theme.text
                            horizontalAlignment: Text.AlignLeft  // mirrored to the right in Arabic
                            fontSizeMode: Text.HorizontalFit
                            minimumPixelSize: Theme.smallSize
                            font.family: Theme.fontFamily
                            font.pixelSize: root.columns > 3 ? Theme.titleSize * 1.25 : Theme.displaySize
                            font.weight: Font.Light
                            font.features: { "tnum": 1 }
                            Accessible.name: figure.modelData.prefix + figure.modelData.formatted + " " + figure.modelData.unit
                        }

                        Text {
                            width: parent.width
                            visible: figure.modelData.unit !== ""
                            text: figure.modelData.unit
                            textFormat: Text.PlainText
                            color: Theme.accent
                            horizontalAlignment: Text.AlignLeft
                            wrapMode: Text.Wrap
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.headingSize
                            font.weight: Font.DemiBold
                        }

                        Text {
                            width: parent.width
                            text: figure.modelData.label
                            textFormat: Text.PlainText
                            color: Theme.mutedText
                            horizontalAlignment: Text.AlignLeft
                            wrapMode: Text.Wrap
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.bodySize
                        }
                    }
                }
            }
        }

        Text {
            id: note

            x: Theme.margin
            y: Math.max(page.contentHeight, page.height) - height - Theme.margin
            width: Math.min(page.width - Theme.margin * 2, Theme.bodySize * 40)
            text: root.exhibit.note ?? ""
            textFormat: Text.PlainText
            visible: text.length > 0
            color: Theme.mutedText
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }
    }
}
