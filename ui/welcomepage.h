#pragma once

#include <QWidget>

class QListWidget;

namespace caseatlas {

// What a window shows with no case open: New, Open, the sample case and recent files.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);
    void setRecentFiles(const QStringList& paths);

signals:
    void newRequested();
    void openRequested();
    void sampleRequested();
    void recentRequested(const QString& path);

private:
    QListWidget* m_recent;
};

} // namespace caseatlas
