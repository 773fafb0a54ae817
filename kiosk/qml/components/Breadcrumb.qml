pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Where the visitor is: Floor 1 · History  ›  Section. Each step can be tapped to go there.
// In a right-to-left language the steps run from the right and the separators point left.
// A long trail wraps onto a second line (large text, portrait) instead of being cut off.
Flow {
    id: root

    spacing: Theme.unit

    Repeater {
        model: Navigator.breadcrumb

        Row {
            id: step

            required property var modelData
            required property int index

            spacing: Theme.unit
            height: Theme.touchTarget

            // points the way of reading: right in English, left in Arabic
            Icon {
                anchors.verticalCenter: parent.verticalCenter
                visible: step.index > 0
                name: "next"
                size: Math.round(Theme.smallSize * 1.1)
                opacity: 0.7
            }

            Tappable {
                width: crumb.implicitWidth + Theme.unit * 2
                height: Theme.touchTarget
                accessibleName: step.modelData.title
                onTapped: step.modelData.kind === "floor" ? Navigator.openFloor(step.modelData.id)
                                                          : Navigator.openSection(step.modelData.id)

                Row {
                    id: crumb

                    anchors.centerIn: parent
                    spacing: Theme.unit

                    Rectangle {
                        anchors.verticalCenter: parent.verticalCenter
                        visible: step.modelData.kind === "floor"
                        width: floorLabel.implicitWidth + Theme.unit * 2
                        height: floorLabel.implicitHeight + Theme.unit
                        radius: Theme.unit / 2
                        color: Theme.floorColor

                        Label {
                            id: floorLabel

                            anchors.centerIn: parent
                            text: step.modelData.label
                            color: "white"
                            font.pixelSize: Theme.smallSize
                            font.weight: Font.Bold
                            wrapMode: Text.NoWrap
                        }
                    }

                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        text: step.modelData.title
                        font.pixelSize: Theme.smallSize
                        color: step.index === Navigator.breadcrumb.length - 1 ? Theme.text
                                                                               : Theme.mutedText
                        wrapMode: Text.NoWrap
                    }
                }
            }
        }
    }
}
