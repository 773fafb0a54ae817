import QtQuick
import Kiosk

// An exhibit's link, to take home: its QR code (dark modules on white, with the quiet zone of
// four modules the standard asks for, drawn crisp: whole pixels per module, no smoothing), what
// to do with it, what the page is and the site it is on. The kiosk never opens the link itself.
// In high contrast the code stays black on white.
Rectangle {
    id: card

    // {url, host, label, name, qr: {modules, runs}} from the exhibit's data (kiosk/app/qr.py)
    property var link: ({})
    property string scanText: ""
    readonly property string accessibleName: card.link.name ?? ""
    readonly property int modules: card.link.qr ? card.link.qr.modules : 0
    readonly property var runs: card.link.qr ? card.link.qr.runs : []
    // at least 4 px a module at 1080p, and about 260 px for the whole code: phones read it from
    // arm's length
    readonly property int moduleSize: card.modules > 0
                                      ? Math.max(1, Math.round(4 * Theme.scale),
                                                 Math.floor(260 * Theme.scale / card.modules))
                                      : 0
    readonly property int codeSize: card.modules * card.moduleSize
    readonly property int padding: Theme.unit * 2

    // wide enough for the site's name on one line (with larger text too), up to a limit
    implicitWidth: Math.max(card.codeSize, Math.round(260 * Theme.scale),
                            Math.min(Math.ceil(hostMetrics.advanceWidth) + 2, Math.round(440 * Theme.scale)))
                   + card.padding * 2
    implicitHeight: column.implicitHeight + card.padding * 2
    visible: card.modules > 0
    color: Theme.surface
    radius: Theme.radius
    border.width: Theme.borderWidth
    border.color: Theme.borderColor

    Accessible.role: Accessible.Graphic
    Accessible.name: card.accessibleName
    Accessible.description: card.scanText

    TextMetrics {
        id: hostMetrics

        font: host.font
        text: host.text
    }

    Column {
        id: column

        x: card.padding
        y: card.padding
        width: card.width - card.padding * 2
        spacing: Theme.unit

        Rectangle {
            id: light

            objectName: "qrCode"
            anchors.horizontalCenter: parent.horizontalCenter
            width: card.codeSize
            height: card.codeSize
            color: "#ffffff"

            Canvas {
                id: code

                anchors.fill: parent
                antialiasing: false
                smooth: false

                onPaint: {
                    const context = code.getContext("2d");
                    context.reset();
                    context.fillStyle = "#ffffff";
                    context.fillRect(0, 0, code.width, code.height);
                    context.fillStyle = "#000000";
                    const size = card.moduleSize;
                    const runs = card.runs;
                    for (let index = 0; index + 2 < runs.length; index += 3)
                        context.fillRect(runs[index] * size, runs[index + 1] * size, runs[index + 2] * size, size);
                }
                onWidthChanged: code.requestPaint()
                onHeightChanged: code.requestPaint()

                Connections {
                    target: card

                    function onRunsChanged(): void {
                        code.requestPaint();
                    }

                    function onModuleSizeChanged(): void {
                        code.requestPaint();
                    }
                }
            }
        }

        Text {
            width: column.width
            text: card.scanText
            textFormat: Text.PlainText
            color: Theme.text
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            font.bold: true
        }

        Text {
            width: column.width
            text: card.link.label ?? ""
            textFormat: Text.PlainText
            color: Theme.text
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }

        Text {
            id: host

            width: column.width
            text: card.link.host ?? ""
            textFormat: Text.PlainText
            color: Theme.mutedText
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            horizontalAlignment: Text.AlignHCenter
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.smallSize
        }
    }
}
