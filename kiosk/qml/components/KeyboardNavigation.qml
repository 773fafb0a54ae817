pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Keys and assistive keypads drive the whole kiosk. Place one inside Main.qml's content item,
// next to the StackView named "stack"; it stays above the screens to notice touches.
//
// What each key does is KeyActions' table; where the focus can go (the controls of a screen,
// the panel or layer that keeps it) is FocusChain's. This item follows the visit: on the
// attract loop any key starts it; once a key has been used, each new screen starts with focus
// on its first control (not on Home), and the focused control is scrolled fully into view; a
// touch hides the focus ring until the next key. The accessibility panel takes the focus when
// it opens and gives it back where it was when it closes. In read-aloud mode the name of each
// control the keys reach is read out (Speech).
Item {
    id: root

    // the control that last had focus (to recover when it disappears or is disabled)
    property Item lastFocused: null
    readonly property Item focused: focusChain.focused
    // true while a new screen gives its first control the focus (read aloud after the screen)
    property bool arriving: false

    // The focused control vanished or was disabled (e.g. "zoom in" at the largest zoom):
    // move on to the next control after it.
    function recover(): void {
        if (!keys.keyboardActive || focusChain.isControl(root.focused) || settle.running)
            return;
        const from = root.lastFocused;
        if (from && focusChain.focusItem(from.nextItemInFocusChain(true), true))
            return;
        focusChain.focusFirst();
    }

    function touched(): void {
        keys.keyboardActive = false;
        if (root.focused !== holder)
            holder.forceActiveFocus(Qt.MouseFocusReason);
    }

    objectName: "keyboardNavigation"
    anchors.fill: parent
    z: 1000
    onFocusedChanged: {
        const item = root.focused;
        if (focusChain.isControl(item)) {
            root.lastFocused = item;
            focusChain.reveal(item);
            if (keys.keyboardActive)
                Speech.sayFocused(item.Accessible.name, root.arriving);
        } else if (item !== holder) {
            Qt.callLater(root.recover);
        }
    }
    Component.onCompleted: holder.forceActiveFocus()

    FocusChain {
        id: focusChain
    }

    KeyActions {
        id: keys

        chain: focusChain
    }

    // Takes the keys while no control has focus: on the attract loop, after a touch, at start.
    Item {
        id: holder

        objectName: "keyHolder"
        Keys.onPressed: event => {
            event.accepted = keys.onAttract;
            if (keys.onAttract)
                keys.keyUsed();
        }
    }

    // Any touch or click hides the focus ring (passively: the touch still reaches its target).
    PointHandler {
        onActiveChanged: {
            if (active)
                root.touched();
        }
    }

    // After a move to another screen, focus its first control once the screen is in place.
    Timer {
        id: settle

        property int tries: 0

        interval: 16
        repeat: true
        onTriggered: {
            settle.tries += 1;
            if (!focusChain.currentScreen() && settle.tries < 200)
                return;
            settle.stop();
            if (keys.keyboardActive && !keys.onAttract) {
                root.arriving = true;
                focusChain.focusFirst();
                root.arriving = false;
            }
        }
    }

    Connections {
        target: Navigator

        function onNavigated(screen: string, id: string): void {
            root.lastFocused = null;
            if (screen === "attract") {
                keys.keyboardActive = false;
                settle.stop();
                holder.forceActiveFocus();
                return;
            }
            if (!keys.keyboardActive) {
                holder.forceActiveFocus();
                return;
            }
            settle.tries = 0;
            settle.restart();
        }
    }

    Connections {
        target: Access

        function onModesChanged(): void {
            if (Access.panelOpen === panelWatch.open)
                return;
            panelWatch.open = Access.panelOpen;
            if (Access.panelOpen)
                panelWatch.opener = root.lastFocused;
            if (keys.keyboardActive)
                Qt.callLater(panelWatch.moveFocus);
        }
    }

    // Focus goes into the accessibility panel when it opens, and back where it was when it closes.
    QtObject {
        id: panelWatch

        // set by hand (not bound), to tell when the panel opens or closes
        property bool open: false
        property Item opener: null

        function moveFocus(): void {
            if (!panelWatch.open && focusChain.isControl(panelWatch.opener))
                focusChain.focusItem(panelWatch.opener, true);
            else
                focusChain.focusFirst();
        }
    }
}
