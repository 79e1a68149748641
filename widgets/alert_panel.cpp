#include "widgets/alert_panel.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "widgets/labels.h"

namespace vigie::widgets {

// --- AlertFilterProxy ---------------------------------------------------------------------

AlertFilterProxy::AlertFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

void AlertFilterProxy::setCameraId(const QString& cameraId) {
    m_cameraId = cameraId;
    invalidateFilter();
}

void AlertFilterProxy::setEvent(core::EventType event) {
    m_event = event;
    invalidateFilter();
}

void AlertFilterProxy::setState(StateFilter state) {
    m_state = state == StateFilter::Invalid ? StateFilter::All : state;
    invalidateFilter();
}

void AlertFilterProxy::setFromMs(qint64 fromMs) {
    m_fromMs = fromMs;
    invalidateFilter();
}

bool AlertFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_cameraId.isEmpty() && i.data(AlertListModel::CameraIdRole).toString() != m_cameraId) {
        return false;
    }
    if (m_event != core::EventType::Invalid &&
        i.data(AlertListModel::EventRole).toInt() != int(m_event)) {
        return false;
    }
    if (m_fromMs > 0 && i.data(AlertListModel::WallStartMsRole).toLongLong() < m_fromMs) {
        return false;
    }
    const auto q =
        static_cast<core::Qualification>(i.data(AlertListModel::QualificationRole).toInt());
    switch (m_state) {
        case StateFilter::Unreviewed:
            return q == core::Qualification::Unreviewed;
        case StateFilter::Confirmed:
            return q == core::Qualification::Confirmed;
        case StateFilter::FalsePositive:
            return q == core::Qualification::FalsePositive;
        case StateFilter::All:
        case StateFilter::Invalid:
            break;
    }
    return true;
}

// --- AlertClipView ------------------------------------------------------------------------

AlertClipView::AlertClipView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("alertClip"));
    setMinimumSize(320, 180);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AlertClipView::advance);
}

void AlertClipView::setClip(const QList<AlertClipFrame>& frames) {
    pause();
    m_frames = frames;
    m_message.clear();
    // Start on the first picture at or after the alert: the evidence is on screen at once.
    m_position = 0;
    for (int i = 0; i < m_frames.size(); ++i) {
        if (m_frames[i].offsetMs >= 0) {
            m_position = i;
            break;
        }
    }
    Q_EMIT positionChanged(m_position);
    update();
}

void AlertClipView::setStill(const QImage& image, const std::vector<core::BoxF>& boxes) {
    m_still = image;
    m_stillBoxes = boxes;
    m_message.clear();
    update();
}

void AlertClipView::clear(const QString& message) {
    pause();
    m_frames.clear();
    m_still = QImage();
    m_stillBoxes.clear();
    m_message = message;
    m_position = 0;
    Q_EMIT positionChanged(0);
    update();
}

qint64 AlertClipView::offsetMs() const {
    return m_position < m_frames.size() ? m_frames[m_position].offsetMs : 0;
}

void AlertClipView::play() {
    if (m_frames.size() < 2) {
        return;
    }
    if (m_position >= m_frames.size() - 1) {
        seek(0);
    }
    if (!m_timer.isActive()) {
        m_timer.start(40);
        Q_EMIT playingChanged(true);
    }
}

void AlertClipView::pause() {
    if (m_timer.isActive()) {
        m_timer.stop();
        Q_EMIT playingChanged(false);
    }
}

void AlertClipView::togglePlay() {
    if (isPlaying()) {
        pause();
    } else {
        play();
    }
}

void AlertClipView::seek(int position) {
    if (m_frames.isEmpty()) {
        return;
    }
    m_position = std::clamp(position, 0, int(m_frames.size()) - 1);
    Q_EMIT positionChanged(m_position);
    update();
}

void AlertClipView::advance() {
    if (m_position >= m_frames.size() - 1) {
        pause();
        return;
    }
    const qint64 step = m_frames[m_position + 1].offsetMs - m_frames[m_position].offsetMs;
    seek(m_position + 1);
    // Real time between the captured pictures, bounded so a gap does not look like a hang.
    m_timer.start(int(std::clamp<qint64>(step, 20, 500)));
}

