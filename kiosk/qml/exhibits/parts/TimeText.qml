pragma ComponentBehavior: Bound

import QtQuick
import Kiosk

// "1:05 / 3:20": time played and total length.
Text {
    id: time

    property real position: 0
    property real duration: 0

    function clock(ms) {
        const seconds = Math.max(0, Math.floor(ms / 1000));
        const minutes = Math.floor(seconds / 60);
        const rest = seconds % 60;
        return minutes + ":" + (rest < 10 ? "0" : "") + rest;
    }

    text: clock(position) + " / " + clock(duration)
    textFormat: Text.PlainText
    color: Theme.mutedText
    font.family: Theme.fontFamily
    font.pixelSize: Theme.smallSize
    font.features: { "tnum": 1 }
}
