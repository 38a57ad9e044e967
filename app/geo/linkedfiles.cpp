#include "geo/linkedfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

// One file for every CaseAtlas process of this user (the app, the command line), whatever its
// application name; one QSettings shared by the process's threads, behind a lock.
QMutex lock;
QSettings& settings() {
    static QSettings s(QSettings::IniFormat, QSettings::UserScope, u"CaseAtlas"_s,
                       u"linked-files"_s);
    return s;
}

QString key(const QString& path) {
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

bool linkedFileAllowed(const QString& path) {
    if (path.isEmpty())
        return false;
    const QMutexLocker locked(&lock);
    settings().sync(); // what another CaseAtlas process allowed meanwhile
    return settings().value(u"allowed"_s).toStringList().contains(key(path));
}

void allowLinkedFile(const QString& path) {
    if (path.isEmpty() || linkedFileAllowed(path))
        return;
    const QMutexLocker locked(&lock);
    QStringList allowed = settings().value(u"allowed"_s).toStringList();
    allowed << key(path);
    settings().setValue(u"allowed"_s, allowed);
    settings().sync();
}

} // namespace caseatlas
