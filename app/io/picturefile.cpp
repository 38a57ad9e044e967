#include "io/picturefile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSvgGenerator>

using namespace Qt::StringLiterals;

namespace caseatlas {

Status writePictureFile(const QString& path, QSize size, double dpi, const QString& title,
                        const std::function<void(QPainter&)>& paint) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (size.width() < 100 || size.height() < 100 || size.width() > 20000 || size.height() > 20000)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "A picture must be 100×100 to 20000×20000 pixels."));
    if (dpi < 24 || dpi > 1200)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "The resolution must be 24 to 1200 DPI."));
    const Error writeError =
        makeError(ErrorCode::Io,
                  QCoreApplication::translate("caseatlas", "%1 could not be written.").arg(path));
    QPainter p;
    if (suffix == u"png") {
        const double scale = dpi / 96.0;
        QImage image((QSizeF(size) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(int(dpi / 0.0254));
        image.setDotsPerMeterY(int(dpi / 0.0254));
        p.begin(&image);
        p.scale(scale, scale);
        paint(p);
        p.end();
        return image.save(path, "PNG") ? Status{} : Status{writeError};
    }
    if (suffix == u"svg") {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(title);
        if (!p.begin(&svg))
            return writeError;
        paint(p);
        return p.end() ? Status{} : Status{writeError};
    }
    if (suffix == u"pdf") {
        QPdfWriter pdf(path);
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator(u"CaseAtlas"_s);
        if (!p.begin(&pdf))
            return writeError;
        paint(p);
        return p.end() ? Status{} : Status{writeError};
    }
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "caseatlas", "\"%1\": choose a file ending in .png, .svg or .pdf.")
                         .arg(QFileInfo(path).fileName()));
}

} // namespace caseatlas