void AlertClipView::paintEvent(QPaintEvent* event) {
    (void)event;
    QPainter p(this);
    p.fillRect(rect(), QColor(0x12, 0x12, 0x12));
    const bool clip = m_position < m_frames.size();
    const QImage& image = clip ? m_frames[m_position].image : m_still;
    if (image.isNull()) {
        p.setPen(QColor(0x9A, 0xA0, 0xA6));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QSizeF scaled = QSizeF(image.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    const QRectF r((width() - scaled.width()) / 2, (height() - scaled.height()) / 2, scaled.width(),
                   scaled.height());
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(r, image);
    p.setRenderHint(QPainter::Antialiasing);
    auto map = [&r](double x, double y) {
        return QPointF(r.x() + x * r.width(), r.y() + y * r.height());
    };
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    const QFontMetrics fm(f);
    if (clip) {
        for (const auto& o : m_frames[m_position].objects) {
            const QString cls = QString::fromStdString(o.label);
            const QColor c = o.alerting ? QColor(0xC6, 0x28, 0x28) : classColour(cls);
            p.setPen(QPen(c, o.alerting ? 3 : 2));
            p.setBrush(Qt::NoBrush);
            const QRectF box(map(o.box.x0, o.box.y0), map(o.box.x1, o.box.y1));
            p.drawRect(box);
            const QString text = classLabel(cls);
            const QRectF chip(box.x(), box.y() - fm.height() - 2, fm.horizontalAdvance(text) + 6,
                              fm.height() + 2);
            p.fillRect(chip, c);
            p.setPen(Qt::black);
            p.drawText(chip, Qt::AlignCenter, text);
        }
        // The time relative to the alert, as the review sheet states it: « −3,2 s ».
        const qint64 ms = m_frames[m_position].offsetMs;
        const QString t = (ms < 0 ? QStringLiteral("−") : QStringLiteral("+")) +
                          QLocale().toString(std::abs(double(ms)) / 1000.0, 'f', 1) +
                          QStringLiteral(" s");
        const QRectF chip(r.x() + 6, r.bottom() - fm.height() - 8, fm.horizontalAdvance(t) + 12,
                          fm.height() + 4);
        p.setPen(Qt::NoPen);
        p.setBrush(ms >= 0 ? QColor(0xC6, 0x28, 0x28, 200) : QColor(0, 0, 0, 180));
        p.drawRoundedRect(chip, 3, 3);
        p.setPen(Qt::white);
        p.drawText(chip, Qt::AlignCenter, t);
    } else {
        p.setPen(QPen(QColor(0xC6, 0x28, 0x28), 3));
        p.setBrush(Qt::NoBrush);
        for (const auto& b : m_stillBoxes) {
            p.drawRect(QRectF(map(b.x0, b.y0), map(b.x1, b.y1)));
        }
    }
}

// --- AlertPanel ---------------------------------------------------------------------------

AlertPanel::AlertPanel(AlertListModel* model, QWidget* parent) : QWidget(parent), m_model(model) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("alertPanelTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    auto* filters = new QHBoxLayout();
    m_cameraFilter = new QComboBox(this);
    m_cameraFilter->setObjectName(QStringLiteral("cameraFilter"));
    m_eventFilter = new QComboBox(this);
    m_eventFilter->setObjectName(QStringLiteral("eventFilter"));
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_periodFilter = new QComboBox(this);
    m_periodFilter->setObjectName(QStringLiteral("periodFilter"));
    m_search = new QPushButton(this);
    m_search->setObjectName(QStringLiteral("historySearchButton"));
    for (auto* w : {m_cameraFilter, m_eventFilter, m_stateFilter, m_periodFilter}) {
        w->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        w->setMinimumContentsLength(8);
        filters->addWidget(w, 1);
    }
    filters->addWidget(m_search);
    layout->addLayout(filters);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("alertPanelStatus"));
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #9aa0a6; }"));
    layout->addWidget(m_status);

    m_proxy = new AlertFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("alertList"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(AlertListModel::kThumbnailSize.height() + 4);
    m_view->setIconSize(AlertListModel::kThumbnailSize);
    auto* header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AlertListModel::CameraColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AlertListModel::EventColumn, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setAlternatingRowColors(true);
    layout->addWidget(m_view, 3);

    m_sheetTitle = new QLabel(this);
    m_sheetTitle->setFont(titleFont);
    layout->addWidget(m_sheetTitle);
    m_clip = new AlertClipView(this);
    layout->addWidget(m_clip, 3);
    auto* clipBar = new QHBoxLayout();
    m_play = new QPushButton(this);
    m_play->setObjectName(QStringLiteral("playClipButton"));
    m_clipSlider = new QSlider(Qt::Horizontal, this);
    m_clipSlider->setObjectName(QStringLiteral("clipSlider"));
    m_clipTime = new QLabel(this);
    m_clipTime->setMinimumWidth(70);
    clipBar->addWidget(m_play);
    clipBar->addWidget(m_clipSlider, 1);
    clipBar->addWidget(m_clipTime);
    layout->addLayout(clipBar);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("alertDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setMinimumHeight(60);
    layout->addWidget(m_details, 1);

    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("falsePositiveReason"));
    layout->addWidget(m_reason);
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("alertComment"));
    layout->addWidget(m_comment);

    auto* buttons = new QHBoxLayout();
    m_take = new QPushButton(this);
    m_take->setObjectName(QStringLiteral("takeButton"));
    m_confirm = new QPushButton(this);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_falsePositive = new QPushButton(this);
    m_falsePositive->setObjectName(QStringLiteral("falsePositiveButton"));
    m_postpone = new QPushButton(this);
    m_postpone->setObjectName(QStringLiteral("postponeButton"));
    buttons->addWidget(m_take);
    buttons->addWidget(m_postpone);
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_falsePositive);
    layout->addLayout(buttons);

    connect(m_take, &QPushButton::clicked, this, &AlertPanel::takeSelected);
    connect(m_postpone, &QPushButton::clicked, this, &AlertPanel::postponeSelected);
    connect(m_confirm, &QPushButton::clicked, this, &AlertPanel::confirmSelected);
    connect(m_falsePositive, &QPushButton::clicked, this, &AlertPanel::markSelectedFalsePositive);
    connect(m_search, &QPushButton::clicked, this, &AlertPanel::searchHistory);
    connect(m_play, &QPushButton::clicked, this, [this] {
        if (!m_clip->isPlaying()) {
            refreshMedia();  // the clip grows until 10 s after the alert
        }
        m_clip->togglePlay();
    });
    connect(m_clipSlider, &QSlider::valueChanged, m_clip, &AlertClipView::seek);
    connect(m_clip, &AlertClipView::positionChanged, this, [this](int position) {
        const QSignalBlocker block(m_clipSlider);
        m_clipSlider->setValue(position);
        const qint64 ms = m_clip->offsetMs();
        m_clipTime->setText(m_clip->frameCount() == 0
                                ? QString()
                                : (ms < 0 ? QStringLiteral("−") : QStringLiteral("+")) +
                                      QLocale().toString(std::abs(double(ms)) / 1000.0, 'f', 1) +
                                      QStringLiteral(" s"));
    });
    connect(m_clip, &AlertClipView::playingChanged, this, [this] { retranslate(); });

    // Shortcuts of the sheet (UI guide §5); no single-key destructive action.
    const auto addShortcut = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), &AlertPanel::confirmSelected);
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), &AlertPanel::confirmSelected);
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete), &AlertPanel::markSelectedFalsePositive);
    addShortcut(QKeySequence(Qt::Key_Space), &AlertPanel::takeSelected);
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), &AlertPanel::postponeSelected);
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down), &AlertPanel::selectNext);
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up), &AlertPanel::selectPrevious);
    addShortcut(QKeySequence(Qt::Key_M), [this] { setMuted(!m_muted); });

    const auto filterChanged = [this] {
        applyFilters();
    };
    connect(m_cameraFilter, &QComboBox::currentIndexChanged, this, filterChanged);
    connect(m_eventFilter, &QComboBox::currentIndexChanged, this, filterChanged);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, filterChanged);
    connect(m_periodFilter, &QComboBox::currentIndexChanged, this, filterChanged);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetails();
        refreshMedia();
        Q_EMIT alertSelected(selectedUid());
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AlertPanel::updateDetails);
    connect(m_model, &AlertListModel::unreviewedCountChanged, this, &AlertPanel::retranslate);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        // Keep the operator's selection; select the newest alert only when none is.
        if (!m_view->selectionModel()->currentIndex().isValid()) {
            m_view->selectRow(0);
        }
    });
    m_repeat.setInterval(kCriticalRepeatMs);
    connect(&m_repeat, &QTimer::timeout, this, [this] {
        // Ring again while a critical alert is new and nobody took it.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const core::Alert* a = m_model->alertAt(row);
            if (a->severity == core::Severity::Critical && m_model->isProminent(*a) &&
                m_model->takenBy(QString::fromStdString(a->uid)).isEmpty()) {
                ring();
                return;
            }
        }
        m_repeat.stop();
    });
    retranslate();
    applyFilters();
    updateDetails();
    refreshMedia();
}

