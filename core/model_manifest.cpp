#include "core/model_manifest.h"

#include <openssl/evp.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "core/json_reader.h"

namespace vigie::core {

using nlohmann::json;

const ModelSpec* ModelManifest::find(const std::string& name) const {
    for (const auto& m : models) {
        if (m.name == name) {
            return &m;
        }
    }
    return nullptr;
}

const std::vector<std::string>& cocoClassNames() {
    static const std::vector<std::string> kNames = {
        "person",        "bicycle",      "car",
        "motorcycle",    "airplane",     "bus",
        "train",         "truck",        "boat",
        "traffic light", "fire hydrant", "stop sign",
        "parking meter", "bench",        "bird",
        "cat",           "dog",          "horse",
        "sheep",         "cow",          "elephant",
        "bear",          "zebra",        "giraffe",
        "backpack",      "umbrella",     "handbag",
        "tie",           "suitcase",     "frisbee",
        "skis",          "snowboard",    "sports ball",
        "kite",          "baseball bat", "baseball glove",
        "skateboard",    "surfboard",    "tennis racket",
        "bottle",        "wine glass",   "cup",
        "fork",          "knife",        "spoon",
        "bowl",          "banana",       "apple",
        "sandwich",      "orange",       "broccoli",
        "carrot",        "hot dog",      "pizza",
        "donut",         "cake",         "chair",
        "couch",         "potted plant", "bed",
        "dining table",  "toilet",       "tv",
        "laptop",        "mouse",        "remote",
        "keyboard",      "cell phone",   "microwave",
        "oven",          "toaster",      "sink",
        "refrigerator",  "book",         "clock",
        "vase",          "scissors",     "teddy bear",
        "hair drier",    "toothbrush",
    };
    return kNames;
}

namespace {

bool isHex64(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

void readTriple(JsonReader& r, const json& obj, const std::string& path, const char* key,
                std::array<double, 3>& out) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        return;
    }
    if (!it->is_array() || it->size() != 3 || !(*it)[0].is_number() || !(*it)[1].is_number() ||
        !(*it)[2].is_number()) {
        r.error(JsonReader::child(path, key), "expected three numbers");
        return;
    }
    for (std::size_t i = 0; i < 3; ++i) {
        out[i] = (*it)[i].get<double>();
    }
}

void parseModel(JsonReader& r, const json& m, const std::string& mp, ModelManifest& manifest) {
    if (!r.expectObject(m, mp,
                        {"name", "task", "format", "file", "sha256", "half_file", "half_sha256",
                         "licence", "source", "input", "output", "classes", "notes"})) {
        return;
    }
    ModelSpec spec;
    r.readId(m, mp, "name", spec.name);
    std::string task;
    if (r.readString(m, mp, "task", task, true)) {
        if (task == "detector") {
            spec.task = ModelTask::Detector;
        } else if (task == "pose") {
            spec.task = ModelTask::Pose;
        } else if (task == "density") {
            spec.task = ModelTask::Density;
        } else if (task == "fire") {
            spec.task = ModelTask::Fire;
        } else {
            r.error(JsonReader::child(mp, "task"),
                    "'" + task + "' is not a task (detector, pose, density, fire)");
        }
    }
    r.readString(m, mp, "format", spec.format, true);
    r.readString(m, mp, "file", spec.file, true);
    if (r.readString(m, mp, "sha256", spec.sha256, true) && !isHex64(spec.sha256)) {
        r.error(JsonReader::child(mp, "sha256"), "expected 64 lower-case hex characters");
    }
    r.readString(m, mp, "half_file", spec.halfFile, false);
    if (r.readString(m, mp, "half_sha256", spec.halfSha256, !spec.halfFile.empty()) &&
        !spec.halfSha256.empty() && !isHex64(spec.halfSha256)) {
        r.error(JsonReader::child(mp, "half_sha256"), "expected 64 lower-case hex characters");
    }
    r.readString(m, mp, "licence", spec.licence, true);
    if (const auto it = m.find("source"); it != m.end()) {
        const std::string sp = JsonReader::child(mp, "source");
        if (r.expectObject(*it, sp, {"url", "sha256", "export"})) {
            r.readString(*it, sp, "url", spec.sourceUrl, true);
            r.readString(*it, sp, "sha256", spec.sourceSha256, false);
            r.readString(*it, sp, "export", spec.exportScript, false);
        }
    } else {
        r.error(JsonReader::child(mp, "source"), "required object is missing");
    }
    if (const auto it = m.find("input"); it != m.end()) {
        const std::string ip = JsonReader::child(mp, "input");
        if (r.expectObject(*it, ip, {"width", "height", "colour", "mean", "std", "pad_value"})) {
            r.readInt(*it, ip, "width", spec.inputWidth, true, 0, 8192);  // 0: any size
            r.readInt(*it, ip, "height", spec.inputHeight, true, 0, 8192);
            std::string colour;
            if (r.readString(*it, ip, "colour", colour, true)) {
                if (colour == "bgr") {
                    spec.colour = ColourOrder::Bgr;
                } else if (colour == "rgb") {
                    spec.colour = ColourOrder::Rgb;
                } else if (colour == "gray") {
                    spec.colour = ColourOrder::Gray;
                } else {
                    r.error(JsonReader::child(ip, "colour"),
                            "'" + colour + "' is not a colour order (bgr, rgb, gray)");
                }
            }
            readTriple(r, *it, ip, "mean", spec.mean);
            readTriple(r, *it, ip, "std", spec.std);
            r.readInt(*it, ip, "pad_value", spec.padValue, false, 0, 255);
        }
    } else {
        r.error(JsonReader::child(mp, "input"), "required object is missing");
    }
    if (const auto it = m.find("output"); it != m.end()) {
        const std::string op = JsonReader::child(mp, "output");
        if (r.expectObject(*it, op, {"layout", "strides"})) {
            r.readString(*it, op, "layout", spec.outputLayout, true);
            if (const auto s = it->find("strides"); s != it->end()) {
                if (!s->is_array()) {
                    r.error(JsonReader::child(op, "strides"), "expected a list of integers");
                } else {
                    for (const auto& v : *s) {
                        if (!v.is_number_integer() || v.get<int>() <= 0) {
                            r.error(JsonReader::child(op, "strides"), "expected positive integers");
                            break;
                        }
                        spec.strides.push_back(v.get<int>());
                    }
                }
            }
        }
    } else {
        r.error(JsonReader::child(mp, "output"), "required object is missing");
    }
    if (const auto it = m.find("classes"); it != m.end()) {
        if (it->is_string() && it->get<std::string>() == "coco80") {
            spec.classes = cocoClassNames();
        } else {
            r.readStringList(m, mp, "classes", spec.classes, false);
        }
    }
    manifest.models.push_back(std::move(spec));
}

}  // namespace

