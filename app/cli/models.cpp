// `vigie models list|verify|install`: the model registry from the command line. Site servers
// never reach the internet; models are verified against models/manifest.json by SHA-256
// wherever they are copied.
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/common/paths.h"
#include "core/model_manifest.h"

namespace vigie::app {

namespace {

namespace fs = std::filesystem;

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "vigie models: %s\n", message.c_str());
    return code;
}

std::string taskName(core::ModelTask t) {
    switch (t) {
        case core::ModelTask::Detector:
            return "detector";
        case core::ModelTask::Pose:
            return "pose";
        case core::ModelTask::Density:
            return "density";
        case core::ModelTask::Fire:
            return "fire";
        case core::ModelTask::Invalid:
            break;
    }
    return "?";
}

struct FileRef {
    std::string file;
    std::string sha256;
};

std::vector<FileRef> filesOf(const core::ModelSpec& m) {
    std::vector<FileRef> files{{m.file, m.sha256}};
    if (!m.halfFile.empty()) {
        files.push_back({m.halfFile, m.halfSha256});
    }
    return files;
}

}  // namespace

int runModels(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(argv, {"manifest", "model-dir", "from", "to", "require"}, {});
    if (!parsed) {
        return fail(kExitBadInput, parsed.error().message);
    }
    const Args& args = *parsed;
    if (args.positionals().size() != 1) {
        return fail(kExitBadInput, "expected one of: list, verify, install");
    }
    const std::string action = args.positionals()[0];
    auto manifest = core::loadModelManifest(args.valueOr("manifest", defaultManifestPath()));
    if (!manifest) {
        return fail(kExitBadInput, manifest.error().message);
    }
    if (action == "list") {
        for (const auto& m : manifest->models) {
            std::printf("%-20s %-9s %-48s %s\n", m.name.c_str(), taskName(m.task).c_str(),
                        m.file.c_str(), m.licence.c_str());
        }
        return kExitOk;
    }
    if (action == "verify") {
        // A model absent from the directory is "not installed" (sites install what their
        // rules need); a present file with the wrong hash is an error, as is a model named
        // with --require that is absent.
        const std::string dir = args.valueOr("model-dir", defaultModelDir());
        const std::string required = args.valueOr("require", "");
        int bad = 0;
        for (const auto& m : manifest->models) {
            for (const auto& f : filesOf(m)) {
                const bool present = fs::exists(fs::path(dir) / f.file);
                if (!present && m.name != required) {
                    std::printf("%-24s %-52s not installed\n", m.name.c_str(), f.file.c_str());
                    continue;
                }
                auto ok = core::verifyModelFile(dir, f.file, f.sha256);
                std::printf("%-24s %-52s %s\n", m.name.c_str(), f.file.c_str(),
                            ok ? "ok" : ok.error().message.c_str());
                bad += ok ? 0 : 1;
            }
        }
        return bad == 0 ? kExitOk : kExitFailure;
    }
    if (action == "install") {
        const auto from = args.value("from");
        const auto to = args.value("to");
        if (!from || !to) {
            return fail(kExitBadInput, "install needs --from <staging dir> and --to <model dir>");
        }
        int bad = 0;
        for (const auto& m : manifest->models) {
            for (const auto& f : filesOf(m)) {
                if (!fs::exists(fs::path(*from) / f.file)) {
                    std::printf("%-24s %s not in %s: skipped\n", m.name.c_str(), f.file.c_str(),
                                from->c_str());
                    continue;
                }
                auto src = core::verifyModelFile(*from, f.file, f.sha256);
                if (!src) {
                    std::fprintf(stderr, "%s\n", src.error().message.c_str());
                    ++bad;
                    continue;
                }
                const fs::path dst = fs::path(*to) / f.file;
                std::error_code ec;
                fs::create_directories(dst.parent_path(), ec);
                fs::copy_file(*src, dst, fs::copy_options::overwrite_existing, ec);
                if (ec) {
                    std::fprintf(stderr, "cannot copy %s: %s\n", src->c_str(),
                                 ec.message().c_str());
                    ++bad;
                    continue;
                }
                auto check = core::verifyModelFile(*to, f.file, f.sha256);
                std::printf("%-20s %s %s\n", m.name.c_str(), dst.c_str(),
                            check ? "installed" : check.error().message.c_str());
                bad += check ? 0 : 1;
            }
        }
        return bad == 0 ? kExitOk : kExitFailure;
    }
    return fail(kExitBadInput, "unknown action '" + action + "' (list, verify, install)");
}

}  // namespace vigie::app
