import QtQuick

// The one clock of the slow movements on a screen (a zoom of a few pixels a second, a breathing
// text, a ripple): while it runs it ticks `rate` times a second, and `time` is the milliseconds
// it has run. Movements this slow look the same stepped at this rate as drawn at the display's
// rate, and the window is then drawn a few times a second instead of sixty. Stopped, it keeps its
// time and goes on from there when it runs again.
Timer {
    id: clock

    property real rate: 8
    property real time: 0
    property real origin: 0

    interval: Math.round(1000 / clock.rate)
    repeat: true
    onRunningChanged: {
        if (clock.running)
            clock.origin = Date.now() - clock.time;
    }
    onTriggered: clock.time = Date.now() - clock.origin
}