QString AlertPanel::selectedUid() const {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(AlertListModel::UidRole).toString() : QString();
}

void AlertPanel::selectUid(const QString& uid) {
    const int row = m_model->rowOfUid(uid);
    if (row < 0) {
        return;
    }
    QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!proxyIndex.isValid()) {
        // Hidden by the filters: show everything rather than select nothing.
        setCameraFilter(QString());
        setEventFilter(core::EventType::Invalid);
        setStateFilter(AlertFilterProxy::StateFilter::All);
        setPeriodFilter(0);
        proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_view->selectRow(proxyIndex.row());
    m_view->scrollTo(proxyIndex);
}

void AlertPanel::setMediaProvider(AlertMediaProvider* provider) {
    m_media = provider;
    refreshMedia();
}

void AlertPanel::setHistorySource(AlertHistorySource* source) {
    m_history = source;
    m_search->setEnabled(source != nullptr);
}

void AlertPanel::setCameras(const QList<QPair<QString, QString>>& cameras) {
    m_cameras = cameras;
    retranslate();
}

void AlertPanel::setQualifyAllowed(bool allowed) {
    m_qualifyAllowed = allowed;
    updateDetails();
}

QString AlertPanel::statusText() const {
    return m_statusText;
}

void AlertPanel::confirmSelected() {
    const QString uid = selectedUid();
    const core::Alert* a = m_model->alertByUid(uid);
    if (a == nullptr || a->qualification != core::Qualification::Unreviewed || !m_qualifyAllowed) {
        return;
    }
    Q_EMIT qualifyRequested(uid, core::Qualification::Confirmed, m_comment->text().trimmed());
    m_comment->clear();
}

