pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Shapes
import Kiosk
import "parts"
import "../components" as Components

// A question with two to six answers as large buttons: the visitor touches one, then Vote. Once
// the visitor has voted (or comes back to the poll in the same visit) the results show instead:
// a bar per answer with its share and votes on this screen, the visitor's own answer marked with
// a check and "Your choice". Keys: the arrows move between the answers, Enter chooses one (and,
// pressed again, votes). The bars grow briefly, or appear at once with less motion.
Item {
    id: root

    required property var exhibit
    readonly property var labels: root.exhibit.labels ?? ({})
    readonly property string pollId: root.exhibit.id ?? ""
    readonly property string language: root.exhibit.language ?? ""
    // the visit's vote, from Polls (read again whenever Polls.revision changes)
    readonly property string chosen: Polls.revision >= 0 ? Polls.choiceIn(root.pollId) : ""
    readonly property bool voted: root.chosen.length > 0
    readonly property var results: root.voted && Polls.revision >= 0 ? Polls.resultsIn(root.pollId, root.language)
                                                                     : ({ answers: [], totalText: "" })
    // the answer touched but not sent yet
    property string picked: ""
    readonly property real columnWidth: Math.min(root.width - Theme.margin * 2, Theme.bodySize * 46)

    signal openExhibit(string exhibitId)

    function vote(): void {
        if (root.picked.length > 0)
            Polls.castVote(root.pollId, root.picked);
    }

    ReadingArea {
        id: page

        anchors.fill: parent
        contentHeight: Math.max(page.height, body.y + body.height + Theme.margin)
        accessibleName: root.exhibit.title
        focusable: page.scrollable

        Column {
            id: body

            x: Math.round((page.width - width) / 2)
            y: Theme.margin / 2
            width: root.columnWidth
            spacing: Theme.unit * 3

            ExhibitTitle {
                width: parent.width
                compact: true
                title: root.exhibit.title
                summary: root.exhibit.summary
            }

            Text {
                width: parent.width
                visible: text.length > 0
                text: root.exhibit.intro ?? ""
                textFormat: Text.PlainText
                color: Theme.mutedText
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
            }

            Text {
                objectName: "pollQuestion"
                width: parent.width
                text: root.exhibit.question ?? ""
                textFormat: Text.PlainText
                color: Theme.text
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.headingSize
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            // -- the question: answers to choose from, then Vote --------------------------------

            Column {
                id: question

                objectName: "pollAnswers"
                width: parent.width
                visible: !root.voted
                spacing: Theme.unit * 2

                Text {
                    width: parent.width
                    text: root.labels.poll_pick ?? ""
                    textFormat: Text.PlainText
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                }

                Repeater {
                    model: root.voted ? [] : root.exhibit.answers

                    Item {
                        id: answer

                        required property var modelData
                        readonly property bool isPicked: root.picked === answer.modelData.id
                        readonly property bool hasImage: (answer.modelData.image ?? "") !== ""

                        function keyActivate(): void {
                            if (answer.isPicked)
                                root.vote();
                            else
                                root.picked = answer.modelData.id;
                        }

                        objectName: "pollAnswer_" + answer.modelData.id
                        width: question.width
                        height: Math.max(Math.round(Theme.touchTarget * 1.6), line.implicitHeight + Theme.unit * 4)
                        activeFocusOnTab: true
                        Accessible.role: Accessible.RadioButton
                        Accessible.name: answer.modelData.text
                        Accessible.checkable: true
                        Accessible.checked: answer.isPicked
                        Accessible.focusable: true
                        Accessible.onPressAction: root.picked = answer.modelData.id

                        Rectangle {
                            id: face

                            anchors.fill: parent
                            radius: Theme.radius
                            color: tap.pressed ? Qt.lighter(Theme.surfaceRaised, 1.3) : Theme.surfaceRaised
                            border.width: answer.isPicked ? Math.max(4, Theme.unit / 2) : Math.max(1, Theme.borderWidth)
                            border.color: answer.isPicked ? Theme.accent : Theme.borderColor
                        }

                        Row {
                            id: line

                            anchors.verticalCenter: parent.verticalCenter
                            x: Theme.unit * 2
                            width: parent.width - Theme.unit * 4
                            spacing: Theme.unit * 2
                            layoutDirection: Theme.rightToLeft ? Qt.RightToLeft : Qt.LeftToRight

                            // a round mark: empty, or filled with a check once chosen
                            Rectangle {
                                id: mark

                                anchors.verticalCenter: parent.verticalCenter
                                width: Math.round(Theme.touchTarget * 0.6)
                                height: width
                                radius: width / 2
                                color: answer.isPicked ? Theme.accent : "transparent"
                                border.width: Math.max(3, Theme.unit / 3)
                                border.color: answer.isPicked ? Theme.accent : Theme.mutedText

                                CheckMark {
                                    anchors.fill: parent
                                    anchors.margins: parent.width * 0.2
                                    visible: answer.isPicked
                                    color: Theme.accentText
                                }
                            }

                            Image {
                                anchors.verticalCenter: parent.verticalCenter
                                visible: answer.hasImage
                                width: answer.hasImage ? Math.round(Theme.touchTarget * 1.3) : 0
                                height: width
                                source: answer.modelData.image ?? ""
                                sourceSize: Qt.size(Math.max(1, width), Math.max(1, height))
                                fillMode: Image.PreserveAspectCrop
                                asynchronous: true
                            }

                            Text {
                                anchors.verticalCenter: parent.verticalCenter
                                width: line.width - mark.width - line.spacing
                                       - (answer.hasImage ? Math.round(Theme.touchTarget * 1.3) + line.spacing : 0)
                                text: answer.modelData.text
                                textFormat: Text.PlainText
                                color: Theme.text
                                wrapMode: Text.Wrap
                                horizontalAlignment: Text.AlignLeft
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.bodySize
                                font.weight: answer.isPicked ? Font.DemiBold : Font.Normal
                            }
                        }

                        TapHandler {
                            id: tap

                            gesturePolicy: TapHandler.ReleaseWithinBounds
                            onTapped: root.picked = answer.modelData.id
                        }

                        Components.FocusRing {
                            faceRadius: Theme.radius
                        }
                    }
                }

                TouchButton {
                    objectName: "pollVote"
                    x: Theme.rightToLeft ? question.width - width : 0
                    size: Math.round(Theme.touchTarget * 1.25)
                    primary: true
                    showLabel: true
                    label: root.labels.poll_vote ?? "Vote"
                    enabled: root.picked.length > 0
                    focusable: root.picked.length > 0
                    onClicked: root.vote()
                }
            }

            // -- the results: a bar per answer ---------------------------------------------------

            Column {
                id: outcome

                objectName: "pollResults"
                width: parent.width
                visible: root.voted
                spacing: Theme.unit * 3

                Text {
                    width: parent.width
                    text: root.labels.poll_results ?? ""
                    textFormat: Text.PlainText
                    color: Theme.text
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }

                Repeater {
                    model: root.results.answers

                    Item {
                        id: bar

                        required property var modelData
                        required property int index
                        readonly property string answerText: root.exhibit.answers[bar.index]?.text ?? ""
                        readonly property bool mine: bar.modelData.chosen === true
                        // the bar grows to its share when the results appear
                        property real shown: Theme.reducedMotion ? bar.modelData.share : 0

                        objectName: "pollBar_" + bar.modelData.id
                        width: outcome.width
                        height: barLines.height
                        activeFocusOnTab: true
                        Accessible.role: Accessible.StaticText
                        Accessible.focusable: true
                        Accessible.name: bar.answerText + ": " + bar.modelData.percentText + ", " + bar.modelData.countText
                                         + (bar.mine ? ", " + (root.labels.poll_your_choice ?? "") : "")

                        NumberAnimation on shown {
                            running: !Theme.reducedMotion
                            from: 0
                            to: bar.modelData.share
                            duration: 700 + bar.index * 120
                            easing.type: Easing.OutCubic
                        }

                        Column {
                            id: barLines

                            width: parent.width
                            spacing: Theme.unit

                            Row {
                                width: parent.width
                                spacing: Theme.unit * 2
                                layoutDirection: Theme.rightToLeft ? Qt.RightToLeft : Qt.LeftToRight

                                Text {
                                    id: answerLabel

                                    width: parent.width - (bar.mine ? badge.width + parent.spacing : 0)
                                    text: bar.answerText
                                    textFormat: Text.PlainText
                                    color: Theme.text
                                    wrapMode: Text.Wrap
                                    horizontalAlignment: Text.AlignLeft
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.bodySize
                                    font.weight: bar.mine ? Font.DemiBold : Font.Normal
                                }

                                // the visitor's own answer: a check and words, not colour alone
                                Row {
                                    id: badge

                                    objectName: "pollYourChoice_" + bar.modelData.id
                                    visible: bar.mine
                                    spacing: Theme.unit
                                    layoutDirection: Theme.rightToLeft ? Qt.RightToLeft : Qt.LeftToRight

                                    CheckMark {
                                        anchors.verticalCenter: parent.verticalCenter
                                        width: Math.round(Theme.bodySize * 0.9)
                                        height: width
                                        color: Theme.accent
                                    }

                                    Text {
                                        text: root.labels.poll_your_choice ?? ""
                                        textFormat: Text.PlainText
                                        color: Theme.accent
                                        font.family: Theme.fontFamily
                                        font.pixelSize: Theme.bodySize
                                        font.weight: Font.DemiBold
                                    }
                                }
                            }

                            Rectangle {
                                id: track

                                width: parent.width
                                height: Math.max(Theme.unit * 3, Math.round(Theme.bodySize * 0.9))
                                radius: height / 2
                                color: Theme.surfaceRaised
                                border.width: Theme.highContrast ? Theme.borderWidth : 0
                                border.color: Theme.borderColor

                                Rectangle {
                                    x: Theme.rightToLeft ? track.width - width : 0
                                    width: Math.max(bar.shown > 0 ? track.height : 0, track.width * bar.shown)
                                    height: track.height
                                    radius: track.radius
                                    color: Theme.accent
                                    opacity: bar.mine ? 1 : 0.6
                                }
                            }

                            Text {
                                width: parent.width
                                text: bar.modelData.percentText + "  ·  " + bar.modelData.countText
                                textFormat: Text.PlainText
                                color: Theme.mutedText
                                horizontalAlignment: Text.AlignLeft
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.bodySize
                                font.features: { "tnum": 1 }
                            }
                        }

                        Components.FocusRing {
                            faceRadius: Theme.unit
                        }
                    }
                }

                Text {
                    width: parent.width
                    text: root.results.totalText ?? ""
                    textFormat: Text.PlainText
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                }
            }
        }
    }

    component CheckMark: Shape {
        id: check

        property color color: Theme.accentText

        antialiasing: true

        ShapePath {
            strokeColor: check.color
            strokeWidth: Math.max(2, check.width * 0.16)
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            joinStyle: ShapePath.RoundJoin
            startX: check.width * 0.12
            startY: check.height * 0.55
            PathLine { x: check.width * 0.4; y: check.height * 0.82 }
            PathLine { x: check.width * 0.9; y: check.height * 0.2 }
        }
    }
}
