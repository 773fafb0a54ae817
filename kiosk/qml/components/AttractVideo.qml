import QtQuick
import QtMultimedia

// A silent, looping film in the attract loop; it plays only while its slide is shown.
Item {
    id: root

    property url source
    property bool playing: false

    onPlayingChanged: root.playing ? player.play() : player.pause()
    Component.onCompleted: {
        if (root.playing)
            player.play();
    }
    Component.onDestruction: player.stop()

    MediaPlayer {
        id: player

        source: root.source
        videoOutput: output
        loops: MediaPlayer.Infinite
    }

    VideoOutput {
        id: output

        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectCrop
    }
}