void AlertPanel::markSelectedFalsePositive() {
    const QString uid = selectedUid();
    const core::Alert* a = m_model->alertByUid(uid);
    if (a == nullptr || a->qualification != core::Qualification::Unreviewed || !m_qualifyAllowed) {
        return;
    }
    if (m_reason->currentIndex() <= 0) {
        // A false alarm needs its reason: it is what tuning learns from.
        m_statusText = tr("Choisissez le motif de la fausse alerte.");
        m_status->setText(m_statusText);
        m_reason->setFocus();
        if (isVisible()) {
            m_reason->showPopup();
        }
        return;
    }
    QString comment = m_reason->currentText();
    if (!m_comment->text().trimmed().isEmpty()) {
        comment += QStringLiteral(" — ") + m_comment->text().trimmed();
    }
    Q_EMIT qualifyRequested(uid, core::Qualification::FalsePositive, comment);
    m_comment->clear();
    m_reason->setCurrentIndex(0);
}

void AlertPanel::takeSelected() {
    const QString uid = selectedUid();
    if (uid.isEmpty()) {
        return;
    }
    const core::Alert* a = m_model->alertByUid(uid);
    if (a != nullptr && a->qualification == core::Qualification::Unreviewed &&
        m_model->takenBy(uid).isEmpty()) {
        Q_EMIT takeRequested(uid);
    }
    if (!m_clip->isPlaying()) {
        refreshMedia();  // the clip grows until 10 s after the alert
    }
    m_clip->togglePlay();
}

