pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Keys and assistive keypads drive the whole kiosk. Place one inside Main.qml's content item,
// next to the StackView named "stack"; it stays above the screens to notice touches.
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
// On the attract loop any key starts the visit. Once a key has been used, each new screen
// starts with focus on its first control (not on Home); a touch hides the focus ring until
// the next key. Controls take part by being `activeFocusOnTab` with an accessible name, and
// by defining any of these functions:
//   keyActivate()              Enter, Return, Space, keypad 5
//   keyArrow(dx, dy): bool     an arrow (dx, dy in -1..1, on screen); true if the control used it
//   keyPage(direction): bool   Page Up (-1), Page Down (+1); asked of the control, then its parents
//   keyZoom(direction): bool   + (1), - (-1); asked of the control, then its parents
Item {
    id: root

    // a key has been used since the last touch, in this visit
    property bool keyboardActive: false
    // the control that last had focus (to recover when it disappears or is disabled)
    property Item lastFocused: null
    readonly property Item focused: root.Window.activeFocusItem
    readonly property bool onAttract: Navigator.screen === "attract"

    function isControl(item: Item): bool {
        return item !== null && item.activeFocusOnTab && item.visible && item.enabled;
    }

    function contains(outer: Item, item: Item): bool {
        for (let step = item; step; step = step.parent) {
            if (step === outer)
                return true;
        }
        return false;
    }

    function named(item: Item, name: string, depth: int): Item {
        if (!item || depth < 0)
            return null;
        if (item.objectName === name)
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = root.named(item.children[i], name, depth - 1);
            if (found)
                return found;
        }
        return null;
    }

    // Does the control define this key function (see above)?
    function defines(control: var, name: string): bool {
        return control !== null && control !== undefined && typeof control[name] === "function";
    }

    function arrowTaken(control: var, dx: int, dy: int): bool {
        return root.isControl(control) && root.defines(control, "keyArrow") && control.keyArrow(dx, dy);
    }

    function press(control: var): void {
        if (root.defines(control, "keyActivate"))
            control.keyActivate();
    }

    function handled(control: var, method: string, direction: int): bool {
        return root.defines(control, method) && control[method](direction);
    }

    // The StackView named "stack" (a var: its StackView properties are read by name).
    function stack(): var {
        return root.named(root.Window.contentItem, "stack", 4);
    }

    // The screen the StackView shows now (null while it changes).
    function currentScreen(): Item {
        const stack = root.stack();
        if (!stack || stack.busy)
            return null;
        return stack.currentItem;
    }

    // The first control in the focus chain inside `scope` (null if there is none).
    function firstControlIn(scope: Item): Item {
        if (!scope)
            return null;
        let item = scope.nextItemInFocusChain(true);
        for (let guard = 0; item && guard < 2000; ++guard) {
            if (root.isControl(item) && root.contains(scope, item))
                return item;
            const next = item.nextItemInFocusChain(true);
            if (next === item)
                break;
            item = next;
        }
        return null;
    }

    function focusItem(item: Item, forward: bool): bool {
        if (!item)
            return false;
        item.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason);
        return true;
    }

    // What keeps the focus inside it while it shows (else null): the accessibility panel, or
    // a part of the operations layer over the screens (closed screen, "Still there?",
    // the staff PIN pad and panel).
    function modal(): Item {
        const ops = root.named(root.Window.contentItem, "opsLayer", 2);
        for (let i = 0; ops && i < ops.children.length; ++i) {
            if (ops.children[i].visible)
                return ops.children[i];
        }
        if (!Access.panelOpen)
            return null;
        const panel = root.named(root.Window.contentItem, "accessPanel", 4);
        return panel && panel.visible ? panel : null;
    }

    // A key may act on the focused control only if it is not hidden behind the panel or layer.
    function reachable(item: Item): bool {
        const over = root.modal();
        return item !== null && (!over || root.contains(over, item));
    }

    // The last control in the focus chain inside `scope`.
    function lastControlIn(scope: Item): Item {
        const first = root.firstControlIn(scope);
        let item = first ? first.nextItemInFocusChain(false) : null;
        for (let guard = 0; item && guard < 2000; ++guard) {
            if (root.isControl(item) && root.contains(scope, item))
                return item;
            item = item.nextItemInFocusChain(false);
        }
        return first;
    }

    // Focus the first control of the open panel or of the current screen; on a screen without
    // any, the first control there is (Home, Back ...).
    function focusFirst(): bool {
        const panel = root.modal();
        if (panel)
            return root.focusItem(root.firstControlIn(panel), true);
        if (root.focusItem(root.firstControlIn(root.currentScreen()), true))
            return true;
        return root.focusItem(root.firstControlIn(root.Window.contentItem), true);
    }

    function moveFocus(forward: bool): void {
        const from = root.focused;
        if (!root.isControl(from) || !root.reachable(from)) {
            root.focusFirst();
            return;
        }
        let next = from.nextItemInFocusChain(forward);
        const panel = root.modal();
        if (panel && !root.contains(panel, next))
            next = forward ? root.firstControlIn(panel) : root.lastControlIn(panel);
        if (next && next !== from)
            root.focusItem(next, forward);
    }

    // A key was pressed: true when it only starts the visit or shows where focus is.
    function keyUsed(): bool {
        if (root.onAttract) {
            root.keyboardActive = true;
            Navigator.touch();
            return true;
        }
        const fresh = !root.keyboardActive || !root.isControl(root.focused) || !root.reachable(root.focused);
        root.keyboardActive = true;
        return fresh && root.focusFirst();
    }

    // Ask the focused control, then its parents, to handle a key (page or zoom).
    function offer(method: string, direction: int): void {
        for (let item = root.focused; item; item = item.parent) {
            if (root.handled(item, method, direction))
                return;
        }
    }

    function arrow(dx: int, dy: int): void {
        if (root.arrowTaken(root.focused, dx, dy))
            return;
        const sideways = Theme.rightToLeft ? -dx : dx;
        root.moveFocus(sideways + dy > 0);
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
            else if (root.modal())
                return;  // staff panels close with their own buttons
            else if (name === "back")
                Navigator.back();
            else
                Navigator.home();
        } else if (root.keyUsed() || !root.reachable(root.focused)) {
            return;  // the first key only shows where the focus is
        } else if (name === "next" || name === "previous") {
            root.moveFocus(name === "next");
        } else if (arrows[name]) {
            root.arrow(arrows[name][0], arrows[name][1]);
        } else if (name === "activate") {
            root.press(root.focused);
        } else {
            const page = { pageUp: ["keyPage", -1], pageDown: ["keyPage", 1],
                           zoomIn: ["keyZoom", 1], zoomOut: ["keyZoom", -1] }[name];
            root.offer(page[0], page[1]);
        }
    }

    // Where a list should scroll to show [start, start + size) with some room around it.
    function scrollFor(now: real, start: real, size: real, view: real, low: real, high: real): real {
        const pad = Theme.margin;
        let to = now;
        if (start + size > to + view - pad)
            to = start + size - view + pad;
        if (start < to + pad)
            to = start - pad;
        return Math.max(low, Math.min(high, to));
    }

    // Scroll every list the item is in so that it is fully on screen.
    function reveal(item: Item): void {
        for (let step = item.parent; step; step = step.parent) {
            const list = step as Flickable;
            if (!list)
                continue;
            const where = item.mapToItem(list.contentItem, 0, 0);
            if (list.contentHeight > list.height)
                list.contentY = root.scrollFor(list.contentY, where.y, item.height, list.height,
                                               list.originY - list.topMargin,
                                               list.originY + list.contentHeight + list.bottomMargin - list.height);
            if (list.contentWidth > list.width)
                list.contentX = root.scrollFor(list.contentX, where.x, item.width, list.width,
                                               list.originX - list.leftMargin,
                                               list.originX + list.contentWidth + list.rightMargin - list.width);
        }
    }

    // The focused control vanished or was disabled (e.g. "zoom in" at the largest zoom):
    // move on to the next control after it.
    function recover(): void {
        if (!root.keyboardActive || root.isControl(root.focused) || settle.running)
            return;
        const from = root.lastFocused;
        if (from && root.focusItem(from.nextItemInFocusChain(true), true))
            return;
        root.focusFirst();
    }

    function touched(): void {
        root.keyboardActive = false;
        if (root.focused !== holder)
            holder.forceActiveFocus(Qt.MouseFocusReason);
    }

    objectName: "keyboardNavigation"
    anchors.fill: parent
    z: 1000
    onFocusedChanged: {
        const item = root.focused;
        if (root.isControl(item)) {
            root.lastFocused = item;
            root.reveal(item);
        } else if (item !== holder) {
            Qt.callLater(root.recover);
        }
    }
    Component.onCompleted: holder.forceActiveFocus()

    // Takes the keys while no control has focus: on the attract loop, after a touch, at start.
    Item {
        id: holder

        objectName: "keyHolder"
        Keys.onPressed: event => {
            event.accepted = root.onAttract;
            if (root.onAttract)
                root.keyUsed();
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
            if (!root.currentScreen() && settle.tries < 200)
                return;
            settle.stop();
            if (root.keyboardActive && !root.onAttract)
                root.focusFirst();
        }
    }

    Connections {
        target: Navigator

        function onNavigated(screen: string, id: string): void {
            root.lastFocused = null;
            if (screen === "attract") {
                root.keyboardActive = false;
                settle.stop();
                holder.forceActiveFocus();
                return;
            }
            if (!root.keyboardActive) {
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
            if (root.keyboardActive)
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
            if (!panelWatch.open && root.isControl(panelWatch.opener))
                root.focusItem(panelWatch.opener, true);
            else
                root.focusFirst();
        }
    }

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
