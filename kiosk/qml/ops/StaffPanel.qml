pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// The staff panel: how the kiosk is doing, and what staff can do about it. It closes by
// itself after two minutes without a touch.
Rectangle {
    id: root

    readonly property int nameWidth: Math.round(300 * Theme.scale)
    // a portrait screen stacks status, actions and errors instead of placing them side by side
    readonly property bool portrait: root.width < root.height
    readonly property int fullWidth: root.width - 2 * Theme.margin
    // today's visits from the statistics file, read each time the panel opens
    readonly property var today: Staff.today

    objectName: "staffPanel"
    color: Theme.background

    // A small capital heading over a group, like "FLOOR" on the visitor's floor tiles.
    component GroupHeading: Text {
        textFormat: Text.PlainText
        color: Theme.mutedText
        font.family: Theme.latinFontFamily
        font.pixelSize: Theme.smallSize
        font.weight: Font.Bold
        font.capitalization: Font.AllUppercase
        font.letterSpacing: 2
    }

    // One line of the kiosk's health: a name, and a value that wraps rather than running on.
    component Fact: Row {
        id: fact

        property string name: ""
        property string value: ""
        property bool warning: false

        width: parent ? parent.width : 0
        spacing: Theme.unit * 2

        Text {
            width: root.nameWidth
            text: fact.name
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.bodySize
        }

        Text {
            width: fact.width - root.nameWidth - fact.spacing
            text: fact.value
            textFormat: Text.PlainText
            color: fact.warning ? Theme.accent : Theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.bodySize
            font.weight: fact.warning ? Font.Bold : Font.Normal
        }
    }

    MouseArea {
        anchors.fill: parent
    }

    Text {
        id: title

        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.margin
        text: Staff.words.staff_panel_title
        textFormat: Text.PlainText
        color: Theme.text
        font.family: Theme.latinFontFamily
        font.pixelSize: Theme.titleSize
        font.weight: Font.Bold
    }

    Column {
        id: facts

        anchors.left: parent.left
        anchors.top: title.bottom
        anchors.leftMargin: Theme.margin
        anchors.topMargin: Theme.unit * 3
        width: root.portrait ? root.fullWidth : parent.width * 0.6
        spacing: Theme.unit * 2

        GroupHeading {
            text: Staff.words.staff_status
        }

        Rectangle {
            width: parent.width
            height: status.height + 2 * Theme.unit * 3
            radius: Theme.radius
            color: Theme.surface

            Column {
                id: status

                anchors.centerIn: parent
                width: parent.width - 2 * Theme.unit * 3
                spacing: Theme.unit * 1.5

                Fact {
                    objectName: "contentStatus"
                    name: Staff.words.staff_content
                    value: Staff.contentState
                    warning: !Staff.contentValid
                }

                Fact {
                    name: Staff.words.staff_showing
                    value: Staff.showingSnapshot ? Staff.words.staff_showing_snapshot : Staff.words.staff_showing_folder
                    warning: Staff.showingSnapshot
                }

                Fact {
                    name: Staff.words.staff_last_reload
                    value: Staff.lastReload.length > 0 ? Staff.lastReload : Staff.words.staff_no_reload
                }

                Fact {
                    name: Staff.words.staff_running_for
                    value: Staff.uptime
                }

                Fact {
                    name: Staff.words.staff_opening_hours
                    value: Staff.schedule
                }

                Fact {
                    name: Staff.words.staff_last_error
                    value: Staff.lastError.length > 0 ? Staff.lastError : Staff.words.staff_no_error
                    warning: Staff.lastError.length > 0
                }
            }
        }

        GroupHeading {
            topPadding: Theme.unit
            text: Staff.words.staff_today
        }

        Rectangle {
            width: parent.width
            height: todayFacts.height + 2 * Theme.unit * 3
            radius: Theme.radius
            color: Theme.surface

            Column {
                id: todayFacts

                anchors.centerIn: parent
                width: parent.width - 2 * Theme.unit * 3
                spacing: Theme.unit * 1.5

                Fact {
                    objectName: "visitsToday"
                    name: Staff.words.staff_visits
                    value: root.today.visits ? root.today.visits : String(Staff.sessionsToday)
                }

                Fact {
                    objectName: "medianVisit"
                    visible: !!root.today.median
                    name: Staff.words.staff_median_visit
                    value: root.today.median ? root.today.median : ""
                }

                Fact {
                    objectName: "mostViewed"
                    visible: !!root.today.topExhibit
                    name: Staff.words.staff_most_viewed
                    value: root.today.topExhibit ? root.today.topExhibit : ""
                }

                Fact {
                    objectName: "languageShare"
                    visible: !!root.today.languages
                    name: Staff.words.staff_languages
                    value: root.today.languages ? root.today.languages : ""
                }

                Fact {
                    objectName: "statisticsNote"
                    visible: !!root.today.note
                    name: Staff.words.staff_statistics
                    value: root.today.note ? root.today.note : ""
                    warning: true
                }
            }
        }

        StaffPolls {
            width: parent.width
        }
    }

    GroupHeading {
        id: errorsHeading

        anchors.left: facts.left
        anchors.top: root.portrait ? actions.bottom : facts.bottom
        anchors.topMargin: Theme.unit * 3
        visible: Staff.contentErrors.length > 0
        text: Staff.errorsHeading
    }

    Rectangle {
        anchors.left: facts.left
        anchors.right: facts.right
        anchors.top: errorsHeading.bottom
        anchors.bottom: root.portrait ? closePanel.top : parent.bottom
        anchors.topMargin: Theme.unit * 2
        anchors.bottomMargin: root.portrait ? Theme.unit * 3 : Theme.margin
        visible: Staff.contentErrors.length > 0
        radius: Theme.radius
        color: Theme.surface

        ListView {
            objectName: "contentErrors"
            anchors.fill: parent
            anchors.margins: Theme.unit * 3
            clip: true
            model: Staff.contentErrors
            spacing: Theme.unit * 2

            delegate: Text {
                required property string modelData

                width: ListView.view.width
                text: modelData
                textFormat: Text.PlainText
                color: Theme.accent
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                font.family: "Noto Sans Mono"
                font.pixelSize: Theme.smallSize
            }
        }
    }

    Column {
        id: actions

        x: root.portrait ? Theme.margin : root.width - width - Theme.margin
        y: root.portrait ? facts.y + facts.height + Theme.unit * 3 : Theme.margin
        width: root.portrait ? root.fullWidth : parent.width * 0.3
        spacing: Theme.unit * 2

        GroupHeading {
            text: Staff.words.staff_content_and_screen
        }

        StaffButton {
            objectName: "reloadButton"
            width: parent.width
            text: Staff.words.staff_reload
            onClicked: Staff.reloadNow()
        }

        StaffButton {
            objectName: "screenTestButton"
            width: parent.width
            text: Staff.words.staff_screen_test
            onClicked: Staff.showScreenTest(true)
        }

        GroupHeading {
            topPadding: Theme.unit * 2
            text: Staff.volumeHeading
        }

        Slider {
            id: volume

            objectName: "volumeSlider"
            width: parent.width
            height: Math.max(72, Theme.touchTarget)
            from: 0
            to: 1
            value: Staff.volume
            onMoved: Staff.setVolume(value)

            background: Rectangle {
                x: volume.leftPadding
                y: volume.topPadding + volume.availableHeight / 2 - height / 2
                width: volume.availableWidth
                height: Theme.unit
                radius: height / 2
                color: Theme.surfaceRaised

                Rectangle {
                    width: volume.visualPosition * parent.width
                    height: parent.height
                    radius: height / 2
                    color: Theme.accent
                }
            }

            handle: Rectangle {
                x: volume.leftPadding + volume.visualPosition * (volume.availableWidth - width)
                y: volume.topPadding + volume.availableHeight / 2 - height / 2
                width: Math.max(48, Math.round(Theme.touchTarget * 0.75))
                height: width
                radius: width / 2
                color: volume.pressed ? Qt.lighter(Theme.accent, 1.15) : Theme.accent
                border.width: 3
                border.color: Theme.background
            }
        }

        GroupHeading {
            topPadding: Theme.unit * 2
            text: Staff.words.staff_the_kiosk
        }

        StaffButton {
            objectName: "restartButton"
            width: parent.width
            text: Staff.words.staff_restart
            onClicked: Staff.restartKiosk()
        }

        StaffButton {
            objectName: "exitButton"
            width: parent.width
            visible: Staff.allowExit
            text: Staff.words.staff_exit
            onClicked: Staff.exitToDesktop()
        }
    }

    StaffButton {
        id: closePanel

        objectName: "closePanelButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        width: root.portrait ? root.fullWidth : parent.width * 0.3
        primary: true
        text: Staff.words.staff_close_panel
        onClicked: Staff.closeAll()
    }
}