void AlertPanel::postponeSelected() {
    const QString uid = selectedUid();
    const core::Alert* a = m_model->alertByUid(uid);
    if (a != nullptr && m_model->isProminent(*a)) {
        Q_EMIT postponeRequested(uid);
    }
}

void AlertPanel::selectNext() {
    const int row = m_view->selectionModel()->currentIndex().row();
    if (row + 1 < m_proxy->rowCount()) {
        m_view->selectRow(row + 1);
    }
}

void AlertPanel::selectPrevious() {
    const int row = m_view->selectionModel()->currentIndex().row();
    if (row > 0) {
        m_view->selectRow(row - 1);
    }
}

void AlertPanel::setMuted(bool muted) {
    m_muted = muted;
    if (muted) {
        m_repeat.stop();
    }
    retranslate();
}

void AlertPanel::ring() {
    if (m_muted) {
        return;
    }
    ++m_sounds;
    QApplication::beep();
}

void AlertPanel::announce(const core::Alert& alert) {
    if (alert.qualification != core::Qualification::Unreviewed) {
        return;
    }
    ring();
    if (alert.severity == core::Severity::Critical && !m_muted) {
        m_repeat.start();
    }
    // Visual cue: the title turns to the alert's colour (the tile flashes, the banner shows
    // it); the focus stays where the operator is.
    m_title->setStyleSheet(QStringLiteral("QLabel { color: %1; }")
                               .arg(severityColour(alert.severity).lighter(150).name()));
}

core::AlertFilter AlertPanel::storeFilter() const {
    core::AlertFilter f;
    if (!m_proxy->cameraId().isEmpty()) {
        f.cameraId = m_proxy->cameraId().toStdString();
    }
    if (m_proxy->event() != core::EventType::Invalid) {
        f.event = m_proxy->event();
    }
    if (m_proxy->fromMs() > 0) {
        f.fromMs = m_proxy->fromMs();
    }
    f.unreviewedOnly = m_proxy->state() == AlertFilterProxy::StateFilter::Unreviewed;
    f.limit = 500;
    return f;
}

