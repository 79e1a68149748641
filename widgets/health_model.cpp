#include "widgets/health_model.h"

#include <QLocale>

#include <algorithm>

#include "widgets/labels.h"

namespace vigie::widgets {

namespace {

using core::HealthLevel;

int severityRank(HealthLevel level) {
    switch (level) {
        case HealthLevel::Ok:
            return 1;
        case HealthLevel::Unknown:
        case HealthLevel::Invalid:
            return 0;
        case HealthLevel::Degraded:
            return 2;
        case HealthLevel::Down:
            return 3;
    }
    return 0;
}

// The worse of two levels; a known level beats "unknown".
HealthLevel worse(HealthLevel a, HealthLevel b) {
    return severityRank(b) > severityRank(a) ? b : a;
}

QString percent(double fraction) {
    return QLocale().toString(fraction * 100.0, 'f', 0) + QStringLiteral(" %");
}

QString gibibytes(std::uint64_t bytes) {
    return QLocale().toString(static_cast<double>(bytes) / double(1ULL << 30), 'f', 1) +
           QStringLiteral(" Gio");
}

}  // namespace

// --- HealthModel ----------------------------------------------------------------------------

HealthModel::HealthModel(QObject* parent) : QAbstractTableModel(parent) {}

void HealthModel::setCameraNames(const QHash<QString, QString>& idToName) {
    m_cameraNames = idToName;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].kind == Kind::Camera) {
            m_rows[i].name = m_cameraNames.value(m_rows[i].id, m_rows[i].id);
        }
    }
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

QString HealthModel::levelLabel(HealthLevel level) {
    switch (level) {
        case HealthLevel::Ok:
            return tr("OK");
        case HealthLevel::Degraded:
            return tr("Dégradé");
        case HealthLevel::Down:
            return tr("Hors service");
        case HealthLevel::Unknown:
        case HealthLevel::Invalid:
            break;
    }
    return tr("Inconnu");
}

HealthModel::Row HealthModel::cameraRow(const core::CameraHealth& camera,
                                        const core::CameraHealth* previous) const {
    Row row;
    row.kind = Kind::Camera;
    row.id = QString::fromStdString(camera.cameraId);
    row.name = m_cameraNames.value(row.id, row.id);
    row.level = core::healthLevel(camera.state);
    QStringList reasons{cameraStateLabel(camera.state)};
    if (camera.state == core::CameraState::Live) {
        if (camera.lastPictureAgeMs > m_thresholds.pictureAgeDegradedMs) {
            row.level = worse(row.level, HealthLevel::Degraded);
            reasons << tr("aucune image depuis %1 s").arg(camera.lastPictureAgeMs / 1000);
        }
        if (previous != nullptr) {
            if (camera.reconnects > previous->reconnects) {
                row.level = worse(row.level, HealthLevel::Degraded);
                reasons << tr("reconnectée");
            }
            if (camera.decodeErrors > previous->decodeErrors) {
                row.level = worse(row.level, HealthLevel::Degraded);
                reasons << tr("%n erreur(s) de décodage", nullptr,
                              int(camera.decodeErrors - previous->decodeErrors));
            }
            const std::int64_t dropped = camera.framesDropped - previous->framesDropped;
            const std::int64_t analysed = camera.framesAnalysed - previous->framesAnalysed;
            if (dropped > 0 && analysed + dropped > 0) {
                const double fraction = double(dropped) / double(analysed + dropped);
                if (fraction > m_thresholds.dropFractionDegraded) {
                    row.level = worse(row.level, HealthLevel::Degraded);
                    reasons << tr("%1 des images perdues").arg(percent(fraction));
                }
            }
        }
    }
    if (!camera.lastError.empty() && row.level != HealthLevel::Ok) {
        reasons << QString::fromStdString(camera.lastError);
    }
    row.detail = reasons.join(QStringLiteral(" — "));
    row.tooltip = tr("Images décodées : %1\nImages analysées : %2\nImages perdues : %3\n"
                     "Erreurs de décodage : %4\nReconnexions : %5\nAnalyse : %6 i/s\n"
                     "Dernière erreur : %7")
                      .arg(camera.framesDecoded)
                      .arg(camera.framesAnalysed)
                      .arg(camera.framesDropped)
                      .arg(camera.decodeErrors)
                      .arg(camera.reconnects)
                      .arg(QLocale().toString(camera.analysedFps, 'f', 1))
                      .arg(camera.lastError.empty() ? tr("aucune")
                                                    : QString::fromStdString(camera.lastError));
    return row;
}

