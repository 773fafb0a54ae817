pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"

// Large figures that count up when the exhibit opens, each with its unit and what it measures.
Item {
    id: root

    required property var exhibit
    readonly property int count: root.exhibit.items.length
    readonly property int fitting: Math.max(1, Math.floor((width - Theme.margin * 2) / (Theme.bodySize * 13)))
    readonly property int columns: Math.min(fitting, count <= 4 ? count : Math.ceil(count / 2))

    signal openExhibit(string exhibitId)

    ExhibitTitle {
        id: heading

        x: Theme.margin
        y: Theme.margin / 2
        width: root.width - Theme.margin * 2
        title: root.exhibit.title
        summary: root.exhibit.summary
    }

    Grid {
        id: figures

        readonly property real cellWidth: (root.width - Theme.margin * 2) / root.columns

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
                property real shown: Theme.reducedMotion ? modelData.value : 0
                readonly property bool done: shown === modelData.value

                width: figures.cellWidth
                height: column.height

                NumberAnimation on shown {
                    running: !Theme.reducedMotion
                    from: 0
                    to: figure.modelData.value
                    duration: 1800 + figure.index * 250
                    easing.type: Easing.OutCubic
                }

                Rectangle {
                    x: 0
                    width: Math.max(2, Theme.unit / 4)
                    height: column.height
                    color: Theme.surfaceRaised
                    visible: figure.index % root.columns !== 0
                }

                Column {
                    id: column

                    x: figure.index % root.columns === 0 ? 0 : Theme.margin
                    width: figure.width - x - Theme.margin
                    spacing: Theme.unit

                    Text {
                        width: parent.width
                        text: figure.modelData.prefix
                              + (figure.done ? figure.modelData.formatted
                                             : Number(figure.shown).toLocaleString(Qt.locale("en_US"), "f", figure.modelData.decimals))
                        color: Theme.text
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
                        color: Theme.accent
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.headingSize
                        font.weight: Font.DemiBold
                    }

                    Text {
                        width: parent.width
                        text: figure.modelData.label
                        color: Theme.mutedText
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
        y: root.height - height - Theme.margin
        width: Math.min(root.width - Theme.margin * 2, Theme.bodySize * 40)
        text: root.exhibit.note ?? ""
        visible: text.length > 0
        color: Theme.mutedText
        wrapMode: Text.Wrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
    }
}
