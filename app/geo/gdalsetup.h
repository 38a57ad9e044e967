#pragma once

#include <QString>
#include <QStringList>

#include <cpl_error.h>

namespace caseatlas {

// Registers GDAL's drivers once, with PROJ's network access (grid downloads) turned off: only an
// online tile source the user adds on purpose ever reaches the network. Safe to call often.
void ensureGdal();

// Collects GDAL's messages for this thread while it lives, instead of printing them.
class GdalErrors {
public:
    GdalErrors() {
        CPLPushErrorHandlerEx(&GdalErrors::handler, this);
        CPLErrorReset();
    }
    ~GdalErrors() { CPLPopErrorHandler(); }
    GdalErrors(const GdalErrors&) = delete;
    GdalErrors& operator=(const GdalErrors&) = delete;
    QString text() const { return m_messages.join(QStringLiteral("; ")); }
    bool hasError() const { return m_failed; }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<GdalErrors*>(CPLGetErrorHandlerUserData());
        if (!self)
            return;
        if (level >= CE_Failure)
            self->m_failed = true;
        if (level >= CE_Warning && self->m_messages.size() < 5)
            self->m_messages << QString::fromUtf8(message);
    }
    QStringList m_messages;
    bool m_failed = false;
};

} // namespace caseatlas
