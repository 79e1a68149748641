#include "widgets/admin_logs.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include "widgets/access_labels.h"
#include "widgets/labels.h"

namespace vigie::widgets {

// --- application logs -------------------------------------------------------------------------

AdminLogsPage::AdminLogsPage(AdminContext& shared, QWidget* parent)
    : AdminPage(shared, parent),
      m_files(new QListWidget(this)),
      m_filter(new QLineEdit(this)),
      m_view(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("adminLogsPage"));
    m_files->setObjectName(QStringLiteral("logFiles"));
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_filter->setPlaceholderText(tr("Filtrer les lignes (texte)…"));
    m_filter->setClearButtonEnabled(true);

    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Dossier : %1").arg(shared.logDirectory), this), 1);
    auto* refresh = new QPushButton(tr("&Actualiser"), this);
    refresh->setObjectName(QStringLiteral("logRefresh"));
    top->addWidget(refresh);
    layout->addLayout(top);
    auto* split = new QSplitter(this);
    split->addWidget(m_files);
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_filter);
    rightLayout->addWidget(m_view, 1);
    split->addWidget(right);
    split->setStretchFactor(1, 4);
    layout->addWidget(split, 1);
    layout->addWidget(statusLabel());

    connect(refresh, &QPushButton::clicked, this, [this] {
        const QString current = m_files->currentItem() ? m_files->currentItem()->text() : QString();
        reload();
        if (!current.isEmpty()) {
            showFile(current);
        }
    });
    connect(m_files, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { showFile(item->text()); });
    connect(m_files, &QListWidget::currentTextChanged, this, [this](const QString& name) {
        if (!name.isEmpty()) {
            showFile(name);
        }
    });
    connect(m_filter, &QLineEdit::textChanged, this, &AdminLogsPage::applyFilter);
    reload();
}

QStringList AdminLogsPage::logFiles() const {
    const AdminContext& ctx = context();
    const QDir dir(ctx.logDirectory);
    QStringList names;
    if (ctx.logDirectory.isEmpty() || !dir.exists()) {
        return names;
    }
    const std::string active = ctx.logFileName.toStdString();
    if (dir.exists(ctx.logFileName)) {
        names << ctx.logFileName;
    }
    for (const QFileInfo& f : dir.entryInfoList(QDir::Files, QDir::Time)) {
        if (core::isRotatedLogName(f.fileName().toStdString(), active)) {
            names << f.fileName();
        }
    }
    return names;
}

void AdminLogsPage::reload() {
    m_files->blockSignals(true);
    m_files->clear();
    m_files->addItems(logFiles());
    m_files->blockSignals(false);
}

core::Result<QString> AdminLogsPage::readLog(const QString& fileName) {
    AdminContext& ctx = context();
    const std::string target = fileName.toStdString();
    if (auto s = ctx.check(core::Permission::ViewApplicationLogs); !s) {
        return ctx.refuse("log_read", target, s.error());
    }
    if (!logFiles().contains(fileName)) {
        return adminError(
            tr("Ce fichier n'est pas un journal de l'application : %1").arg(fileName));
    }
    QFile file(QDir(ctx.logDirectory).filePath(fileName));
    if (!file.open(QIODevice::ReadOnly)) {
        return adminError(tr("Lecture impossible de %1 : %2").arg(fileName, file.errorString()));
    }
    const qint64 size = file.size();
    if (size > kMaxShownBytes) {
        file.seek(size - kMaxShownBytes);
        file.readLine();  // start on a whole line
    }
    QString text = QString::fromUtf8(file.readAll());
    if (!ctx.record("log_read", target, nlohmann::json{{"file", target}, {"bytes", size}}.dump())) {
        // Reading that cannot be traced does not happen.
        return adminError(
            tr("La lecture n'a pas pu être tracée dans le journal d'audit : elle est refusée."));
    }
    return text;
}

void AdminLogsPage::showFile(const QString& fileName) {
    auto text = readLog(fileName);
    if (!text) {
        m_text.clear();
        m_view->clear();
        showError(userMessage(text.error()));
        return;
    }
    m_text = std::move(*text);
    showInfo(tr("%1 — %n ligne(s)", nullptr, int(m_text.count(QLatin1Char('\n')))).arg(fileName));
    applyFilter();
}

void AdminLogsPage::applyFilter() {
    const QString needle = m_filter->text();
    if (needle.isEmpty()) {
        m_view->setPlainText(m_text);
    } else {
        QStringList kept;
        for (const QString& line : m_text.split(QLatin1Char('\n'))) {
            if (line.contains(needle, Qt::CaseInsensitive)) {
                kept << line;
            }
        }
        m_view->setPlainText(kept.join(QLatin1Char('\n')));
    }
    m_view->moveCursor(QTextCursor::End);
}

// --- audit log --------------------------------------------------------------------------------

