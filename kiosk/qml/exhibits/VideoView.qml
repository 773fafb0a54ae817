pragma ComponentBehavior: Bound

import QtQuick
import QtMultimedia
import Kiosk
import "parts"

// A film with a big play button, a scrubber and captions drawn over the picture.
Item {
    id: root

    required property var exhibit
    property int session: -1
    property bool captionsOn: true
    readonly property bool owner: session >= 0 && Playback.session === session
    readonly property bool playing: owner && Playback.playing
    readonly property bool started: owner && (Playback.playing || Playback.position > 0)
    readonly property string cueText: owner && captionsOn ? cueAt(Playback.position) : ""
    readonly property string problem: owner ? Playback.errorText : ""

    signal openExhibit(string exhibitId)

    function cueAt(position) {
        const cues = root.exhibit.cues ?? [];
        const showing = [];
        for (let i = 0; i < cues.length; ++i) {
            if (cues[i].start <= position && position < cues[i].end)
                showing.push(cues[i].text);
        }
        return showing.join("\n");
    }

    function start() {
        root.session = Playback.open(root.exhibit.video, root.exhibit.loop === true);
        Playback.videoOutput = output;
        if (root.exhibit.autoplay === true)
            Playback.play();
    }

    function toggle() {
        if (!root.owner)
            root.start();
        Playback.toggle();
    }

    Component.onCompleted: start()
    Component.onDestruction: {
        if (Playback.videoOutput === output)
            Playback.videoOutput = null;
        Playback.release(root.session);
    }
    onExhibitChanged: {
        if (root.owner && Playback.source !== root.exhibit.video)
            root.start();
    }

    ExhibitTitle {
        id: heading

        x: Theme.margin
        y: Theme.margin / 2
        width: root.width - Theme.margin * 2
        title: root.exhibit.title
        summary: root.exhibit.caption ?? ""
    }

    Rectangle {
        id: stage

        readonly property real roomWidth: root.width - Theme.margin * 2
        readonly property real roomHeight: controls.y - Theme.unit * 3 - y

        x: (root.width - width) / 2
        y: heading.y + heading.height + Theme.unit * 3
        width: Math.min(roomWidth, roomHeight * 16 / 9)
        height: width * 9 / 16
        color: "black"
        clip: true

        VideoOutput {
            id: output

            anchors.fill: parent
            fillMode: VideoOutput.PreserveAspectFit
        }

        Image {
            anchors.fill: parent
            visible: !root.started && (root.exhibit.poster ?? "") !== ""
            source: root.exhibit.poster ?? ""
            sourceSize: Qt.size(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)))
            fillMode: Image.PreserveAspectFit
            asynchronous: true
        }

        TapHandler {
            onTapped: root.toggle()
        }

        Rectangle {
            id: captionBand

            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            anchors.bottomMargin: Theme.unit * 4
            width: Math.min(parent.width - Theme.unit * 6, cue.implicitWidth + Theme.unit * 5)
            height: cue.height + Theme.unit * 2
            radius: Theme.unit
            color: Qt.rgba(0, 0, 0, 0.78)
            visible: root.cueText.length > 0

            Text {
                id: cue

                anchors.centerIn: parent
                width: Math.min(implicitWidth, stage.width - Theme.unit * 11)
                text: root.cueText
                color: "white"
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                lineHeight: 1.15
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(Theme.bodySize * 1.2)
                font.weight: Font.Medium
            }
        }

        TouchButton {
            objectName: "bigPlay"
            anchors.centerIn: parent
            size: Theme.touchTarget * 1.6
            primary: true
            visible: !root.playing
            icon: root.owner && Playback.duration > 0 && Playback.position >= Playback.duration
                  ? "replay" : "play"
            label: root.exhibit.labels.play
            onClicked: root.toggle()
        }

        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - Theme.margin * 2, problemText.implicitWidth + Theme.margin)
            height: problemText.height + Theme.margin
            radius: Theme.radius
            color: Theme.surface
            visible: root.problem.length > 0

            Text {
                id: problemText

                anchors.centerIn: parent
                width: Math.min(implicitWidth, stage.width - Theme.margin * 3)
                text: root.exhibit.labels.cannotPlay
                color: Theme.text
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
            }
        }
    }

    Row {
        id: controls

        x: stage.x
        y: root.height - height - Theme.margin / 2
        width: stage.width
        spacing: Theme.unit * 3

        TouchButton {
            id: playButton

            objectName: "playPause"
            icon: root.playing ? "pause" : "play"
            label: root.playing ? root.exhibit.labels.pause : root.exhibit.labels.play
            primary: true
            onClicked: root.toggle()
        }

        Scrubber {
            width: controls.width - playButton.width - time.width - ccButton.width - controls.spacing * 3
            anchors.verticalCenter: parent.verticalCenter
            position: root.owner ? Playback.position : 0
            duration: root.owner ? Playback.duration : 0
            onSeekRequested: positionMs => Playback.seek(positionMs)
        }

        TimeText {
            id: time

            anchors.verticalCenter: parent.verticalCenter
            position: root.owner ? Playback.position : 0
            duration: root.owner ? Playback.duration : 0
        }

        TouchButton {
            id: ccButton

            objectName: "captions"
            visible: root.exhibit.hasCaptions === true
            showLabel: true
            label: "CC"
            accessibleName: root.captionsOn ? root.exhibit.labels.captionsOn : root.exhibit.labels.captionsOff
            checked: root.captionsOn
            onClicked: root.captionsOn = !root.captionsOn
        }
    }
}
