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
        "      run the full pipeline headless and write one JSON line per alert\n"
        "  bench [--site <site.json>] [--input FILE] [--model-dir DIR] [--device D]\n"
        "          [--threads N] [--seconds S]\n"
        "      measure decode, detector and end-to-end throughput (see vigie bench --help)\n"
        "  models list|verify|install [--manifest F] [--model-dir DIR] [--from DIR --to DIR]\n"
        "      list the model registry, verify model files by SHA-256, install them\n"
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
    if (command == "models") {
        return vigie::app::runModels(args);
    }
    if (command == "version" || command == "--version") {
        return vigie::app::runVersion(args);
    }
    std::fprintf(stderr, "vigie: unknown command '%s'\n", command.c_str());
    usage(stderr);
    return vigie::app::kExitBadInput;
}
