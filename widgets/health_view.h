#pragma once
// HealthView (« Santé »): the green / yellow / red state of every component — engine,
// GPU/CPU, disk, database, connectors, each camera — with the reason on each line and the
// counters of the selected row, over a HealthModel (see health_model.h for the thresholds).
// The application calls setSnapshot() about every 2 s with Engine::health() and what it
// measures itself (disk, database writer, connectors); without a snapshot for
// HealthThresholds::staleAfterMs every row turns grey.
// Thread: GUI thread only.
//
//   auto* health = new HealthView;
//   health->setCameraNames(names);
//   connect(timer, &QTimer::timeout, [&] { health->setSnapshot(engine.health(), system()); });

#include <QElapsedTimer>
#include <QWidget>

#include "widgets/health_model.h"

class QLabel;
class QTableView;
class QTimer;

namespace vigie::widgets {

class HealthView : public QWidget {
    Q_OBJECT

public:
    explicit HealthView(QWidget* parent = nullptr);

    HealthModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    void setThresholds(const HealthThresholds& thresholds);
    void setCameraNames(const QHash<QString, QString>& idToName);
    void setSnapshot(const core::EngineHealth& engine, const SystemHealth& system = {});
    // Grey everything when the last snapshot is older than the stale delay (also run by an
    // internal one-second timer).
    void checkStale();
    // The summary line: « 2 composants dégradés, 1 hors service ».
    QString summaryText() const;

Q_SIGNALS:
    // The worst level changed (for a status-bar indicator).
    void worstLevelChanged(core::HealthLevel level);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateSummary();
    void updateDetail();
    void retranslate();

    HealthModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_detail = nullptr;
    QTimer* m_staleTimer = nullptr;
    QElapsedTimer m_sinceSnapshot;
    core::HealthLevel m_worst = core::HealthLevel::Invalid;
};

}  // namespace vigie::widgets