HealthModel::Row HealthModel::engineRow(const core::EngineHealth& engine,
                                        const core::EngineHealth* previous) const {
    Row row;
    row.kind = Kind::Engine;
    row.name = tr("Moteur d'analyse");
    row.level = HealthLevel::Ok;
    QStringList reasons;
    if (!engine.processingEnabled) {
        row.level = HealthLevel::Degraded;
        reasons << tr("traitement arrêté (arrêt général)");
    }
    if (engine.latencySamples > 0) {
        if (engine.latencyP95Ms > m_thresholds.latencyDownMs) {
            row.level = worse(row.level, HealthLevel::Down);
            reasons << tr("latence très élevée");
        } else if (engine.latencyP95Ms > m_thresholds.latencyDegradedMs) {
            row.level = worse(row.level, HealthLevel::Degraded);
            reasons << tr("latence élevée");
        }
    }
    if (previous != nullptr && engine.detectorErrors > previous->detectorErrors) {
        const bool anyInference = engine.inferences > previous->inferences;
        row.level = worse(row.level, anyInference ? HealthLevel::Degraded : HealthLevel::Down);
        reasons << (anyInference ? tr("erreurs du détecteur") : tr("le détecteur échoue"));
    }
    if (reasons.isEmpty()) {
        reasons << tr("%n caméra(s) analysée(s)", nullptr, int(engine.cameras.size()));
    }
    reasons << tr("latence p95 %1 ms").arg(QLocale().toString(engine.latencyP95Ms, 'f', 0));
    row.detail = reasons.join(QStringLiteral(" — "));
    row.tooltip = tr("Inférences : %1\nLots : %2 (moyenne %3 images)\nErreurs du détecteur : "
                     "%4\nLatence p50 / p95 / p99 : %5 / %6 / %7 ms")
                      .arg(engine.inferences)
                      .arg(engine.batches)
                      .arg(QLocale().toString(engine.averageBatch, 'f', 1))
                      .arg(engine.detectorErrors)
                      .arg(QLocale().toString(engine.latencyP50Ms, 'f', 0))
                      .arg(QLocale().toString(engine.latencyP95Ms, 'f', 0))
                      .arg(QLocale().toString(engine.latencyP99Ms, 'f', 0));
    return row;
}

HealthModel::Row HealthModel::computeRow(const core::EngineHealth& engine,
                                         const ComputeHealth& compute) const {
    Row row;
    row.kind = Kind::Compute;
    row.name = tr("Calcul (GPU / CPU)");
    row.level = HealthLevel::Ok;
    QStringList reasons;
    reasons << (engine.detector.empty() ? tr("détecteur inconnu")
                                        : QString::fromStdString(engine.detector));
    if (compute.gpuMemoryFraction) {
        const double used = *compute.gpuMemoryFraction;
        if (used > m_thresholds.gpuMemoryDown) {
            row.level = worse(row.level, HealthLevel::Down);
        } else if (used > m_thresholds.gpuMemoryDegraded) {
            row.level = worse(row.level, HealthLevel::Degraded);
        }
        reasons << tr("mémoire GPU %1").arg(percent(used));
    }
    if (compute.gpuLoad) {
        if (*compute.gpuLoad > m_thresholds.loadDegraded) {
            row.level = worse(row.level, HealthLevel::Degraded);
        }
        reasons << tr("charge GPU %1").arg(percent(*compute.gpuLoad));
    }
    if (compute.cpuLoad) {
        if (*compute.cpuLoad > m_thresholds.loadDegraded) {
            row.level = worse(row.level, HealthLevel::Degraded);
        }
        reasons << tr("charge CPU %1").arg(percent(*compute.cpuLoad));
    }
    row.detail = reasons.join(QStringLiteral(" — "));
    row.tooltip = row.detail;
    return row;
}

