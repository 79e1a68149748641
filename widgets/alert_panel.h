#pragma once
// The alert pane of the operator (UI guide §2): the live list (thumbnail, time, severity,
// camera, event, score, state — unreviewed alerts bold and tinted, their count in the title),
// filters (camera, event, state, period) with a search of the stored history, and the review
// sheet (« levée de doute »): the clip around the alert (−15 s … +10 s) replayed with the
// boxes that caused it, the details, and the qualification — Confirmer (Ctrl+Entrée) or
// Fausse alerte (Ctrl+Suppr, reason required), with a comment. Espace takes the selected
// alert in charge (« Vue », the sound stops) and plays its clip; Ctrl+↑/↓ move in the list.
// « Reporter 30 s » (Ctrl+R) puts an unreviewed alert aside: no longer prominent nor ringing,
// it comes back as new after the delay if nobody qualified it (then it rings again).
// A new alert rings once (QApplication::beep); a critical one rings every few seconds until
// someone takes it. M mutes the sound.
//
// It emits intents (qualify, take); the application checks the rights in core, stores them
// and feeds the model back. Pictures come from an AlertMediaProvider and history from an
// AlertHistorySource, both owned by the application.
// Thread: GUI thread only.

#include <QList>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QWidget>

#include <optional>

#include "core/alert.h"
#include "widgets/alert_list_model.h"
#include "widgets/alert_media.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QTableView;

namespace vigie::widgets {

// The filters of the list, over the AlertListModel.
class AlertFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class StateFilter { Invalid = 0, All, Unreviewed, Confirmed, FalsePositive };

    explicit AlertFilterProxy(QObject* parent = nullptr);

    void setCameraId(const QString& cameraId);  // empty: every camera
    void setEvent(core::EventType event);       // Invalid: every event
    void setState(StateFilter state);
    void setFromMs(qint64 fromMs);  // 0: no lower bound
    QString cameraId() const { return m_cameraId; }
    core::EventType event() const { return m_event; }
    StateFilter state() const { return m_state; }
    qint64 fromMs() const { return m_fromMs; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_cameraId;
    core::EventType m_event = core::EventType::Invalid;
    StateFilter m_state = StateFilter::All;
    qint64 m_fromMs = 0;
};

// The clip of an alert, replayed with its overlay; the snapshot when there is no clip.
class AlertClipView : public QWidget {
    Q_OBJECT

public:
    explicit AlertClipView(QWidget* parent = nullptr);

    void setClip(const QList<AlertClipFrame>& frames);
    // The picture and evidence boxes shown when there is no clip (or before it plays).
    void setStill(const QImage& image, const std::vector<core::BoxF>& boxes);
    void clear(const QString& message);
    int frameCount() const { return int(m_frames.size()); }
    int position() const { return m_position; }
    bool isPlaying() const { return m_timer.isActive(); }
    // Offset of the shown picture from the alert's start, in ms (0 without a clip).
    qint64 offsetMs() const;

    QSize sizeHint() const override { return {480, 270}; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void seek(int position);

Q_SIGNALS:
    void positionChanged(int position);
    void playingChanged(bool playing);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void advance();

    QList<AlertClipFrame> m_frames;
    QImage m_still;
    std::vector<core::BoxF> m_stillBoxes;
    QString m_message;
    int m_position = 0;
    QTimer m_timer;
};

class AlertPanel : public QWidget {
    Q_OBJECT

public:
    explicit AlertPanel(AlertListModel* model, QWidget* parent = nullptr);

    static constexpr int kCriticalRepeatMs = 5000;

    QTableView* view() const { return m_view; }
    AlertFilterProxy* filterModel() const { return m_proxy; }
    AlertClipView* clipView() const { return m_clip; }
    QString selectedUid() const;
    void selectUid(const QString& uid);

    // Borrowed; may be null (no pictures, no history search).
    void setMediaProvider(AlertMediaProvider* provider);
    void setHistorySource(AlertHistorySource* source);
    // The cameras offered by the camera filter (id → name, in order).
    void setCameras(const QList<QPair<QString, QString>>& cameras);
    // Without the right to qualify, the actions stay visible but disabled.
    void setQualifyAllowed(bool allowed);
    bool isMuted() const { return m_muted; }
    int soundsPlayed() const { return m_sounds; }
    // The last message of the history search or of a refusal.
    QString statusText() const;

Q_SIGNALS:
    void qualifyRequested(const QString& uid, vigie::core::Qualification qualification,
                          const QString& comment);
    void takeRequested(const QString& uid);
    void postponeRequested(const QString& uid);
    void alertSelected(const QString& uid);

public Q_SLOTS:
    void confirmSelected();
    void markSelectedFalsePositive();
    // Espace: takes the selected alert in charge and plays its clip.
    void takeSelected();
    // Ctrl+R: postpones the selected unreviewed alert (AlertListModel::kPostponeDelay).
    void postponeSelected();
    void selectNext();
    void selectPrevious();
    void setMuted(bool muted);
    // A new live alert: sound and visual cue (never steals the focus).
    void announce(const vigie::core::Alert& alert);
    // Searches the stored history with the current filters; returns the alerts found.
    int searchHistory();
    // Filters, by code (tests, shortcuts).
    void setCameraFilter(const QString& cameraId);
    void setEventFilter(vigie::core::EventType event);
    void setStateFilter(vigie::widgets::AlertFilterProxy::StateFilter state);
    // 0: every period; else the last `hours` hours.
    void setPeriodFilter(int hours);
    void refreshMedia();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateDetails();
    void applyFilters();
    void ring();
    core::AlertFilter storeFilter() const;

    AlertListModel* m_model;
    AlertFilterProxy* m_proxy = nullptr;
    AlertMediaProvider* m_media = nullptr;
    AlertHistorySource* m_history = nullptr;
    QList<QPair<QString, QString>> m_cameras;
    QLabel* m_title = nullptr;
    QComboBox* m_cameraFilter = nullptr;
    QComboBox* m_eventFilter = nullptr;
    QComboBox* m_stateFilter = nullptr;
    QComboBox* m_periodFilter = nullptr;
    QPushButton* m_search = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_sheetTitle = nullptr;
    AlertClipView* m_clip = nullptr;
    QSlider* m_clipSlider = nullptr;
    QPushButton* m_play = nullptr;
    QLabel* m_clipTime = nullptr;
    QLabel* m_details = nullptr;
    QComboBox* m_reason = nullptr;
    QLineEdit* m_comment = nullptr;
    QPushButton* m_take = nullptr;
    QPushButton* m_postpone = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_falsePositive = nullptr;
    QString m_mediaUid;
    QString m_statusText;
    bool m_qualifyAllowed = true;
    bool m_muted = false;
    int m_sounds = 0;
    QTimer m_repeat;  // critical alerts ring again until taken
};

}  // namespace vigie::widgets
