pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic as Controls
import Kiosk

// Every content language as a large button in its own name and script, over the dimmed
// screen. Choosing one switches the kiosk to it; a tap outside, Escape or Backspace closes
// the picker. Keys work inside it: arrows (mirrored in right-to-left languages) and the
// keypad move between languages, Enter, Space or keypad 5 choose. In reach mode it sits in
// the lower part of the screen.
Controls.Popup {
    id: picker

    // opened with a key: the current language takes the focus (and shows its ring)
    property bool byKeys: false

    function openFrom(keyboard: bool): void {
        picker.byKeys = keyboard;
        picker.open();
    }

    function choose(code: string): void {
        Navigator.setLanguage(code);
        picker.close();
    }

    function focusedIndex(): int {
        for (let i = 0; i < choices.count; ++i) {
            const item = choices.itemAt(i);
            if (item && item.activeFocus)
                return i;
        }
        return -1;
    }

    function currentIndex(): int {
        const list = Navigator.languages;
        for (let i = 0; i < list.length; ++i) {
            if (list[i].code === Navigator.language)
                return i;
        }
        return 0;
    }

    function focusAt(index: int): void {
        const item = choices.itemAt(Math.max(0, Math.min(choices.count - 1, index)));
        if (item)
            item.forceActiveFocus(Qt.TabFocusReason);
    }

    // true when the key was used
    function handleKey(key: int, keypad: bool): bool {
        const focused = picker.focusedIndex();
        const forward = Theme.rightToLeft ? -1 : 1;
        let step = 0;
        if (key === Qt.Key_Right || (keypad && key === Qt.Key_6))
            step = forward;
        else if (key === Qt.Key_Left || (keypad && key === Qt.Key_4))
            step = -forward;
        else if (key === Qt.Key_Down || (keypad && key === Qt.Key_2))
            step = picker.columns;
        else if (key === Qt.Key_Up || (keypad && key === Qt.Key_8))
            step = -picker.columns;
        if (step !== 0) {
            picker.focusAt(focused < 0 ? picker.currentIndex() : focused + step);
            return true;
        }
        if ([Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space, Qt.Key_Select].indexOf(key) >= 0
                || (keypad && key === Qt.Key_5)) {
            if (focused < 0)
                picker.focusAt(picker.currentIndex());
            else
                picker.choose(Navigator.languages[focused].code);
            return true;
        }
        if (key === Qt.Key_Backspace || (keypad && key === Qt.Key_0)) {
            picker.close();
            return true;
        }
        return false;
    }

    readonly property int count: Navigator.languages.length
    readonly property real room: (picker.parent ? picker.parent.width : 1920) - 2 * Theme.margin
    readonly property real cellWidth: Math.round(260 * Theme.scale * Theme.textScale)
    readonly property real gap: Theme.unit * 2
    readonly property int columns: Math.max(1, Math.min(picker.count <= 4 ? 2 : (picker.count <= 9 ? 3 : 4),
                                                        Math.floor((picker.room - 2 * picker.padding + picker.gap)
                                                                   / (picker.cellWidth + picker.gap))))
    readonly property real topLimit: Theme.reach ? Theme.reachTop : Theme.margin

    objectName: "languagePicker"
    parent: Controls.Overlay.overlay
    modal: true
    dim: true
    focus: true
    closePolicy: Controls.Popup.CloseOnPressOutside | Controls.Popup.CloseOnEscape
    padding: Theme.margin * 0.75
    width: Math.min(picker.room, picker.columns * (picker.cellWidth + picker.gap) - picker.gap
                                 + 2 * picker.padding)
    height: Math.min(picker.implicitHeight, (picker.parent ? picker.parent.height : 1080)
                                            - picker.topLimit - Theme.margin)
    x: Math.round(((picker.parent ? picker.parent.width : 1920) - picker.width) / 2)
    y: {
        const full = picker.parent ? picker.parent.height : 1080;
        if (Theme.reach)
            return Math.max(picker.topLimit, full - picker.height - Theme.margin);
        return Math.max(picker.topLimit, Math.round((full - picker.height) / 2));
    }

    Controls.Overlay.modal: Rectangle {
        color: Qt.rgba(0, 0, 0, Theme.highContrast ? 0.85 : 0.6)
    }

    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.width: Theme.borderWidth
        border.color: Theme.borderColor
    }

    enter: Transition {
        NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.transitionMs }
    }
    exit: Transition {
        NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.transitionMs }
    }

    onOpened: {
        if (picker.byKeys)
            picker.focusAt(picker.currentIndex());
    }

    contentItem: Item {
        implicitWidth: grid.width
        Keys.onPressed: event => {
            event.accepted = picker.handleKey(event.key, (event.modifiers & Qt.KeypadModifier) !== 0);
        }
        implicitHeight: heading.height + picker.gap * 2 + grid.height
        LayoutMirroring.enabled: Theme.rightToLeft
        LayoutMirroring.childrenInherit: true

        Row {
            id: heading

            anchors.left: parent.left
            spacing: Theme.unit * 1.5

            Icon {
                anchors.verticalCenter: parent.verticalCenter
                name: "language"
                size: Math.round(Theme.touchTarget * 0.5)
            }

            Label {
                anchors.verticalCenter: parent.verticalCenter
                text: Navigator.words.choose_language ?? ""
                font.pixelSize: Theme.headingSize
                font.weight: Font.Bold
                wrapMode: Text.NoWrap
            }
        }

        Flickable {
            id: scroller

            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: heading.bottom
            anchors.bottom: parent.bottom
            anchors.topMargin: picker.gap * 2
            contentWidth: width
            contentHeight: grid.height
            clip: contentHeight > height
            interactive: contentHeight > height
            boundsBehavior: Flickable.StopAtBounds

            Grid {
                id: grid

                anchors.left: parent.left
                columns: picker.columns
                spacing: picker.gap

                Repeater {
                    id: choices

                    model: Navigator.languages

                    Tappable {
                        id: choice

                        required property var modelData
                        readonly property bool current: choice.modelData.code === Navigator.language

                        objectName: "language-" + choice.modelData.code
                        width: picker.cellWidth
                        height: Math.max(Math.round(Theme.touchTarget * 1.2),
                                         name.implicitHeight + Theme.unit * 3)
                        accessibleName: choice.modelData.name
                        onTapped: picker.choose(choice.modelData.code)

                        Rectangle {
                            anchors.fill: parent
                            radius: Theme.radius
                            color: choice.current ? Theme.accent
                                                  : (choice.pressed ? Theme.surfaceRaised : Theme.background)
                            border.width: Theme.borderWidth
                            border.color: choice.current ? Theme.accent : Theme.borderColor
                        }

                        Text {
                            id: name

                            anchors.verticalCenter: parent.verticalCenter
                            x: Theme.unit * 3
                            width: parent.width - Theme.unit * 6
                            text: choice.modelData.name
                            textFormat: Text.PlainText
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                            color: choice.current ? Theme.accentText : Theme.text
                            font.family: Theme.fontFor(choice.modelData.code)
                            font.pixelSize: Math.round(Theme.headingSize * 0.8)
                            font.weight: choice.current ? Font.Bold : Font.Normal
                        }
                    }
                }
            }
        }
    }
}
