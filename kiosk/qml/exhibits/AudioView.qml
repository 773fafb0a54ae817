pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "parts"

// A narration to listen to, with its transcript to read alongside.
Item {
    id: root

    required property var exhibit
    property int session: -1
    readonly property bool owner: session >= 0 && Playback.session === session
    readonly property bool playing: owner && Playback.playing
    readonly property bool hasImage: (root.exhibit.image ?? "") !== ""
    // on a tall screen the transcript goes under the player instead of beside it
    readonly property bool stacked: root.width < root.height

    signal openExhibit(string exhibitId)

    function start() {
        root.session = Playback.open(root.exhibit.audio, false);
    }

    function toggle() {
        if (!root.owner)
            root.start();
        Playback.toggle();
    }

    Component.onCompleted: start()
    Component.onDestruction: Playback.release(root.session)
    onExhibitChanged: {
        if (root.owner && Playback.source !== root.exhibit.audio)
            root.start();
    }

    Item {
        id: player

        x: Theme.margin * 1.5
        y: Theme.margin
        width: root.stacked ? root.width - Theme.margin * 3 : Math.min(root.width * 0.42, Theme.bodySize * 24)
        height: root.stacked ? root.height * 0.5 - Theme.margin : root.height - Theme.margin * 2

        ExhibitTitle {
            id: heading

            width: parent.width
            compact: root.height < Theme.titleSize * 9
            title: root.exhibit.title
            summary: root.exhibit.summary
        }

        Image {
            id: picture

            y: heading.height + Theme.unit * 4
            width: parent.width
            height: controls.y - y - Theme.unit * 4
            visible: root.hasImage && height >= Theme.touchTarget
            source: root.exhibit.image ?? ""
            sourceSize: Qt.size(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)))
            fillMode: Image.PreserveAspectFit
            horizontalAlignment: Image.AlignLeft
            verticalAlignment: Image.AlignBottom
            asynchronous: true
        }

        Column {
            id: controls

            y: root.hasImage ? Math.max(heading.height + Theme.unit * 4, parent.height - height)
                             : heading.height + Theme.margin
            width: parent.width
            spacing: Theme.unit * 2

            Row {
                spacing: Theme.unit * 3

                TouchButton {
                    objectName: "playPause"
                    size: Theme.touchTarget * 1.4
                    primary: true
                    icon: root.playing ? "pause" : "play"
                    label: root.playing ? root.exhibit.labels.pause : root.exhibit.labels.play
                    onClicked: root.toggle()
                }

                Column {
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: Theme.unit / 2

                    Text {
                        text: root.playing ? root.exhibit.labels.pause : root.exhibit.labels.play
                        textFormat: Text.PlainText
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.bodySize
                        font.weight: Font.DemiBold
                    }

                    TimeText {
                        position: root.owner ? Playback.position : 0
                        duration: root.owner ? Playback.duration : 0
                    }
                }
            }

            Scrubber {
                width: parent.width
                accessibleName: root.exhibit.title
                position: root.owner ? Playback.position : 0
                duration: root.owner ? Playback.duration : 0
                onSeekRequested: positionMs => Playback.seek(positionMs)
            }

            Text {
                width: parent.width
                visible: root.owner && Playback.errorText.length > 0
                text: root.exhibit.labels.cannot_play_audio
                textFormat: Text.PlainText
                color: Theme.text
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
            }
        }
    }

    Rectangle {
        id: panel

        x: root.stacked ? player.x : player.x + player.width + Theme.margin * 1.5
        y: root.stacked ? player.y + player.height + Theme.margin : Theme.margin
        width: root.width - x - Theme.margin * 1.5
        height: root.height - y - Theme.margin
        radius: Theme.radius
        color: Theme.surface

        Text {
            id: transcriptTitle

            x: Theme.margin
            y: Theme.margin * 0.75
            text: root.exhibit.labels.transcript
            textFormat: Text.PlainText
            color: Theme.accent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.weight: Font.DemiBold
            font.letterSpacing: 1.5
            font.capitalization: Font.AllUppercase
        }

        ReadingArea {
            id: transcript

            x: Theme.margin - transcript.inset
            y: transcriptTitle.y + transcriptTitle.height + Theme.unit * 3
            width: Math.min(parent.width - Theme.margin * 2, Theme.bodySize * 26) + 2 * transcript.inset
            height: parent.height - y - Theme.unit * 3
            contentHeight: words.height + Theme.margin
            accessibleName: root.exhibit.labels.transcript

            Column {
                id: words

                x: transcript.inset
                y: transcript.inset
                width: transcript.width - 2 * transcript.inset
                spacing: Theme.bodySize

                Repeater {
                    model: root.exhibit.transcript

                    Text {
                        required property string modelData

                        width: words.width
                        text: modelData
                        textFormat: Text.PlainText
                        color: Theme.text
                        wrapMode: Text.Wrap
                        lineHeight: 1.5
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.bodySize
                    }
                }
            }
        }

        Rectangle {
            x: transcript.x + transcript.width + Theme.unit * 2
            y: transcript.y + transcript.flickable.visibleArea.yPosition * transcript.height
            width: Math.max(3, Theme.unit / 2)
            height: transcript.flickable.visibleArea.heightRatio * transcript.height
            radius: width / 2
            color: Theme.mutedText
            visible: transcript.scrollable
        }
    }
}
