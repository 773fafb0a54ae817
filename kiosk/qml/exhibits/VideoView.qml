pragma ComponentBehavior: Bound

import QtQuick
import QtMultimedia
import Kiosk
import "parts"

// A film with a big play button, a scrubber and captions drawn over the picture. Keys: Tab or
// the arrows reach play/pause, the scrubber (Left and Right jump) and the captions switch;
// Enter or Space press them. In captions mode (Access.captions) captions always show and the
// switch is gone.
Item {
    id: root

    required property var exhibit
    property int session: -1
    property bool captionsOn: true
    readonly property bool captionsShown: root.captionsOn || Access.captions
    readonly property bool owner: session >= 0 && Playback.session === session
    readonly property bool playing: owner && Playback.playing
    readonly property bool started: owner && (Playback.playing || Playback.position > 0)
    readonly property string cueText: owner && captionsShown ? cueAt(Playback.position) : ""
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
        compact: root.height < Theme.titleSize * 9
        title: root.exhibit.title
        summary: root.exhibit.summary ?? ""
    }

    Rectangle {
        id: stage

        readonly property real roomWidth: root.width - Theme.margin * 2
        // the room for the film; the line about it goes under it only while the film keeps at
        // least four touch targets of height (a short view, e.g. reach mode with large text,
        // gives the film all the room there is)
        readonly property real roomAll: controls.y - Theme.unit * 3 - y
        readonly property bool captionFits: caption.text !== ""
                                            && roomAll - caption.height - Theme.unit * 2 >= Theme.touchTarget * 4
        readonly property real roomHeight: roomAll - (captionFits ? caption.height + Theme.unit * 2 : 0)

        x: (root.width - width) / 2
        y: heading.y + heading.height + Theme.unit * 3
        width: Math.max(0, Math.min(roomWidth, roomHeight * 16 / 9))
        height: width * 9 / 16
        color: Theme.background
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

        TouchButton {
            objectName: "bigPlay"
            anchors.centerIn: parent
            focusable: false  // the play button under the film does the same for keys
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
                text: root.exhibit.labels.cannot_play
                textFormat: Text.PlainText
                color: Theme.text
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
            }
        }
    }

    // The line about the film (`caption`) under it, starting where the film starts.
    Caption {
        id: caption

        objectName: "filmCaption"
        x: Math.max(Theme.margin, Math.min(stage.x, root.width - Theme.margin - width))
        y: stage.y + stage.height + Theme.unit * 2
        width: Math.min(root.width - Theme.margin * 2, Theme.bodySize * 40)
        visible: stage.captionFits
        text: root.exhibit.caption ?? ""
    }

    // Captions (subtitles) over the bottom of the film; over a small film (reach mode, large text) the band
    // may be wider than the picture, so that the words stay large and whole.
    Rectangle {
        id: captionBand

        x: (root.width - width) / 2
        y: Math.max(stage.y, stage.y + stage.height - height - Theme.unit * 4)
        z: 1  // over the big play button of a paused film
        width: Math.min(Math.max(stage.width - Theme.unit * 6, root.width * 0.6), cue.implicitWidth + Theme.unit * 5)
        height: cue.height + Theme.unit * 2
        radius: Theme.unit
        color: Theme.highContrast ? Theme.background
                                  : Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0.85)
        border.width: Theme.highContrast ? Theme.borderWidth : 0
        border.color: Theme.borderColor
        visible: root.cueText.length > 0

        Text {
            id: cue

            anchors.centerIn: parent
            width: Math.min(implicitWidth, Math.max(stage.width - Theme.unit * 11, root.width * 0.6 - Theme.unit * 5))
            text: root.cueText
            textFormat: Text.PlainText
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            lineHeight: 1.15
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(Theme.bodySize * 1.2)
            font.weight: Font.Medium
        }
    }

    Row {
        id: controls

        // as wide as the film, and wide enough to use when the film is small (reach mode)
        x: (root.width - width) / 2
        y: root.height - height - Theme.margin / 2
        width: Math.max(stage.width, Math.min(root.width - Theme.margin * 2, Theme.touchTarget * 16))
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
            objectName: "scrubber"
            accessibleName: root.exhibit.title
            width: controls.width - playButton.width - time.width - controls.spacing * 2
                   - (ccButton.visible ? ccButton.width + controls.spacing : 0)
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
            visible: root.exhibit.hasCaptions === true && !Access.captions
            showLabel: true
            label: "CC"
            accessibleName: root.captionsOn ? root.exhibit.labels.captions_on : root.exhibit.labels.captions_off
            checked: root.captionsOn
            onClicked: root.captionsOn = !root.captionsOn
        }
    }
}