HealthModel::Row HealthModel::diskRow(const StorageHealth& storage) const {
    Row row;
    row.kind = Kind::Disk;
    row.name = tr("Espace disque");
    if (!storage.freeBytes) {
        row.level = HealthLevel::Unknown;
        row.detail = tr("non mesuré");
        return row;
    }
    const std::uint64_t freeBytes = *storage.freeBytes;
    const double fraction = storage.totalBytes && *storage.totalBytes > 0
                                ? double(freeBytes) / double(*storage.totalBytes)
                                : 1.0;
    if (fraction < m_thresholds.freeFractionDown || freeBytes < m_thresholds.freeBytesDown) {
        row.level = HealthLevel::Down;
    } else if (fraction < m_thresholds.freeFractionDegraded ||
               freeBytes < m_thresholds.freeBytesDegraded) {
        row.level = HealthLevel::Degraded;
    } else {
        row.level = HealthLevel::Ok;
    }
    row.detail = storage.totalBytes ? tr("%1 libres sur %2 (%3)")
                                          .arg(gibibytes(freeBytes), gibibytes(*storage.totalBytes),
                                               percent(fraction))
                                    : tr("%1 libres").arg(gibibytes(freeBytes));
    row.tooltip = row.detail;
    return row;
}

HealthModel::Row HealthModel::databaseRow(const StorageHealth& storage,
                                          const StorageHealth* previous) const {
    Row row;
    row.kind = Kind::Database;
    row.name = tr("Base de données");
    row.level = HealthLevel::Ok;
    QStringList reasons;
    if (!storage.databaseOk) {
        row.level = HealthLevel::Down;
        reasons << (storage.databaseError.empty() ? tr("erreur d'écriture")
                                                  : QString::fromStdString(storage.databaseError));
    }
    if (storage.writerPending > m_thresholds.writerPendingDegraded) {
        row.level = worse(row.level, HealthLevel::Degraded);
        reasons << tr("%1 écritures en attente").arg(storage.writerPending);
    }
    if (previous != nullptr && storage.writerFailures > previous->writerFailures) {
        row.level = worse(row.level, HealthLevel::Degraded);
        reasons << tr("échecs d'écriture récents");
    }
    if (reasons.isEmpty()) {
        reasons << tr("écritures à jour");
    }
    row.detail = reasons.join(QStringLiteral(" — "));
    row.tooltip =
        tr("En attente : %1\nÉchecs : %2").arg(storage.writerPending).arg(storage.writerFailures);
    return row;
}

HealthModel::Row HealthModel::connectorRow(const ConnectorHealth& connector) const {
    Row row;
    row.kind = Kind::Connector;
    row.id = QString::fromStdString(connector.name);
    row.name = tr("Connecteur %1").arg(row.id);
    switch (connector.state) {
        case ConnectorState::Connected:
            row.level = connector.outboxPending > m_thresholds.outboxDegraded
                            ? HealthLevel::Degraded
                            : HealthLevel::Ok;
            row.detail = tr("connecté");
            break;
        case ConnectorState::Retrying:
            row.level = HealthLevel::Degraded;
            row.detail = tr("nouvelle tentative");
            break;
        case ConnectorState::Down:
            row.level = HealthLevel::Down;
            row.detail = tr("injoignable");
            break;
        case ConnectorState::Disabled:
        case ConnectorState::Invalid:
            row.level = HealthLevel::Unknown;
            row.detail = tr("désactivé");
            break;
    }
    if (connector.outboxPending > 0) {
        row.detail += QStringLiteral(" — ") +
                      tr("%n alerte(s) en attente d'envoi", nullptr, int(connector.outboxPending));
    }
    if (!connector.lastError.empty() && row.level != HealthLevel::Ok) {
        row.detail += QStringLiteral(" — ") + QString::fromStdString(connector.lastError);
    }
    row.tooltip = row.detail;
    return row;
}