Result<ModelManifest> parseModelManifest(const std::string& jsonText) {
    json root;
    try {
        root = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        return makeError(std::string("$: not valid JSON (") + e.what() + ")");
    }
    JsonReader r;
    ModelManifest manifest;
    if (r.expectObject(root, "$", {"version", "models"})) {
        r.readInt(root, "$", "version", manifest.version, true, 1, 1);
        r.forEach(root, "$", "models", true,
                  [&](const json& m, const std::string& mp) { parseModel(r, m, mp, manifest); });
        std::set<std::string> names;
        for (std::size_t i = 0; i < manifest.models.size(); ++i) {
            if (!names.insert(manifest.models[i].name).second) {
                r.error(JsonReader::index("$.models", i) + ".name",
                        "'" + manifest.models[i].name + "' is listed twice");
            }
        }
    }
    if (r.hasErrors()) {
        return makeError(formatIssues(r.issues()));
    }
    return manifest;
}

Result<ModelManifest> loadModelManifest(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return makeError("cannot read the model manifest '" + path + "'");
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto manifest = parseModelManifest(text.str());
    if (!manifest) {
        return makeError(path + ":\n" + manifest.error().message);
    }
    return manifest;
}

Result<std::string> sha256File(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return makeError("cannot read '" + path + "'");
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
        return makeError("SHA-256 is not available");
    }
    std::array<char, 1 << 16> buf{};
    while (in) {
        in.read(buf.data(), buf.size());
        if (in.gcount() > 0) {
            EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<std::size_t>(in.gcount()));
        }
    }
    if (in.bad()) {
        return makeError("read error on '" + path + "'");
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx.get(), digest.data(), &len);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0xF];
    }
    return hex;
}

Result<std::string> verifyModelFile(const std::string& modelDir, const std::string& relativeFile,
                                    const std::string& expectedSha256) {
    const auto path = (std::filesystem::path(modelDir) / relativeFile).string();
    if (!std::filesystem::exists(path)) {
        return makeError("model file not found: " + path +
                         " (set the model directory with --model-dir, the site's "
                         "engine.model_dir or VIGIE_MODEL_DIR)");
    }
    auto hash = sha256File(path);
    if (!hash) {
        return hash.error();
    }
    if (*hash != expectedSha256) {
        return makeError("model file " + path + " does not match the manifest (SHA-256 " + *hash +
                         ", expected " + expectedSha256 +
                         "): it is corrupt or not the model the manifest names");
    }
    return path;
}

}  // namespace vigie::core
