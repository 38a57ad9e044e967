#pragma once

#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace caseatlas {

// Under the map: which time the map shows. By default it follows the timeline's visible span;
// choosing a window width (a week … a year) lets the slider pick the window, and Play animates
// it through the whole case.
class MapTimeBar : public QWidget {
    Q_OBJECT
public:
    using Window = std::optional<std::pair<qint64, qint64>>;
    // Where the case's dates begin and end (seconds); false when it has no dated events.
    using SpanProvider = std::function<bool(qint64& first, qint64& last)>;

    explicit MapTimeBar(QWidget* parent = nullptr);
    void setSpanProvider(SpanProvider provider) { m_span = std::move(provider); }

    bool following() const;
    bool isPlaying() const;
    Window window() const;
    // Steps the animation once (the timer calls this); false at the end of the case.
    bool step();

public slots:
    void play();
    void pause();
    void togglePlay();
    void follow();

signals:
    // The window the map should show; nullopt: follow the timeline again.
    void windowChanged(caseatlas::MapTimeBar::Window window);

private:
    qint64 widthSeconds() const;
    void announce();
    QToolButton* m_play;
    QSlider* m_slider;
    QComboBox* m_width;
    QLabel* m_label;
    QTimer* m_timer;
    SpanProvider m_span;
};

} // namespace caseatlas