void HealthModel::setSnapshot(const core::EngineHealth& engine, const SystemHealth& system) {
    std::vector<Row> rows;
    const core::EngineHealth* previous = m_previous ? &*m_previous : nullptr;
    rows.push_back(engineRow(engine, previous));
    rows.push_back(computeRow(engine, system.compute));
    rows.push_back(diskRow(system.storage));
    rows.push_back(
        databaseRow(system.storage, m_previousSystem ? &m_previousSystem->storage : nullptr));
    for (const auto& connector : system.connectors) {
        rows.push_back(connectorRow(connector));
    }
    for (const auto& camera : engine.cameras) {
        const core::CameraHealth* before = nullptr;
        if (previous != nullptr) {
            for (const auto& c : previous->cameras) {
                if (c.cameraId == camera.cameraId) {
                    before = &c;
                    break;
                }
            }
        }
        rows.push_back(cameraRow(camera, before));
    }
    m_previous = engine;
    m_previousSystem = system;
    m_stale = false;
    replaceRows(std::move(rows));
}

void HealthModel::replaceRows(std::vector<Row> rows) {
    bool sameShape = rows.size() == m_rows.size();
    for (std::size_t i = 0; sameShape && i < rows.size(); ++i) {
        sameShape = rows[i].kind == m_rows[i].kind && rows[i].id == m_rows[i].id;
    }
    if (sameShape) {
        m_rows = std::move(rows);
        if (!m_rows.empty()) {
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        }
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void HealthModel::setStale(bool stale) {
    if (stale == m_stale) {
        return;
    }
    m_stale = stale;
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

core::HealthLevel HealthModel::shownLevel(const Row& row) const {
    return m_stale ? HealthLevel::Unknown : row.level;
}

int HealthModel::rowOf(Kind kind, const QString& id) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].kind == kind && (id.isEmpty() || m_rows[i].id == id)) {
            return int(i);
        }
    }
    return -1;
}

core::HealthLevel HealthModel::levelOf(Kind kind, const QString& id) const {
    const int row = rowOf(kind, id);
    return row < 0 ? HealthLevel::Invalid : shownLevel(m_rows[std::size_t(row)]);
}

const HealthModel::Row* HealthModel::rowAt(int row) const {
    return row >= 0 && row < rowCount() ? &m_rows[std::size_t(row)] : nullptr;
}

int HealthModel::countAt(core::HealthLevel level) const {
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [&](const Row& r) { return shownLevel(r) == level; }));
}

core::HealthLevel HealthModel::worstLevel() const {
    if (m_rows.empty()) {
        return HealthLevel::Unknown;
    }
    HealthLevel level = HealthLevel::Unknown;
    for (const auto& r : m_rows) {
        level = worse(level, shownLevel(r));
    }
    return level;
}

int HealthModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HealthModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HealthModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[std::size_t(index.row())];
    const HealthLevel level = shownLevel(row);
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case ComponentColumn:
                    return row.name;
                case StateColumn:
                    return levelLabel(level);
                case DetailColumn:
                    return m_stale ? tr("aucune donnée récente") : row.detail;
                default:
                    return {};
            }
        case Qt::DecorationRole:
            return index.column() == StateColumn ? QVariant(healthColour(level)) : QVariant();
        case Qt::ToolTipRole:
            return row.tooltip.isEmpty() ? row.detail : row.tooltip;
        case LevelRole:
            return int(level);
        case KindRole:
            return int(row.kind);
        case IdRole:
            return row.id;
        default:
            return {};
    }
}

QVariant HealthModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case ComponentColumn:
            return tr("Composant");
        case StateColumn:
            return tr("État");
        case DetailColumn:
            return tr("Détail");
        default:
            return {};
    }
}

}  // namespace vigie::widgets
