pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Where keyboard focus can go, for KeyboardNavigation: the controls of the current screen in
// focus-chain order, the panel or layer that keeps the focus inside it while it shows, and the
// scrolling lists a control is in, moved so that the control is fully on screen.
// A control is an item that is `activeFocusOnTab`, visible and enabled.
Item {
    id: root

    readonly property Item focused: root.Window.activeFocusItem

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

    objectName: "focusChain"
}
