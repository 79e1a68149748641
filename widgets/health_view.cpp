#include "widgets/health_view.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "widgets/labels.h"

namespace vigie::widgets {

using core::HealthLevel;

// --- HealthView -----------------------------------------------------------------------------

HealthView::HealthView(QWidget* parent)
    : QWidget(parent),
      m_model(new HealthModel(this)),
      m_table(new QTableView(this)),
      m_title(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_detail(new QLabel(this)),
      m_staleTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("healthView"));
    auto* layout = new QVBoxLayout(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);
    m_summary->setObjectName(QStringLiteral("healthSummary"));
    layout->addWidget(m_summary);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(HealthModel::ComponentColumn, 260);
    m_table->setColumnWidth(HealthModel::StateColumn, 150);
    layout->addWidget(m_table, 1);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setObjectName(QStringLiteral("healthDetail"));
    layout->addWidget(m_detail);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updateDetail(); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { updateDetail(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { updateDetail(); });
    m_staleTimer->setInterval(1000);
    connect(m_staleTimer, &QTimer::timeout, this, &HealthView::checkStale);
    m_staleTimer->start();
    retranslate();
}

void HealthView::setThresholds(const HealthThresholds& thresholds) {
    m_model->setThresholds(thresholds);
}

void HealthView::setCameraNames(const QHash<QString, QString>& idToName) {
    m_model->setCameraNames(idToName);
}

void HealthView::setSnapshot(const core::EngineHealth& engine, const SystemHealth& system) {
    m_sinceSnapshot.start();
    m_model->setSnapshot(engine, system);
    updateSummary();
}

void HealthView::checkStale() {
    if (!m_sinceSnapshot.isValid()) {
        return;
    }
    if (m_sinceSnapshot.elapsed() > m_model->thresholds().staleAfterMs && !m_model->isStale()) {
        m_model->setStale(true);
        updateSummary();
    }
}

QString HealthView::summaryText() const {
    if (m_model->rowCount() == 0) {
        return tr("En attente des premières mesures…");
    }
    if (m_model->isStale()) {
        return tr("Aucune mesure reçue depuis plus de %1 s : état inconnu.")
            .arg(m_model->thresholds().staleAfterMs / 1000);
    }
    const int degraded = m_model->countAt(HealthLevel::Degraded);
    const int down = m_model->countAt(HealthLevel::Down);
    if (degraded == 0 && down == 0) {
        return tr("Tous les composants sont en service.");
    }
    QStringList parts;
    if (down > 0) {
        parts << tr("%n composant(s) hors service", nullptr, down);
    }
    if (degraded > 0) {
        parts << tr("%n composant(s) dégradé(s)", nullptr, degraded);
    }
    return parts.join(QStringLiteral(", "));
}

void HealthView::updateSummary() {
    m_summary->setText(summaryText());
    const HealthLevel worst = m_model->worstLevel();
    m_summary->setStyleSheet(
        QStringLiteral("QLabel { border-left: 8px solid %1; padding-left: 6px; }")
            .arg(healthColour(worst).name()));
    if (worst != m_worst) {
        m_worst = worst;
        Q_EMIT worstLevelChanged(worst);
    }
}

void HealthView::updateDetail() {
    const HealthModel::Row* row = m_model->rowAt(m_table->currentIndex().row());
    m_detail->setText(row == nullptr ? QString()
                                     : row->name + QStringLiteral("\n") +
                                           (row->tooltip.isEmpty() ? row->detail : row->tooltip));
}

void HealthView::retranslate() {
    m_title->setText(tr("Santé de l'installation"));
    updateSummary();
}

void HealthView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
