#pragma once
// Replay tuning (« Rejeu et réglage »): run the current settings of one camera on a recorded
// file, see when detections and alerts happened, scrub through the result with the overlays,
// change a threshold and run again — to understand false positives and negatives before
// going live.
//
// The view never runs the engine (widgets do not depend on inference): « Lancer » emits
// runRequested() with the file and the tuned site; the application's runner analyses it off
// the GUI thread and feeds the results back on the GUI thread through clearResults(),
// addFrame(), addAlert() and setFinished(). The results stay in the view: per analysed
// picture its time, objects and rules in alert, and a reduced copy of the picture (the
// runner may keep only some pictures; scrubbing then shows the latest kept picture before
// the position, with that position's overlay).
//
// ReplayTimeline: the per-second bars (objects seen per second, rules in alert) and the
// alert spans; a click or drag moves the position.
//
// Thread: GUI thread only. Ownership: plain QWidgets owned by their parent.
//
//   auto* view = new ReplayView(site, "quai2", this);
//   runner->attach(view);                        // app/workstation/replay_runner.h

#include <QImage>
#include <QWidget>

#include <cstdint>
#include <string>
#include <vector>

#include "core/alert.h"
#include "core/frame_sink.h"
#include "core/site.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QVBoxLayout;

namespace vigie::widgets {

class ParamForm;

struct ReplayFrame {
    std::int64_t ptsUs = 0;
    QImage image;  // may be null: the runner keeps a subset of the pictures
    std::vector<core::OverlayObject> objects;
    std::vector<std::string> alertingRuleIds;
};

// One second of the timeline.
struct TimelineBin {
    int second = 0;
    int frames = 0;       // analysed pictures in that second
    int detections = 0;   // objects seen, summed over those pictures
    int maxObjects = 0;   // most objects in one picture
    int alertFrames = 0;  // pictures with at least one rule in alert
};

// Per-second bins from frames sorted by time (second 0 up to the last picture).
std::vector<TimelineBin> timelineBins(const std::vector<ReplayFrame>& frames);

class ReplayTimeline : public QWidget {
    Q_OBJECT

public:
    explicit ReplayTimeline(QWidget* parent = nullptr);

    void setData(std::vector<TimelineBin> bins, std::vector<core::Alert> alerts,
                 std::int64_t durationUs);
    void setPositionUs(std::int64_t ptsUs);
    const std::vector<TimelineBin>& bins() const { return m_bins; }
    // Horizontal position of a time, for tests.
    int xOf(std::int64_t ptsUs) const;

    QSize sizeHint() const override { return {800, 90}; }
    QSize minimumSizeHint() const override { return {300, 70}; }

Q_SIGNALS:
    void positionRequested(std::int64_t ptsUs);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    std::int64_t timeAt(double x) const;

    std::vector<TimelineBin> m_bins;
    std::vector<core::Alert> m_alerts;
    std::int64_t m_durationUs = 0;
    std::int64_t m_positionUs = 0;
};

class ReplayView : public QWidget {
    Q_OBJECT

public:
    ReplayView(const core::Site& site, const std::string& cameraId, QWidget* parent = nullptr);

    // The site with the thresholds tuned here (what the next run uses).
    const core::Site& site() const { return m_site; }
    const std::string& cameraId() const { return m_cameraId; }
    QString videoFile() const { return m_videoFile; }
    void setVideoFile(const QString& path);
    // The parameter form of the rule chosen in the rule list (null when the camera has none).
    ParamForm* paramForm() const { return m_paramForm; }
    bool selectRule(const std::string& ruleId);
    // Starts a run (same as « Lancer »): emits runRequested when a file is chosen.
    void run();

    // Results, fed by the runner on the GUI thread.
    void clearResults();
    void addFrame(ReplayFrame frame);
    void addAlert(const core::Alert& alert);
    void setProgress(double seconds);
    void setFinished(const QString& error);
    bool isRunning() const { return m_running; }
    const std::vector<ReplayFrame>& frames() const { return m_frames; }
    const std::vector<core::Alert>& alerts() const { return m_alerts; }
    std::vector<TimelineBin> timeline() const { return timelineBins(m_frames); }
    ReplayTimeline* timelineWidget() const { return m_timeline; }
    QSlider* slider() const { return m_slider; }
    // The picture shown at the slider's position, with its overlay drawn.
    QImage currentPicture() const { return m_current; }

Q_SIGNALS:
    void runRequested(const QString& videoPath, const vigie::core::Site& site,
                      const QString& cameraId);
    void stopRequested();
    // « Appliquer au site »: keep these thresholds.
    void siteTuned(const vigie::core::Site& site);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void chooseFile();
    void refreshTimeline();
    void showFrame(int index);
    void refreshRules();

    core::Site m_site;
    std::string m_cameraId;
    std::string m_ruleId;
    QString m_videoFile;
    bool m_running = false;
    std::vector<ReplayFrame> m_frames;
    std::vector<core::Alert> m_alerts;
    QImage m_current;

    QLabel* m_title = nullptr;
    QPushButton* m_choose = nullptr;
    QLabel* m_file = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_apply = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_picture = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_time = nullptr;
    ReplayTimeline* m_timeline = nullptr;
    QLabel* m_ruleLabel = nullptr;
    QComboBox* m_rule = nullptr;
    QVBoxLayout* m_paramHost = nullptr;
    ParamForm* m_paramForm = nullptr;
    QLabel* m_alertsTitle = nullptr;
    QListWidget* m_alertList = nullptr;
};

}  // namespace vigie::widgets