AdminAuditPage::AdminAuditPage(AdminContext& shared, QWidget* parent)
    : AdminPage(shared, parent),
      m_model(new AdminAuditModel(this)),
      m_usePeriod(new QCheckBox(tr("&Période"), this)),
      m_from(new QDateTimeEdit(this)),
      m_to(new QDateTimeEdit(this)),
      m_actor(new QLineEdit(this)),
      m_action(new QLineEdit(this)),
      m_limit(new QSpinBox(this)),
      m_table(new QTableView(this)),
      m_verification(new QLabel(this)) {
    setObjectName(QStringLiteral("adminAuditPage"));
    m_usePeriod->setObjectName(QStringLiteral("auditUsePeriod"));
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_to->setObjectName(QStringLiteral("auditTo"));
    m_actor->setObjectName(QStringLiteral("auditActor"));
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_limit->setObjectName(QStringLiteral("auditLimit"));
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_verification->setObjectName(QStringLiteral("auditVerification"));
    m_verification->setWordWrap(true);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(shared.nowMs());
    for (QDateTimeEdit* e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
        e->setEnabled(false);
    }
    m_from->setDateTime(now.addDays(-7));
    m_to->setDateTime(now.addSecs(3600));
    m_limit->setRange(1, 100'000);
    m_limit->setValue(1000);
    m_actor->setPlaceholderText(tr("identifiant"));
    m_action->setPlaceholderText(tr("login, camera_add, export…"));

    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_usePeriod);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("au"), this));
    filters->addWidget(m_to);
    filters->addWidget(new QLabel(tr("&Auteur"), this));
    filters->addWidget(m_actor);
    filters->addWidget(new QLabel(tr("A&ction"), this));
    filters->addWidget(m_action);
    filters->addWidget(new QLabel(tr("&Nombre"), this));
    filters->addWidget(m_limit);
    auto* searchButton = new QPushButton(tr("&Rechercher"), this);
    searchButton->setObjectName(QStringLiteral("auditSearch"));
    filters->addWidget(searchButton);
    layout->addLayout(filters);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    auto* verifyRow = new QHBoxLayout;
    auto* verifyButton = new QPushButton(tr("&Vérifier la chaîne"), this);
    verifyButton->setObjectName(QStringLiteral("auditVerify"));
    verifyRow->addWidget(verifyButton);
    verifyRow->addWidget(m_verification, 1);
    layout->addLayout(verifyRow);
    layout->addWidget(statusLabel());

    connect(m_usePeriod, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_usePeriod, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(searchButton, &QPushButton::clicked, this, [this] {
        if (auto s = search(formFilter()); !s) {
            showError(userMessage(s.error()));
        } else {
            showInfo(tr("%n enregistrement(s).", nullptr, m_model->rowCount()));
        }
    });
    connect(verifyButton, &QPushButton::clicked, this, [this] {
        if (auto v = verifyChain(); !v) {
            showError(userMessage(v.error()));
        }
    });
}

void AdminAuditPage::reload() {}

core::AuditFilter AdminAuditPage::formFilter() const {
    core::AuditFilter filter;
    if (m_usePeriod->isChecked()) {
        filter.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        filter.toMs = m_to->dateTime().toMSecsSinceEpoch();
    }
    if (!m_actor->text().trimmed().isEmpty()) {
        filter.actor = m_actor->text().trimmed().toStdString();
    }
    if (!m_action->text().trimmed().isEmpty()) {
        filter.action = m_action->text().trimmed().toStdString();
    }
    filter.limit = m_limit->value();
    return filter;
}

core::Status AdminAuditPage::search(const core::AuditFilter& filter) {
    AdminContext& ctx = context();
    auto records = ctx.audit->listFor(ctx.principal, ctx.currentAccessControl(), filter);
    if (!records) {
        return records.error();
    }
    m_model->setRecords(std::move(*records));
    return core::okStatus();
}

core::Result<core::AuditVerification> AdminAuditPage::verifyChain() {
    AdminContext& ctx = context();
    if (auto s = ctx.check(core::Permission::ViewAuditLog); !s) {
        return ctx.refuse("audit_verify", "audit_log", s.error());
    }
    auto v = ctx.audit->verify();
    if (!v) {
        m_verification->setText(
            tr("Vérification impossible : %1").arg(QString::fromStdString(v.error().message)));
        return v;
    }
    m_model->setBrokenSeq(v->intact ? 0 : v->brokenSeq);
    if (v->intact) {
        QString text =
            tr("Chaîne intègre : %n enregistrement(s) vérifié(s).", nullptr, int(v->records));
        if (!v->note.empty()) {
            text += QStringLiteral(" ") + tr("Remarque : %1").arg(QString::fromStdString(v->note));
        }
        m_verification->setText(text);
        m_verification->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                                          .arg(healthColour(core::HealthLevel::Ok).name()));
    } else {
        m_verification->setText(tr("CHAÎNE ROMPUE à l'enregistrement n° %1 : %2")
                                    .arg(v->brokenSeq)
                                    .arg(QString::fromStdString(v->problem)));
        m_verification->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                                          .arg(healthColour(core::HealthLevel::Down).name()));
    }
    // Recorded after the verification, so that the record itself is not part of what was
    // checked (a broken chain still accepts appends: the break stays visible).
    (void)ctx.record("audit_verify", "audit_log",
                     nlohmann::json{{"intact", v->intact},
                                    {"records", v->records},
                                    {"broken_seq", v->brokenSeq},
                                    {"problem", v->problem}}
                         .dump());
    return v;
}

QString AdminAuditPage::verificationText() const {
    return m_verification->text();
}

}  // namespace vigie::widgets
