#pragma once

#include <QImage>
#include <QTextDocument>
#include <QUrl>

namespace caseatlas {

// What an image that names a file or an address is drawn as: a small grey square. It must be a
// real image: when a document's resource is empty, Qt's image handler loads the name straight
// from the disk itself.
inline QImage withheldImage() {
    static const QImage image = [] {
        QImage i(16, 16, QImage::Format_ARGB32);
        i.fill(QColor(0x9e, 0x9e, 0x9e, 90));
        return i;
    }();
    return image;
}

// Whether a resource of a note or description may be used: only images embedded as data: URLs.
inline bool embeddedImage(int type, const QUrl& name) {
    return type == QTextDocument::ImageResource &&
           name.scheme().compare(QLatin1String("data"), Qt::CaseInsensitive) == 0;
}

// A QTextDocument that loads nothing from the disk or the network: an image is shown only when
// it is embedded as a data: URL. Notes, descriptions and titles come from case files made by
// others; a Markdown image such as ![](file:///home/me/key.png) or <img src="/etc/…"> must not
// make the app read that file (a plain QTextDocument would, to lay it out).
class SafeTextDocument : public QTextDocument {
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl& name) override {
        if (embeddedImage(type, name))
            return QTextDocument::loadResource(type, name);
        if (type == QTextDocument::ImageResource)
            return withheldImage();
        return QByteArray(); // a style sheet or anything else: empty
    }
};

} // namespace caseatlas
