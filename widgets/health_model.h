#pragma once
// HealthModel: one row per component of the installation — the engine, the compute device
// (GPU or CPU), the disk, the database, each connector to a VMS or broker, each camera —
// with a level green / yellow / red / grey (core::HealthLevel: Ok, Degraded, Down, Unknown)
// decided from a core::EngineHealth snapshot (fed by the application every ~2 s) and the
// SystemHealth figures the application measures beside it.
//
// Thresholds (HealthThresholds, defaults below) — the worst finding of a row wins:
// - Camera: its state gives the base level (core::healthLevel: live → green; connecting,
//   stalled, reconnecting → yellow; failed → red; stopped → grey). A live camera turns
//   yellow when its last picture is older than pictureAgeDegradedMs (5 s, as Genetec does),
//   when it reconnected or had decode errors since the previous snapshot, or when more than
//   dropFractionDegraded (20 %) of the pictures due for analysis in the interval were
//   dropped.
// - Engine: yellow when processing is stopped (global switch), when the 95th percentile of
//   the picture → alert latency exceeds latencyDegradedMs (2 s), when the detector failed
//   since the previous snapshot; red above latencyDownMs (10 s) or when the detector failed
//   without a single successful inference in the interval.
// - Compute (GPU/CPU): yellow above gpuMemoryDegraded (90 %) of the GPU memory or above
//   loadDegraded (95 %) of GPU or CPU load; red above gpuMemoryDown (97 %).
// - Disk: yellow below freeFractionDegraded (10 %) or freeBytesDegraded (5 GiB) free; red
//   below freeFractionDown (3 %) or freeBytesDown (1 GiB). Unknown when not measured.
// - Database: red when the store reports an error; yellow when the writer's queue holds more
//   than writerPendingDegraded (1000) items or a write failed since the previous snapshot.
// - Connector: connected → green (yellow with more than outboxDegraded (100) alerts waiting
//   in its outbox); retrying → yellow; down → red; disabled → grey.
// - Every row turns grey (no data) when no snapshot arrived for staleAfterMs (10 s: five
//   missed updates), as a central console shows a server it cannot reach.
//
// Thread: GUI thread only.

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/health.h"

namespace vigie::widgets {

enum class ConnectorState { Invalid = 0, Connected, Retrying, Down, Disabled };

struct ConnectorHealth {
    std::string name;  // "Milestone (XProtect)", "MQTT"…
    ConnectorState state = ConnectorState::Invalid;
    std::int64_t outboxPending = 0;
    std::string lastError;
};

struct StorageHealth {
    std::optional<std::uint64_t> freeBytes;  // of the file system holding the database
    std::optional<std::uint64_t> totalBytes;
    bool databaseOk = true;
    std::string databaseError;
    std::int64_t writerPending = 0;   // StoreWriter::pending()
    std::int64_t writerFailures = 0;  // StoreWriter::failures(), cumulative
};

struct ComputeHealth {
    std::optional<double> gpuLoad;            // 0..1
    std::optional<double> gpuMemoryFraction;  // used / total, 0..1
    std::optional<double> cpuLoad;            // 0..1, load average / cores
};

// What the application measures beside the engine snapshot.
struct SystemHealth {
    StorageHealth storage;
    ComputeHealth compute;
    std::vector<ConnectorHealth> connectors;
};

struct HealthThresholds {
    std::int64_t pictureAgeDegradedMs = 5'000;
    double dropFractionDegraded = 0.20;
    double latencyDegradedMs = 2'000.0;
    double latencyDownMs = 10'000.0;
    double gpuMemoryDegraded = 0.90;
    double gpuMemoryDown = 0.97;
    double loadDegraded = 0.95;
    double freeFractionDegraded = 0.10;
    double freeFractionDown = 0.03;
    std::uint64_t freeBytesDegraded = 5ULL << 30;
    std::uint64_t freeBytesDown = 1ULL << 30;
    std::int64_t writerPendingDegraded = 1'000;
    std::int64_t outboxDegraded = 100;
    std::int64_t staleAfterMs = 10'000;
};

class HealthModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ComponentColumn = 0, StateColumn, DetailColumn, ColumnCount };
    enum class Kind { Invalid = 0, Engine, Compute, Disk, Database, Connector, Camera };
    static constexpr int LevelRole = Qt::UserRole + 1;  // int(core::HealthLevel)
    static constexpr int KindRole = Qt::UserRole + 2;   // int(Kind)
    static constexpr int IdRole = Qt::UserRole + 3;     // camera id or connector name

    struct Row {
        Kind kind = Kind::Invalid;
        QString id;
        QString name;
        core::HealthLevel level = core::HealthLevel::Unknown;
        QString detail;   // one line: why this level
        QString tooltip;  // counters
    };

    explicit HealthModel(QObject* parent = nullptr);

    void setThresholds(const HealthThresholds& thresholds) { m_thresholds = thresholds; }
    const HealthThresholds& thresholds() const { return m_thresholds; }
    void setCameraNames(const QHash<QString, QString>& idToName);
    // A new snapshot; deltas (reconnects, errors, drops) are taken against the previous one.
    void setSnapshot(const core::EngineHealth& engine, const SystemHealth& system = {});
    // Every row grey (no data) while stale; the next snapshot lifts it.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    int rowOf(Kind kind, const QString& id = {}) const;
    core::HealthLevel levelOf(Kind kind, const QString& id = {}) const;
    const Row* rowAt(int row) const;
    // Rows at each level, for a summary line.
    int countAt(core::HealthLevel level) const;
    core::HealthLevel worstLevel() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString levelLabel(core::HealthLevel level);

private:
    Row cameraRow(const core::CameraHealth& camera, const core::CameraHealth* previous) const;
    Row engineRow(const core::EngineHealth& engine, const core::EngineHealth* previous) const;
    Row computeRow(const core::EngineHealth& engine, const ComputeHealth& compute) const;
    Row diskRow(const StorageHealth& storage) const;
    Row databaseRow(const StorageHealth& storage, const StorageHealth* previous) const;
    Row connectorRow(const ConnectorHealth& connector) const;
    core::HealthLevel shownLevel(const Row& row) const;
    void replaceRows(std::vector<Row> rows);

    HealthThresholds m_thresholds;
    QHash<QString, QString> m_cameraNames;
    std::vector<Row> m_rows;
    std::optional<core::EngineHealth> m_previous;
    std::optional<SystemHealth> m_previousSystem;
    bool m_stale = false;
};

}  // namespace vigie::widgets