int AlertPanel::searchHistory() {
    if (m_history == nullptr) {
        return 0;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto found = m_history->searchAlerts(storeFilter());
    QApplication::restoreOverrideCursor();
    if (!found) {
        m_statusText =
            tr("Recherche impossible : %1").arg(QString::fromStdString(found.error().message));
        m_status->setText(m_statusText);
        return 0;
    }
    int shown = 0;
    for (const auto& a : *found) {
        m_model->upsertAlert(a);
        const int row = m_model->rowOfUid(QString::fromStdString(a.uid));
        if (row >= 0 && m_proxy->mapFromSource(m_model->index(row, 0)).isValid()) {
            ++shown;
        }
    }
    m_statusText = tr("%n alerte(s) trouvée(s) dans l'historique", nullptr, shown);
    m_status->setText(m_statusText);
    return shown;
}

void AlertPanel::setCameraFilter(const QString& cameraId) {
    const int i = m_cameraFilter->findData(cameraId);
    m_cameraFilter->setCurrentIndex(std::max(0, i));
}

void AlertPanel::setEventFilter(core::EventType event) {
    const int i = m_eventFilter->findData(int(event));
    m_eventFilter->setCurrentIndex(std::max(0, i));
}

void AlertPanel::setStateFilter(AlertFilterProxy::StateFilter state) {
    const int i = m_stateFilter->findData(int(state));
    m_stateFilter->setCurrentIndex(std::max(0, i));
}

void AlertPanel::setPeriodFilter(int hours) {
    const int i = m_periodFilter->findData(hours);
    m_periodFilter->setCurrentIndex(std::max(0, i));
}

void AlertPanel::applyFilters() {
    m_proxy->setCameraId(m_cameraFilter->currentData().toString());
    m_proxy->setEvent(static_cast<core::EventType>(m_eventFilter->currentData().toInt()));
    m_proxy->setState(
        static_cast<AlertFilterProxy::StateFilter>(m_stateFilter->currentData().toInt()));
    const int hours = m_periodFilter->currentData().toInt();
    m_proxy->setFromMs(hours > 0 ? QDateTime::currentMSecsSinceEpoch() - qint64(hours) * 3600'000
                                 : 0);
    if (!m_view->selectionModel()->currentIndex().isValid() && m_proxy->rowCount() > 0) {
        m_view->selectRow(0);
    }
    updateDetails();
}

void AlertPanel::refreshMedia() {
    const QString uid = selectedUid();
    const core::Alert* a = m_model->alertByUid(uid);
    if (a == nullptr) {
        m_mediaUid.clear();
        m_clip->clear(tr("Sélectionnez une alerte pour revoir sa séquence."));
    } else {
        const QList<AlertClipFrame> frames = m_media ? m_media->clip(uid) : QList<AlertClipFrame>();
        // Refreshed while the clip is still being captured (+10 s after the alert), without
        // interrupting a replay of the same alert.
        if (uid == m_mediaUid && m_clip->isPlaying()) {
            return;
        }
        m_mediaUid = uid;
        if (!frames.isEmpty()) {
            m_clip->setClip(frames);
        } else {
            const QImage snap = m_media ? m_media->snapshot(uid) : QImage();
            m_clip->clear(tr("Pas de séquence enregistrée pour cette alerte."));
            if (!snap.isNull()) {
                m_clip->setStill(snap, a->boxes);
            }
        }
    }
    m_clipSlider->setRange(0, std::max(0, m_clip->frameCount() - 1));
    m_clipSlider->setValue(m_clip->position());
    m_clipSlider->setEnabled(m_clip->frameCount() > 1);
    m_play->setEnabled(m_clip->frameCount() > 1);
}

void AlertPanel::updateDetails() {
    const QString uid = selectedUid();
    const core::Alert* a = m_model->alertByUid(uid);
    const bool reviewable = a != nullptr && a->qualification == core::Qualification::Unreviewed;
    m_confirm->setEnabled(reviewable && m_qualifyAllowed);
    m_falsePositive->setEnabled(reviewable && m_qualifyAllowed);
    m_take->setEnabled(reviewable && m_model->takenBy(uid).isEmpty());
    m_postpone->setEnabled(a != nullptr && m_model->isProminent(*a));
    m_reason->setEnabled(reviewable && m_qualifyAllowed);
    m_comment->setEnabled(reviewable && m_qualifyAllowed);
    if (a == nullptr) {
        m_details->setText(tr("Aucune alerte sélectionnée."));
        return;
    }
    QString text = tr("%1 — %2\nCaméra : %3 · règle : %4 · zone : %5\nLe %6 · score %7")
                       .arg(severityLabel(a->severity), eventLabel(a->event),
                            m_model->cameraName(QString::fromStdString(a->cameraId)),
                            QString::fromStdString(a->ruleId), QString::fromStdString(a->zoneId),
                            QDateTime::fromMSecsSinceEpoch(a->wallStartMs)
                                .toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")))
                       .arg(a->score, 0, 'f', 2);
    if (!m_model->takenBy(uid).isEmpty() && reviewable) {
        text += QLatin1Char('\n') + tr("Prise en charge par %1").arg(m_model->takenBy(uid));
    }
    if (reviewable && m_model->isPostponed(uid)) {
        text += QLatin1Char('\n') + tr("Reportée : elle revient si personne ne la traite.");
    }
    if (a->qualification != core::Qualification::Unreviewed) {
        text += QLatin1Char('\n') + qualificationLabel(a->qualification);
        if (!a->qualifiedBy.empty()) {
            text += tr(" par %1").arg(QString::fromStdString(a->qualifiedBy));
        }
        if (!a->comment.empty()) {
            text += QStringLiteral(" : ") + QString::fromStdString(a->comment);
        }
    }
    if (!m_qualifyAllowed) {
        text += QLatin1Char('\n') + tr("Vos droits ne permettent pas de qualifier les alertes.");
    }
    m_details->setText(text);
}

void AlertPanel::retranslate() {
    const int n = m_model->unreviewedCount();
    m_title->setText(
        n > 0
            ? tr("Alertes — %1 nouvelle(s)").arg(n > 9 ? QStringLiteral("9+") : QString::number(n))
            : tr("Alertes"));
    if (n == 0) {
        m_title->setStyleSheet(QString());
    }
    if (m_muted) {
        m_title->setText(m_title->text() + tr(" · son coupé"));
    }
    m_sheetTitle->setText(tr("Fiche — levée de doute"));
    m_take->setText(tr("Prendre en charge"));
    m_take->setToolTip(tr("Prendre l'alerte en charge et revoir la séquence (Espace)"));
    m_postpone->setText(tr("Reporter 30 s"));
    m_postpone->setToolTip(
        tr("Mettre l'alerte de côté 30 s ; elle revient si personne ne l'a traitée (Ctrl+R)"));
    m_confirm->setText(tr("Confirmer"));
    m_confirm->setToolTip(tr("Confirmer l'alerte sélectionnée (Ctrl+Entrée)"));
    m_falsePositive->setText(tr("Fausse alerte"));
    m_falsePositive->setToolTip(tr("Classer en fausse alerte, avec un motif (Ctrl+Suppr)"));
    m_comment->setPlaceholderText(tr("Commentaire (facultatif)"));
    m_search->setText(tr("Historique"));
    m_search->setToolTip(tr("Chercher dans les alertes enregistrées avec ces filtres"));
    m_play->setText(m_clip->isPlaying() ? tr("Pause") : tr("Lecture"));
    m_play->setToolTip(tr("Revoir la séquence de −15 s à +10 s (Espace)"));

    const auto refill = [](QComboBox* box, const QList<QPair<QString, QVariant>>& items) {
        const QVariant current = box->currentData();
        const QSignalBlocker block(box);
        box->clear();
        for (const auto& [label, value] : items) {
            box->addItem(label, value);
        }
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    QList<QPair<QString, QVariant>> cameras{{tr("Toutes les caméras"), QString()}};
    for (const auto& [id, name] : m_cameras) {
        cameras.append({name, id});
    }
    refill(m_cameraFilter, cameras);
    QList<QPair<QString, QVariant>> events{
        {tr("Tous les événements"), int(core::EventType::Invalid)}};
    for (const auto e : core::kAllEventTypes) {
        events.append({eventLabel(e), int(e)});
    }
    refill(m_eventFilter, events);
    using S = AlertFilterProxy::StateFilter;
    refill(m_stateFilter, {{tr("Tous les états"), int(S::All)},
                           {tr("Nouvelles"), int(S::Unreviewed)},
                           {tr("Confirmées"), int(S::Confirmed)},
                           {tr("Fausses alertes"), int(S::FalsePositive)}});
    refill(m_periodFilter, {{tr("Toute période"), 0},
                            {tr("Dernière heure"), 1},
                            {tr("Dernières 24 h"), 24},
                            {tr("7 derniers jours"), 24 * 7},
                            {tr("30 derniers jours"), 24 * 30}});
    const int current = m_reason->currentIndex();
    {
        const QSignalBlocker block(m_reason);
        m_reason->clear();
        m_reason->addItems({tr("Motif de fausse alerte…"), tr("Reflet"), tr("Ombre"), tr("Animal"),
                            tr("Mauvaise classe d'objet"), tr("Zone mal placée"), tr("Autre")});
        m_reason->setCurrentIndex(std::max(0, current));
    }
}

void AlertPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateDetails();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
