pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Shapes
import Kiosk
import "parts"
import "parts/lineLabels.js" as LineLabels

// A bar or line chart: gridlines, values, categories, a legend for several series and the source.
// Keys reach the chart as one piece; a screen reader hears its title and every value.
Item {
    id: root

    required property var exhibit
    readonly property var series: root.exhibit.series
    readonly property var categories: root.exhibit.categories
    readonly property real axisMin: root.exhibit.axisMin
    readonly property real axisMax: root.exhibit.axisMax
    readonly property bool isBar: root.exhibit.kind === "bar"
    property real grow: Theme.reducedMotion ? 1 : 0
    // room above the plot for the value over the highest point
    readonly property real headroom: Theme.smallSize * 2 + Theme.unit * 2
    // where each value of a line chart is written (by series, then category), or that it is left
    // out because every place near its point would cover another value or point
    readonly property var lineLabels: root.isBar ? [] : root.placeLineLabels(plot.width, plot.height)
    // the category whose values a tap shows in full (-1: none)
    property int picked: -1

    signal openExhibit(string exhibitId)

    function valueY(value) {
        return plot.height * (root.axisMax - value) / (root.axisMax - root.axisMin);
    }

    function slotX(index) {
        return plot.width * (index + 0.5) / root.categories.length;
    }

    // Where each value of a line chart is written; see parts/lineLabels.js.
    function placeLineLabels(width: real, height: real): var {
        return LineLabels.place(root.series, root.categories.length, width, height,
                                root.slotX, root.valueY, text => valueMetrics.advanceWidth(text),
                                valueMetrics.height, Theme.unit, root.headroom);
    }

    function pick(x: real): void {
        const index = Math.max(0, Math.min(root.categories.length - 1,
                                           Math.floor(x / plot.width * root.categories.length)));
        root.picked = root.picked === index ? -1 : index;
    }

    // The chart's values in words, e.g. "Trainees: 2010 12, 2015 30".
    function spoken(): string {
        const lines = [];
        for (let s = 0; s < root.series.length; ++s) {
            const values = [];
            for (let c = 0; c < root.categories.length; ++c)
                values.push(root.categories[c] + " " + root.series[s].valueTexts[c]);
            lines.push((root.series[s].name ?? "") + ": " + values.join(", "));
        }
        return lines.join(". ");
    }

    FontMetrics {
        id: valueMetrics

        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallSize
        font.weight: Font.DemiBold
    }

    NumberAnimation on grow {
        running: !Theme.reducedMotion
        from: 0
        to: 1
        duration: 1100
        easing.type: Easing.OutCubic
    }

    // The chart as one piece for keys; in a short view (reach mode with large text) the plot
    // keeps a useful height and the page scrolls.
    ReadingArea {
        id: page

        // room for every value on the axis, one above the other
        readonly property real smallestPlot: Math.max(Theme.touchTarget * 3,
                                                      root.exhibit.ticks.length * Theme.smallSize * 1.8)

        anchors.fill: parent
        contentHeight: Math.max(page.height, plot.y + page.smallestPlot + Theme.smallSize * 3
                                             + source.height + Theme.margin / 2)
        accessibleName: root.exhibit.title
        Accessible.role: Accessible.Chart
        Accessible.description: root.spoken()

        ExhibitTitle {
            id: heading

            x: Theme.margin
            y: Theme.margin / 2
            width: page.width - Theme.margin * 2 - legend.width
            compact: root.height < Theme.titleSize * 9
            title: root.exhibit.title
            summary: root.exhibit.summary
        }

        Column {
            id: legend

            anchors.right: parent.right
            anchors.rightMargin: Theme.margin
            y: Theme.margin
            spacing: Theme.unit * 1.5
            visible: root.series.length > 1

            Repeater {
                model: root.series

                Row {
                    required property var modelData

                    spacing: Theme.unit * 1.5

                    Rectangle {
                        anchors.verticalCenter: parent.verticalCenter
                        width: Theme.unit * 3
                        height: root.isBar ? Theme.unit * 3 : Math.max(4, Theme.unit / 2)
                        radius: root.isBar ? Theme.unit / 2 : height / 2
                        color: parent.modelData.color
                    }

                    Text {
                        text: parent.modelData.name
                        textFormat: Text.PlainText
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize
                    }
                }
            }
        }

        Text {
            id: unitLabel

            x: Theme.margin
            y: Math.max(heading.y + heading.height, legend.visible ? legend.y + legend.height : 0) + Theme.unit * 3
            text: root.exhibit.unit ?? ""
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }

        Item {
            id: plot

            readonly property real axisWidth: Theme.smallSize * 4

            x: Theme.margin + axisWidth
            y: unitLabel.y + unitLabel.height + Theme.smallSize
            width: page.width - x - Theme.margin * 1.5
            height: source.y - y - Theme.smallSize * 3

            Repeater {
                model: root.exhibit.ticks

                Item {
                    id: tick

                    required property real modelData
                    required property int index

                    y: root.valueY(modelData)
                    width: plot.width

                    Rectangle {
                        width: parent.width
                        height: tick.modelData === 0 ? Math.max(2, Theme.unit / 4) : 1
                        y: -height / 2
                        color: tick.modelData === 0 ? Theme.mutedText : Theme.surfaceRaised
                    }

                    Text {
                        x: -width - Theme.unit * 2
                        y: -height / 2
                        text: root.exhibit.tickTexts[tick.index]
                        textFormat: Text.PlainText
                        color: Theme.mutedText
                        horizontalAlignment: Text.AlignRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize
                        font.features: { "tnum": 1 }
                    }
                }
            }

            Repeater {
                model: root.categories

                Text {
                    required property string modelData
                    required property int index

                    x: root.slotX(index) - width / 2
                    y: plot.height + Theme.unit * 1.5
                    text: modelData
                    textFormat: Text.PlainText
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.smallSize
                }
            }

            // bars: one group per category, one bar per series, growing up from the zero line
            Repeater {
                model: root.isBar ? root.series : []

                Item {
                    id: barSeries

                    required property var modelData
                    required property int index
                    readonly property real groupWidth: plot.width / root.categories.length * 0.72
                    readonly property real barWidth: Math.min(Theme.unit * 16, groupWidth / root.series.length)

                    anchors.fill: parent

                    Repeater {
                        model: barSeries.modelData.values

                        Item {
                            id: bar

                            required property real modelData
                            required property int index
                            readonly property real zeroY: root.valueY(Math.max(root.axisMin, Math.min(0, root.axisMax)))
                            readonly property real endY: zeroY + (root.valueY(modelData) - zeroY) * root.grow

                            x: root.slotX(index) - barSeries.barWidth * root.series.length / 2 + barSeries.index * barSeries.barWidth
                            width: barSeries.barWidth

                            Rectangle {
                                x: Math.max(1, parent.width * 0.06)
                                y: Math.min(bar.zeroY, bar.endY)
                                width: parent.width - 2 * x
                                height: Math.abs(bar.zeroY - bar.endY)
                                color: barSeries.modelData.color
                                radius: Math.min(Theme.unit / 2, width / 4)
                            }

                            Text {
                                anchors.horizontalCenter: parent.horizontalCenter
                                y: bar.modelData >= 0 ? bar.endY - height - Theme.unit / 2 : bar.endY + Theme.unit / 2
                                // only as wide as its bar, so that values never run into each other
                                objectName: "value"
                                visible: implicitWidth <= barSeries.barWidth
                                opacity: root.grow
                                text: barSeries.modelData.valueTexts[bar.index]
                                textFormat: Text.PlainText
                                color: Theme.text
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.smallSize
                                font.weight: Font.DemiBold
                                font.features: { "tnum": 1 }
                            }
                        }
                    }
                }
            }

            // lines: drawn left to right as the chart opens
            Item {
                id: reveal

                width: plot.width * root.grow + Theme.margin
                height: plot.height + root.headroom + Theme.margin / 2
                y: -root.headroom
                clip: true
                visible: !root.isBar

                Repeater {
                    model: root.isBar ? [] : root.series

                    Item {
                        id: lineSeries

                        required property var modelData
                        required property int index

                        y: root.headroom
                        width: plot.width
                        height: plot.height

                        Shape {
                            anchors.fill: parent
                            antialiasing: true

                            ShapePath {
                                strokeColor: lineSeries.modelData.color
                                strokeWidth: Math.max(3, Theme.unit / 2)
                                fillColor: "transparent"
                                joinStyle: ShapePath.RoundJoin
                                capStyle: ShapePath.RoundCap

                                PathPolyline {
                                    path: lineSeries.modelData.values.map((value, index) => Qt.point(root.slotX(index), root.valueY(value)))
                                }
                            }
                        }

                        Repeater {
                            model: lineSeries.modelData.values

                            Item {
                                id: point

                                required property real modelData
                                required property int index
                                readonly property var place: root.lineLabels[lineSeries.index]?.[point.index]
                                                             ?? { x: 0, y: 0, shown: false }

                                Rectangle {
                                    x: root.slotX(point.index) - width / 2
                                    y: root.valueY(point.modelData) - height / 2
                                    width: Theme.unit * 2
                                    height: width
                                    radius: width / 2
                                    color: Theme.background
                                    border.width: Math.max(3, Theme.unit / 2)
                                    border.color: lineSeries.modelData.color
                                }

                                Text {
                                    objectName: "value"
                                    x: point.place.x
                                    y: point.place.y
                                    visible: point.place.shown
                                    text: lineSeries.modelData.valueTexts[point.index]
                                    textFormat: Text.PlainText
                                    color: Theme.text
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.smallSize
                                    font.weight: Font.DemiBold
                                    font.features: { "tnum": 1 }
                                }
                            }
                        }
                    }
                }
            }

            // a tap on the chart shows every value of the nearest category, also those left out
            TapHandler {
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: point => root.pick(point.position.x)
            }

            ChartReadout {
                categories: root.categories
                series: root.series
                picked: root.picked
                centre: root.picked >= 0 ? root.slotX(root.picked) : 0
                minX: -plot.axisWidth
                maxX: plot.width
                y: -root.headroom
            }
        }

        Text {
            id: source

            x: Theme.margin
            y: page.contentHeight - height - Theme.margin / 2
            width: page.width - Theme.margin * 2
            visible: (root.exhibit.source ?? "") !== ""
            text: root.exhibit.sourceLine ?? ""
            textFormat: Text.PlainText
            color: Theme.mutedText
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }
    }
}
