// `vigie`: the command-line tool — analyse a file or stream headless, benchmark, version.
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli/commands.h"

namespace {

void usage(std::FILE* out) {
    std::fputs(
        "usage: vigie <command> [options]\n"
        "\n"
        "commands:\n"
        "  analyze <file|rtsp-url> --site <site.json> [--camera ID] [--events-out FILE]\n"
        "          [--model-dir DIR] [--device auto|cpu|cuda] [--threads N] [--fps F] [--quiet]\n"
        "          [--transport auto|tcp|udp|multicast] [--credentials-file F] [--hwaccel H]\n"
        "          [--status-file F]\n"
        "      run the full pipeline headless and write one JSON line per alert\n"
        "  status [--file STATUS.json] [--json]\n"
        "      health of a running engine: state, rates, drops, reconnects per camera\n"
        "  bench [--site <site.json>] [--input FILE] [--model-dir DIR] [--device D]\n"
        "          [--threads N] [--seconds S]\n"
        "      measure decode, detector and end-to-end throughput (see vigie bench --help)\n"
        "  models list|verify|install [--manifest F] [--model-dir DIR] [--require NAME]\n"
        "          [--from DIR --to DIR]\n"
        "      list the model registry, verify model files by SHA-256, install them\n"
        "  users init-admin|list|add|disable|enable|unlock|set-password --db DB --key-file K\n"
        "          [--login L] [--password-file F] [--level 1|2|3] [--name N] [--groups G,..]\n"
        "          [--profiles P,..] [--cameras C,..] [--site-id ID]\n"
        "      accounts, as the OS operator holding the key file (password on stdin if no file)\n"
        "  audit verify|list --db DB --key-file K [--since ISO] [--until ISO] [--actor A]\n"
        "          [--action X] [--limit N] [--json]\n"
        "      check the hash chain of the audit log (exit 1 if broken), list or export it\n"
        "  export --db DB --key-file K --out DIR [--format csv,json,xlsx] [--from ISO]\n"
        "          [--to ISO] [--camera ID] [--event NAME] [--bundle]\n"
        "          [--encrypt-passphrase-file F] [--site site.json] [--csv-bom]\n"
        "          [--staging-dir DIR]\n"
        "      alerts (with qualifications) and counts as CSV (RFC 4180, UTF-8, ISO 8601 UTC),\n"
        "      JSON or XLSX, filtered by period [from, to), camera and event; --bundle: every\n"
        "      format in a new directory with a manifest.json (SHA-256 of each file), for\n"
        "      removable media; the target is checked for room first and nothing is left\n"
        "      half-written; with a passphrase file every file is encrypted (.enc).\n"
        "      Exit 0 done, 1 failed (target full, I/O), 2 bad input. No prompt.\n"
        "  export --decrypt FILE|BUNDLE_DIR --out DIR --passphrase-file F\n"
        "      check a bundle against its manifest and decrypt its .enc files into DIR\n"
        "  backup --db DB --key-file K --site site.json --passphrase-file F\n"
        "          (--out FILE | --dir DIR [--keep N]) [--retention retention.json]\n"
        "      encrypted backup of the configuration: site file, accounts, groups, profiles,\n"
        "      retention; --dir names it vigie-backup-<site>-<time>.vbk and keeps the N\n"
        "      newest (the daily timer: deploy/systemd/vigie-backup.timer)\n"
        "  restore --in FILE --passphrase-file F --db NEWDB --key-file K --site-out site.json\n"
        "          [--retention-out F] [--force]\n"
        "      check every byte of a backup, then restore it onto a new database (a database\n"
        "      holding rows is refused unless --force); nothing changes if anything is wrong\n"
        "  licence show|verify FILE [--site site.json] [--public-key-file F] [--now ISO]\n"
        "  licence install FILE --to PATH [--site site.json]\n"
        "      read, check (verify: exit 1 if not valid) or install a floating licence;\n"
        "      only enabled cameras use streams; an invalid licence stops analysis, never\n"
        "      recording or review\n"
        "  licence keygen --private-key-out F --public-key-out F\n"
        "  licence sign --private-key-file F --licensee NAME --site-id ID --streams N\n"
        "          --not-before ISO --not-after ISO [--serial S] [--out FILE]\n"
        "      vendor side only: the private key stays on the vendor's offline machine\n"
        "  eval <scenario-dir> [--data-dir DIR] [--model-dir DIR] [--fps F] [--only A,B]\n"
        "  eval --generate DIR [--only A,B]\n"
        "      detection quality per event (precision, recall, false alarms per hour, delay)\n"
        "      on scenarios with ground truth; --generate writes the synthetic ones\n"
        "  version\n"
        "      versions of Vigie and of the libraries it runs on\n",
        out);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        usage(args.empty() ? stderr : stdout);
        return args.empty() ? vigie::app::kExitBadInput : vigie::app::kExitOk;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "analyze" || command == "analyse") {
        return vigie::app::runAnalyze(args);
    }
    if (command == "bench") {
        return vigie::app::runBench(args);
    }
    if (command == "status") {
        return vigie::app::runStatus(args);
    }
    if (command == "models") {
        return vigie::app::runModels(args);
    }
    if (command == "users") {
        return vigie::app::runUsers(args);
    }
    if (command == "audit") {
        return vigie::app::runAudit(args);
    }
    if (command == "export") {
        return vigie::app::runExport(args);
    }
    if (command == "backup") {
        return vigie::app::runBackup(args);
    }
    if (command == "restore") {
        return vigie::app::runRestore(args);
    }
    if (command == "licence" || command == "license") {
        return vigie::app::runLicence(args);
    }
    if (command == "eval") {
        return vigie::app::runEval(args);
    }
    if (command == "version" || command == "--version") {
        return vigie::app::runVersion(args);
    }
    std::fprintf(stderr, "vigie: unknown command '%s'\n", command.c_str());
    usage(stderr);
    return vigie::app::kExitBadInput;
}
