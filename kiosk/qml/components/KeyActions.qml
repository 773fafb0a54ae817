pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// What each key does, for KeyboardNavigation (the focus moves along `chain`):
//
//   Tab, Shift+Tab            next / previous control (kept inside the accessibility panel
//                             while it is open)
//   arrow keys                Right and Down: next control, Left and Up: previous (mirrored
//                             for right-to-left languages). A control that uses the arrows
//                             itself (a zoomed picture, a gallery, the before/after handle, a
//                             film's scrubber, scrolling text) takes them first.
//   Enter, Return, Space      activate the focused control
//   Escape, Backspace         Back (or close the accessibility panel)    Home   the home screen
//   Page Up, Page Down        scroll text     + and -       zoom a picture
//   Numeric keypad            8 2 4 6 arrows, 5 or Enter activate, 0 or . Back, + - zoom
//                             (with Num Lock off its keys already are arrows, Home, Page Up...)
//
// On the attract loop any key starts the visit. The first key after a touch only shows where
// the focus is. Controls take part by being `activeFocusOnTab` with an accessible name, and by
// defining any of these functions:
//   keyActivate()              Enter, Return, Space, keypad 5
//   keyArrow(dx, dy): bool     an arrow (dx, dy in -1..1, on screen); true if the control used it
//   keyPage(direction): bool   Page Up (-1), Page Down (+1); asked of the control, then its parents
//   keyZoom(direction): bool   + (1), - (-1); asked of the control, then its parents
Item {
    id: root

    required property FocusChain chain
    // a key has been used since the last touch, in this visit
    property bool keyboardActive: false
    readonly property bool onAttract: Navigator.screen === "attract"

    // Does the control define this key function (see above)?
    function defines(control: var, name: string): bool {
        return control !== null && control !== undefined && typeof control[name] === "function";
    }

    function arrowTaken(control: var, dx: int, dy: int): bool {
        return root.chain.isControl(control) && root.defines(control, "keyArrow") && control.keyArrow(dx, dy);
    }

    function press(control: var): void {
        if (root.defines(control, "keyActivate"))
            control.keyActivate();
    }

    function handled(control: var, method: string, direction: int): bool {
        return root.defines(control, method) && control[method](direction);
    }

    // A key was pressed: true when it only starts the visit or shows where focus is.
    function keyUsed(): bool {
        if (root.onAttract) {
            root.keyboardActive = true;
            Navigator.touch();
            return true;
        }
        const focused = root.chain.focused;
        const fresh = !root.keyboardActive || !root.chain.isControl(focused) || !root.chain.reachable(focused);
        root.keyboardActive = true;
        return fresh && root.chain.focusFirst();
    }

    // Ask the focused control, then its parents, to handle a key (page or zoom).
    function offer(method: string, direction: int): void {
        for (let item = root.chain.focused; item; item = item.parent) {
            if (root.handled(item, method, direction))
                return;
        }
    }

    function arrow(dx: int, dy: int): void {
        if (root.arrowTaken(root.chain.focused, dx, dy))
            return;
        const sideways = Theme.rightToLeft ? -dx : dx;
        root.chain.moveFocus(sideways + dy > 0);
    }

    // What a key does (see the table at the end).
    function act(name: string): void {
        const arrows = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };
        if (root.onAttract) {
            root.keyUsed();  // any key starts the visit
        } else if (name === "back" || name === "home") {
            root.keyboardActive = true;
            if (Access.panelOpen && name === "back")
                Access.closePanel();  // Back closes the accessibility panel first
            else if (root.chain.modal())
                return;  // staff panels close with their own buttons
            else if (name === "back")
                Navigator.back();
            else
                Navigator.home();
        } else if (root.keyUsed() || !root.chain.reachable(root.chain.focused)) {
            return;  // the first key only shows where the focus is
        } else if (name === "next" || name === "previous") {
            root.chain.moveFocus(name === "next");
        } else if (arrows[name]) {
            root.arrow(arrows[name][0], arrows[name][1]);
        } else if (name === "activate") {
            root.press(root.chain.focused);
        } else {
            const page = { pageUp: ["keyPage", -1], pageDown: ["keyPage", 1],
                           zoomIn: ["keyZoom", 1], zoomOut: ["keyZoom", -1] }[name];
            root.offer(page[0], page[1]);
        }
    }

    objectName: "keyActions"

    // The keys (each with its keypad twins) and what they do; see `act`.
    Instantiator {
        model: [
            { keys: ["Tab"], act: "next" },
            { keys: ["Shift+Tab", "Backtab"], act: "previous" },
            { keys: ["Left", "Num+4"], act: "left" },
            { keys: ["Right", "Num+6"], act: "right" },
            { keys: ["Up", "Num+8"], act: "up" },
            { keys: ["Down", "Num+2"], act: "down" },
            { keys: ["Return", "Enter", "Space", "Num+5", "Clear"], act: "activate" },
            { keys: ["Esc", "Backspace", "Num+0", "Num+.", "Num+Ins", "Num+Del"], act: "back" },
            { keys: ["Home"], act: "home" },
            { keys: ["PgUp"], act: "pageUp" },
            { keys: ["PgDown"], act: "pageDown" },
            { keys: ["+", "=", "Num++"], act: "zoomIn" },
            { keys: ["-", "Num+-"], act: "zoomOut" }
        ]

        Shortcut {
            required property var modelData

            sequences: modelData.keys
            onActivated: root.act(modelData.act)
        }
    }
}
