#include "app/eval/scenario.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numbers>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/site_config.h"

namespace vigie::eval {

namespace fs = std::filesystem;
using core::EventType;
using json = nlohmann::json;

namespace {

// The scene is seen from above at an angle; the drawn calibration says the picture covers
// kGroundWidthM × kGroundDepthM of flat floor (25 pixels per metre at 320 × 240).
constexpr double kPxPerM = 25.0;

enum class Pose { Standing, Sitting, Lying, Hidden };

struct Key {
    double t = 0;  // seconds
    double x = 0;  // foot point on the ground, metres
    double y = 0;
    Pose pose = Pose::Standing;
};

enum class ActorKind { Person, Object, Flame, BlinkingSign, Lamp };

struct Actor {
    ActorKind kind = ActorKind::Person;
    std::string cls;  // detected class; empty: never detected
    std::vector<Key> keys;
    std::uint8_t b = 60, g = 60, r = 160;
    double widthM = 0.5;  // objects
    double heightM = 0.4;
    double missRate = 0.05;
    float minScore = 0.68F;
    float maxScore = 0.93F;
    // Flames: growth from ignition; signs: period; both drawn at a fixed place.
    double startS = 0, endS = 1e9;
    double periodS = 1.0;
    // Spurious detections only (no pixels): times at which the detector is fooled once.
    std::vector<double> blipTimes;
};

struct ActorState {
    bool visible = false;
    core::BoxF px;  // pixels
    bool lying = false;
};

void poseSize(Pose p, double& w, double& h) {
    switch (p) {
        case Pose::Sitting:
            w = 0.6;
            h = 1.1;
            return;
        case Pose::Lying:
            w = 1.7;
            h = 0.45;
            return;
        case Pose::Standing:
        case Pose::Hidden:
            break;
    }
    w = 0.5;
    h = 1.7;
}

ActorState stateAt(const Actor& a, double t) {
    ActorState st;
    if (a.keys.empty() || t < a.keys.front().t || t > a.keys.back().t) {
        return st;
    }
    std::size_t k = 0;
    while (k + 1 < a.keys.size() && a.keys[k + 1].t <= t) {
        ++k;
    }
    const Key& k0 = a.keys[k];
    const Key& k1 = k + 1 < a.keys.size() ? a.keys[k + 1] : k0;
    if (k0.pose == Pose::Hidden) {
        return st;
    }
    const double span = k1.t - k0.t;
    const double u = span > 0 ? std::clamp((t - k0.t) / span, 0.0, 1.0) : 0.0;
    const double x = k0.x + (k1.x - k0.x) * u;
    const double y = k0.y + (k1.y - k0.y) * u;
    double w = a.widthM, h = a.heightM;
    if (a.kind == ActorKind::Person) {
        double w0, h0, w1, h1;
        poseSize(k0.pose, w0, h0);
        poseSize(k1.pose == Pose::Hidden ? k0.pose : k1.pose, w1, h1);
        w = w0 + (w1 - w0) * u;
        h = h0 + (h1 - h0) * u;
    }
    st.visible = true;
    st.lying = w > h;
    st.px = {(x - w / 2) * kPxPerM, (y - h) * kPxPerM, (x + w / 2) * kPxPerM, y * kPxPerM};
    return st;
}

std::uint32_t hash32(std::uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

std::uint32_t fnv1a(const std::string& s) {
    std::uint32_t h = 2166136261U;
    for (unsigned char c : s) {
        h = (h ^ c) * 16777619U;
    }
    return h;
}

Shape rect(double x0, double y0, double x1, double y1, std::uint8_t b, std::uint8_t g,
           std::uint8_t r, int stripes = 0) {
    return {Shape::Kind::Rect, x0, y0, x1, y1, b, g, r, stripes};
}
Shape ellipse(double x0, double y0, double x1, double y1, std::uint8_t b, std::uint8_t g,
              std::uint8_t r) {
    return {Shape::Kind::Ellipse, x0, y0, x1, y1, b, g, r, 0};
}

std::uint8_t dim(std::uint8_t v, double f) {
    return std::uint8_t(std::clamp(double(v) * f, 0.0, 255.0));
}

void drawPerson(const Actor& a, const ActorState& st, std::vector<Shape>& out) {
    const auto& p = st.px;
    const double w = p.width(), h = p.height();
    if (!st.lying) {
        const double head = std::min(h * 0.16, w * 0.9);
        out.push_back(ellipse(p.x0 + w * 0.2, p.y0, p.x1 - w * 0.2, p.y0 + head, 90, 120, 170));
        out.push_back(rect(p.x0, p.y0 + head, p.x1, p.y0 + h * 0.58, a.b, a.g, a.r, 3));
        out.push_back(rect(p.x0 + w * 0.1, p.y0 + h * 0.58, p.x1 - w * 0.1, p.y1, dim(a.b, 0.45),
                           dim(a.g, 0.45), dim(a.r, 0.45), 4));
    } else {
        const double head = std::min(w * 0.16, h * 0.9);
        out.push_back(ellipse(p.x0, p.y0 + h * 0.2, p.x0 + head, p.y1 - h * 0.2, 90, 120, 170));
        out.push_back(rect(p.x0 + head, p.y0, p.x0 + w * 0.58, p.y1, a.b, a.g, a.r, 3));
        out.push_back(rect(p.x0 + w * 0.58, p.y0 + h * 0.1, p.x1, p.y1 - h * 0.1, dim(a.b, 0.45),
                           dim(a.g, 0.45), dim(a.r, 0.45), 4));
    }
}

void drawFlame(const Actor& a, double t, int frame, std::vector<Shape>& out) {
    if (t < a.startS || t > a.endS) {
        return;
    }
    // Grows from a spark to full size over 10 s; every tongue flickers from frame to frame.
    const double grow = std::clamp((t - a.startS) / 10.0, 0.0, 1.0);
    const double heightM = 0.25 + (a.heightM - 0.25) * grow;
    const double widthM = 0.2 + (a.widthM - 0.2) * grow;
    const double cx = a.keys.front().x * kPxPerM;
    const double base = a.keys.front().y * kPxPerM;
    const double w = widthM * kPxPerM;
    const int tongues = 5;
    for (int i = 0; i < tongues; ++i) {
        const std::uint32_t hsh = hash32(std::uint32_t(frame) * 131U + std::uint32_t(i) * 7919U);
        const double flicker = 0.55 + 0.9 * double(hsh % 1000) / 1000.0;
        const double th = heightM * kPxPerM * flicker * (i == 2 ? 1.0 : 0.7);
        const double tx = cx - w / 2 + w * (i + 0.5) / tongues;
        const double tw = w / tongues * 1.8;
        out.push_back(ellipse(tx - tw / 2, base - th, tx + tw / 2, base, 0, 60, 220));
        out.push_back(ellipse(tx - tw / 3, base - th * 0.75, tx + tw / 3, base, 0, 150, 255));
        out.push_back(ellipse(tx - tw / 5, base - th * 0.45, tx + tw / 5, base, 90, 230, 255));
    }
}

// The pictures and detections of a scenario from its actors.
void play(Scenario& s, const std::vector<Actor>& actors, double seconds) {
    const int frames = int(std::lround(seconds * s.fps));
    std::mt19937 rng(fnv1a(s.name));
    std::normal_distribution<double> jitter(0.0, 1.0);
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    s.shapes.assign(std::size_t(frames), {});
    s.detections.assign(std::size_t(frames), {});
    for (int f = 0; f < frames; ++f) {
        const double t = f / s.fps;
        auto& shapes = s.shapes[std::size_t(f)];
        auto& dets = s.detections[std::size_t(f)];
        // Far first (smaller foot row), so that nearer people hide farther ones.
        std::vector<std::pair<double, std::size_t>> order;
        for (std::size_t i = 0; i < actors.size(); ++i) {
            const auto st = stateAt(actors[i], t);
            order.emplace_back(st.visible ? st.px.y1 : -1.0, i);
        }
        std::sort(order.begin(), order.end());
        for (const auto& [foot, i] : order) {
            const Actor& a = actors[i];
            (void)foot;
            switch (a.kind) {
                case ActorKind::Flame:
                    drawFlame(a, t, f, shapes);
                    continue;
                case ActorKind::BlinkingSign: {
                    const bool on = std::fmod(t, a.periodS) < a.periodS / 2;
                    const auto& k = a.keys.front();
                    shapes.push_back(rect(k.x * kPxPerM, k.y * kPxPerM, (k.x + a.widthM) * kPxPerM,
                                          (k.y + a.heightM) * kPxPerM, on ? 20 : 40, on ? 140 : 45,
                                          on ? 255 : 50));
                    continue;
                }
                case ActorKind::Lamp: {
                    const auto& k = a.keys.front();
                    shapes.push_back(ellipse(k.x * kPxPerM, k.y * kPxPerM,
                                             (k.x + a.widthM) * kPxPerM,
                                             (k.y + a.heightM) * kPxPerM, 120, 220, 255));
                    continue;
                }
                case ActorKind::Person:
                case ActorKind::Object:
                    break;
            }
            const auto st = stateAt(a, t);
            if (st.visible) {
                if (a.kind == ActorKind::Person) {
                    drawPerson(a, st, shapes);
                } else {
                    shapes.push_back(rect(st.px.x0, st.px.y0, st.px.x1, st.px.y1, a.b, a.g, a.r,
                                          a.cls == "knife" ? 0 : 2));
                }
            }
            if (a.cls.empty()) {
                continue;
            }
            bool fooled = false;
            for (double bt : a.blipTimes) {
                fooled = fooled || std::abs(bt - t) < 0.5 / s.fps;
            }
            if (!a.blipTimes.empty() && !fooled) {
                continue;
            }
            if (!st.visible && !fooled) {
                continue;
            }
            if (!fooled && uni(rng) < a.missRate) {
                continue;
            }
            core::BoxF b = st.visible ? st.px : core::BoxF{150, 120, 156, 122};
            const double sw = b.width() * 0.03, sh = b.height() * 0.03;
            b.x0 += jitter(rng) * sw;
            b.x1 += jitter(rng) * sw;
            b.y0 += jitter(rng) * sh;
            b.y1 += jitter(rng) * sh;
            core::BoxF n{b.x0 / s.width, b.y0 / s.height, b.x1 / s.width, b.y1 / s.height};
            const core::BoxF c = core::clampToUnit(n);
            if (!c.isValid() || c.area() < 0.5 * n.area()) {
                continue;  // mostly outside the picture
            }
            const float score = a.minScore + float(uni(rng)) * (a.maxScore - a.minScore);
            dets.push_back({a.cls, c, score});
        }
    }
}

Scenario base(const std::string& name, EventType event, bool positive,
              const std::string& description) {
    Scenario s;
    s.name = name;
    s.event = event;
    s.positive = positive;
    s.description = description;
    s.site.id = "eval";
    s.site.name = "Evaluation";
    s.site.timezone = "UTC";
    s.site.engine.detector = "scripted";
    s.site.engine.device = "cpu";
    core::Camera cam;
    cam.id = "cam";
    cam.name = name;
    cam.source.url = "clip.y4m";
    cam.source.realtime = false;
    cam.analysisFps = s.fps;
    cam.calibration.groundQuad = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
    cam.calibration.quadWidthM = s.width / kPxPerM;
    cam.calibration.quadDepthM = s.height / kPxPerM;
    core::Zone all;
    all.id = "scene";
    all.name = "Scene";
    all.polygon.points = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    cam.zones.push_back(all);
    s.site.cameras.push_back(cam);
    return s;
}

// Zone from a rectangle in metres.
core::Zone zoneM(const std::string& id, double x0, double y0, double x1, double y1,
                 const Scenario& s) {
    const double W = s.width / kPxPerM, H = s.height / kPxPerM;
    core::Zone z;
    z.id = id;
    z.name = id;
    z.polygon.points = {{x0 / W, y0 / H}, {x1 / W, y0 / H}, {x1 / W, y1 / H}, {x0 / W, y1 / H}};
    return z;
}

void addRule(Scenario& s, EventType event, core::RuleParams params,
             std::vector<std::string> zones = {"scene"}, double cooldownS = 5.0,
             double holdS = 2.0) {
    core::Rule r;
    r.id = std::string(core::toName(event));
    r.name = r.id;
    r.event = event;
    r.cameraId = "cam";
    r.zoneIds = std::move(zones);
    r.severity = core::defaultSeverity(event);
    r.cooldownS = cooldownS;
    r.holdS = holdS;
    r.params = std::move(params);
    s.site.rules.push_back(std::move(r));
}

void addTruth(Scenario& s, double startS, double endS, const std::string& note) {
    s.truth.push_back({s.event, std::int64_t(startS * 1e6), std::int64_t(endS * 1e6), note});
}

Actor person(std::uint8_t b, std::uint8_t g, std::uint8_t r, std::vector<Key> keys) {
    Actor a;
    a.kind = ActorKind::Person;
    a.cls = "person";
    a.b = b;
    a.g = g;
    a.r = r;
    a.keys = std::move(keys);
    return a;
}

Actor object(const std::string& cls, double w, double h, std::vector<Key> keys) {
    Actor a;
    a.kind = ActorKind::Object;
    a.cls = cls;
    a.widthM = w;
    a.heightM = h;
    a.b = 40;
    a.g = 90;
    a.r = 40;
    a.keys = std::move(keys);
    return a;
}

// First time in [from, to] at which pred holds, sampled at the scenario's rate.
double firstTime(const Scenario& s, double from, double to,
                 const std::function<bool(double)>& pred) {
    for (double t = from; t <= to; t += 1.0 / s.fps) {
        if (pred(t)) {
            return t;
        }
    }
    return to;
}

double footDistanceM(const ActorState& a, const ActorState& b) {
    const auto pa = a.px.bottomCentre();
    const auto pb = b.px.bottomCentre();
    return std::hypot(pa.x - pb.x, pa.y - pb.y) / kPxPerM;
}

// --- the scenes ---------------------------------------------------------------------------

std::vector<Scenario> intrusion() {
    std::vector<Scenario> out;
    {
        auto s = base("intrusion_enter_zone", EventType::Intrusion, true,
                      "a person walks into a restricted area, stays 7 s and leaves");
        s.site.cameras[0].zones.push_back(zoneM("restricted", 7.68, 4.32, 12.16, 8.16, s));
        core::IntrusionParams p;
        p.minDwellS = 1.0;
        addRule(s, EventType::Intrusion, p, {"restricted"}, 5.0, 1.0);
        std::vector<Actor> a{
            person(60, 60, 170,
                   {{0, 1, 7}, {6, 9.5, 6.5}, {12, 9.8, 6.2}, {15, 5, 3}, {19, 0.2, 3}}),
            person(150, 80, 40, {{2, 13, 3}, {11, 0.2, 2.5}}),
        };
        play(s, a, 20);
        const double in = 6 * (7.68 - 1) / 8.5;  // x(t) = 1 + 8.5 t / 6
        const double outS = 12 + 3 * (9.8 - 7.68) / 4.8;
        addTruth(s, in, outS, "inside the restricted area");
        out.push_back(std::move(s));
    }
    {
        auto s = base("intrusion_pass_outside", EventType::Intrusion, false,
                      "people walk past the restricted area without entering it");
        s.site.cameras[0].zones.push_back(zoneM("restricted", 7.68, 4.32, 12.16, 8.16, s));
        core::IntrusionParams p;
        p.minDwellS = 1.0;
        addRule(s, EventType::Intrusion, p, {"restricted"}, 5.0, 1.0);
        std::vector<Actor> a{
            person(60, 60, 170, {{0, 0.3, 3.4}, {12, 12.5, 3.4}}),
            person(150, 80, 40, {{3, 6.8, 9.3}, {10, 6.8, 2.2}}),
            person(40, 140, 140, {{8, 12.5, 9.0}, {18, 0.3, 9.0}}),
        };
        play(s, a, 20);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Scenario> lineCrossing() {
    std::vector<Scenario> out;
    core::Line line;
    line.id = "barrier";
    line.name = "barrier";
    line.points = {{0.05, 0.55}, {0.95, 0.55}};
    line.direction = core::CrossingDirection::Any;
    const double lineY = 0.55 * 9.6;
    {
        auto s = base("line_crossing_three", EventType::LineCrossing, true,
                      "three people cross a line, 6 s apart, in both directions");
        s.site.cameras[0].lines.push_back(line);
        addRule(s, EventType::LineCrossing, core::LineCrossingParams{}, {"barrier"}, 0.0, 1.0);
        struct Walk {
            double t0, x, y0, t1, y1;
        };
        const Walk walks[] = {{1, 3, 2.5, 6, 8.5}, {7, 6, 9.0, 12, 2.5}, {14, 9, 2.5, 19, 8.5}};
        std::vector<Actor> a;
        std::uint8_t colour = 60;
        for (const auto& w : walks) {
            a.push_back(person(colour, 80, 170, {{w.t0, w.x, w.y0}, {w.t1, w.x, w.y1}}));
            colour = std::uint8_t(colour + 60);
            const double tc = w.t0 + (w.t1 - w.t0) * (lineY - w.y0) / (w.y1 - w.y0);
            addTruth(s, tc, tc + 0.5, "crossing");
        }
        play(s, a, 22);
        out.push_back(std::move(s));
    }
    {
        auto s = base("line_crossing_parallel", EventType::LineCrossing, false,
                      "people walk along the line, one comes close and turns back");
        s.site.cameras[0].lines.push_back(line);
        addRule(s, EventType::LineCrossing, core::LineCrossingParams{}, {"barrier"}, 0.0, 1.0);
        std::vector<Actor> a{
            person(60, 60, 170, {{0, 0.3, 3.5}, {12, 12.5, 3.5}}),
            person(150, 80, 40, {{2, 12.5, 7.8}, {14, 0.3, 7.8}}),
            person(40, 140, 140, {{5, 5, 2.5}, {8, 5, 4.7}, {9, 5, 4.7}, {12, 5, 2.5}}),
        };
        play(s, a, 16);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Scenario> wrongWay() {
    std::vector<Scenario> out;
    core::WrongWayParams p;
    p.allowedDirection = {0.0, 1.0};  // down the picture
    p.minDistanceM = 2.0;
    p.minDurationS = 1.0;
    auto flow = [](std::vector<Actor>& a, double seconds) {
        // People walking down the picture at 1.3 m/s, entering every 2.5 s.
        int i = 0;
        for (double t = 0; t < seconds - 2; t += 2.5, ++i) {
            const double x = 1.5 + std::fmod(i * 3.7, 9.5);
            a.push_back(person(std::uint8_t(40 + 35 * (i % 5)), 90,
                               std::uint8_t(200 - 30 * (i % 4)), {{t, x, 1.8}, {t + 6.0, x, 9.6}}));
        }
    };
    {
        auto s = base("wrong_way_against_flow", EventType::WrongWay, true,
                      "people walk down the corridor; one walks up against them");
        addRule(s, EventType::WrongWay, p);
        std::vector<Actor> a;
        flow(a, 18);
        a.push_back(person(200, 200, 60, {{6, 6.3, 9.4}, {11.7, 6.3, 2.0}}));
        play(s, a, 18);
        addTruth(s, 6, 11.7, "walking against the allowed direction");
        out.push_back(std::move(s));
    }
    {
        auto s = base("wrong_way_with_flow", EventType::WrongWay, false,
                      "people walk down the corridor; one crosses it sideways");
        addRule(s, EventType::WrongWay, p);
        std::vector<Actor> a;
        flow(a, 18);
        a.push_back(person(200, 200, 60, {{5, 0.3, 5.5}, {13, 12.5, 5.0}}));
        play(s, a, 18);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Scenario> density() {
    std::vector<Scenario> out;
    core::DensityParams p;
    p.thresholdPerM2 = 0.5;
    p.holdS = 2.0;
    p.method = core::DensityMethod::Count;
    const double zx0 = 3.0, zy0 = 3.5, zx1 = 8.0, zy1 = 7.5;
    const double areaM2 = (zx1 - zx0) * (zy1 - zy0);
    auto gathering = [&](Scenario& s, int people, double seconds) {
        std::vector<Actor> a;
        for (int i = 0; i < people; ++i) {
            const double gx = zx0 + 0.6 + (i % 4) * 1.2 + (i / 4 % 2) * 0.5;
            const double gy = zy0 + 0.5 + (i / 4) * 0.95;
            const double arrive = 2.0 + i * 0.6;
            const double fromX = i % 2 == 0 ? -0.3 : 13.1;
            const double leave = seconds - 6 + (i % 5) * 0.3;
            a.push_back(person(std::uint8_t(30 + 15 * i), std::uint8_t(200 - 10 * i),
                               std::uint8_t(60 + 12 * i),
                               {{0, fromX, gy},
                                {arrive, gx, gy},
                                {arrive + 2, gx + 0.15, gy},
                                {leave, gx, gy + 0.1},
                                {leave + 4, fromX, gy}}));
        }
        play(s, a, seconds);
        // Exact truth: the count of foot points in the zone, picture by picture.
        double start = -1;
        for (int f = 0; f < s.frameCount(); ++f) {
            const double t = f / s.fps;
            int inside = 0;
            for (const auto& actor : a) {
                const auto st = stateAt(actor, t);
                const auto foot = st.px.bottomCentre();
                inside += st.visible && foot.x / kPxPerM >= zx0 && foot.x / kPxPerM <= zx1 &&
                          foot.y / kPxPerM >= zy0 && foot.y / kPxPerM <= zy1;
            }
            const bool over = inside / areaM2 > p.thresholdPerM2;
            if (over && start < 0) {
                start = t;
            } else if (!over && start >= 0) {
                addTruth(s, start, t, "more than 0.5 person/m2 in the square");
                start = -1;
            }
        }
        if (start >= 0) {
            addTruth(s, start, s.durationS(), "more than 0.5 person/m2 in the square");
        }
    };
    {
        auto s = base("density_gathering", EventType::Density, true,
                      "14 people gather in a 20 m2 square, stay, then leave");
        s.site.cameras[0].zones.push_back(zoneM("square", zx0, zy0, zx1, zy1, s));
        addRule(s, EventType::Density, p, {"square"});
        gathering(s, 14, 30);
        out.push_back(std::move(s));
    }
    {
        auto s = base("density_sparse", EventType::Density, false,
                      "6 people stand in a 20 m2 square (0.3 person/m2)");
        s.site.cameras[0].zones.push_back(zoneM("square", zx0, zy0, zx1, zy1, s));
        addRule(s, EventType::Density, p, {"square"});
        gathering(s, 6, 30);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Scenario> crowdMovement() {
    std::vector<Scenario> out;
    core::CrowdMovementParams p;
    p.minPeople = 5;
    p.minFraction = 0.3;
    p.runningSpeedMps = 2.5;
    const int people = 14;
    {
        auto s = base("crowd_running_dispersal", EventType::CrowdMovement, true,
                      "14 people mill about slowly for 20 s, then all run outwards");
        addRule(s, EventType::CrowdMovement, p);
        std::vector<Actor> a;
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> d(-0.4, 0.4);
        const double cx = 6.4, cy = 5.8;
        for (int i = 0; i < people; ++i) {
            const double ang = 2 * std::numbers::pi * i / people;
            const double x = cx + std::cos(ang) * (1.2 + 0.6 * (i % 3));
            const double y = cy + std::sin(ang) * (1.0 + 0.4 * (i % 3));
            std::vector<Key> k;
            for (double t = 0; t < 20; t += 2) {
                k.push_back({t, x + d(rng), y + d(rng)});
            }
            k.push_back({20, x, y});
            // 4 m/s outwards for 3 s.
            k.push_back({23, x + std::cos(ang) * 12, y + std::sin(ang) * 12});
            a.push_back(person(std::uint8_t(30 + 15 * i), std::uint8_t(200 - 10 * i),
                               std::uint8_t(60 + 12 * i), k));
        }
        play(s, a, 26);
        addTruth(s, 20, 23, "everyone runs outwards");
        out.push_back(std::move(s));
    }
    {
        auto s = base("crowd_walking_steady", EventType::CrowdMovement, false,
                      "14 people walk across at a steady pace the whole time");
        addRule(s, EventType::CrowdMovement, p);
        std::vector<Actor> a;
        for (int i = 0; i < people; ++i) {
            const double y = 2.2 + (i % 7) * 1.05;
            const double speed = 1.1 + 0.05 * (i % 4);
            const double phase = (i / 7) * 6.5 + (i % 3) * 1.7;
            std::vector<Key> k;
            // Walks left to right, then starts again from the left (another passer-by).
            double x = std::fmod(phase, 13.0);
            double t = 0;
            while (t < 26) {
                const double dt = (13.0 - x) / speed;
                k.push_back({t, x, y});
                k.push_back({t + dt, 13.0, y});
                k.push_back({t + dt + 0.01, -0.2, y, Pose::Hidden});
                t += dt + 0.2;
                x = -0.2;
            }
            a.push_back(person(std::uint8_t(30 + 15 * i), std::uint8_t(200 - 10 * i),
                               std::uint8_t(60 + 12 * i), k));
        }
        play(s, a, 26);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Scenario> abandonedObject() {
    std::vector<Scenario> out;
    core::AbandonedObjectParams p;
    p.staticForS = 8.0;
    p.ownerDistanceM = 3.0;
    auto carried = [](const std::vector<Key>& owner, double untilS) {
        std::vector<Key> k;
        for (const auto& o : owner) {
            if (o.t <= untilS) {
                k.push_back({o.t, o.x + 0.35, o.y + 0.02});
            }
        }
        return k;
    };
    {
        auto s = base("abandoned_object_left", EventType::AbandonedObject, true,
                      "a person brings a suitcase, sets it down, walks away; others pass later");
        addRule(s, EventType::AbandonedObject, p, {"scene"}, 30.0, 3.0);
        const std::vector<Key> walk{{0, -0.2, 6}, {5, 6, 6}, {7, 6, 6}, {12, 13.3, 5}};
        Actor owner = person(60, 60, 170, walk);
        auto bagKeys = carried(walk, 5);
        bagKeys.push_back({6, 6.4, 6.05});
        bagKeys.push_back({30, 6.4, 6.05});
        Actor bag = object("suitcase", 0.45, 0.55, bagKeys);
        std::vector<Actor> a{owner, bag, person(150, 80, 40, {{20, 13, 2.4}, {27, -0.3, 2.4}}),
                             person(40, 140, 140, {{22, -0.3, 9.4}, {29, 13, 9.4}})};
        play(s, a, 30);
        const double gone = firstTime(s, 6, 30, [&](double t) {
            return footDistanceM(stateAt(owner, t), stateAt(bag, t)) > p.ownerDistanceM ||
                   !stateAt(owner, t).visible;
        });
        addTruth(s, gone, 30, "suitcase unattended, owner gone");
        out.push_back(std::move(s));
    }
    {
        auto s = base("abandoned_object_owner_stays", EventType::AbandonedObject, false,
                      "a person sets a suitcase down, waits beside it for 15 s, takes it away");
        addRule(s, EventType::AbandonedObject, p, {"scene"}, 30.0, 3.0);
        const std::vector<Key> walk{{0, -0.2, 6},   {5, 6, 6},    {8, 6.9, 6.3}, {12, 7.2, 5.8},
                                    {16, 6.8, 6.4}, {20, 6.0, 6}, {21, 6, 6},    {26, 13.3, 6}};
        Actor owner = person(60, 60, 170, walk);
        auto bagKeys = carried(walk, 5);
        bagKeys.push_back({6, 6.4, 6.05});
        bagKeys.push_back({21, 6.4, 6.05});
        bagKeys.push_back({26, 13.65, 6.02});
        std::vector<Actor> a{owner, object("suitcase", 0.45, 0.55, bagKeys)};
        play(s, a, 26);
        out.push_back(std::move(s));
    }
    {
        auto s = base("abandoned_object_taken_back", EventType::AbandonedObject, false,
                      "a person leaves a suitcase, walks 4 m away and is back for it 6 s after "
                      "setting it down");
        addRule(s, EventType::AbandonedObject, p, {"scene"}, 30.0, 3.0);
        const std::vector<Key> walk{{0, -0.2, 6},   {5, 6, 6},      {8, 10.8, 6.5}, {9, 10.8, 6.5},
                                    {11, 6.1, 6.0}, {12, 6.1, 6.0}, {17, -0.3, 6}};
        Actor owner = person(60, 60, 170, walk);
        auto bagKeys = carried(walk, 5);
        bagKeys.push_back({6, 6.4, 6.05});
        bagKeys.push_back({12, 6.4, 6.05});
        bagKeys.push_back({17, 0.05, 6.02});
        std::vector<Actor> a{owner, object("suitcase", 0.45, 0.55, bagKeys),
                             person(150, 80, 40, {{13, 13, 3}, {20, -0.3, 3}})};
        play(s, a, 22);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Scenario> personOnGround() {
    std::vector<Scenario> out;
    core::PersonOnGroundParams p;
    p.minDurationS = 3.0;
    {
        auto s = base("person_on_ground_fall", EventType::PersonOnGround, true,
                      "a person walks, falls and stays on the ground");
        addRule(s, EventType::PersonOnGround, p, {}, 30.0, 2.0);
        std::vector<Actor> a{
            person(60, 60, 170,
                   {{0, 0.5, 6},
                    {4, 6, 6},
                    {5, 6, 6},
                    {5.6, 6.6, 6.1, Pose::Lying},
                    {20, 6.6, 6.1, Pose::Lying}}),
            person(150, 80, 40, {{8, 13, 3}, {16, -0.3, 3}}),
        };
        play(s, a, 20);
        addTruth(s, 5, 20, "fallen and lying");
        out.push_back(std::move(s));
    }
    {
        auto s = base("person_on_ground_sits_down", EventType::PersonOnGround, false,
                      "a person walks, sits down on the floor for 10 s, stands up and leaves");
        addRule(s, EventType::PersonOnGround, p, {}, 30.0, 2.0);
        std::vector<Actor> a{
            person(60, 60, 170,
                   {{0, 0.5, 6},
                    {4, 6, 6},
                    {4.8, 6, 6, Pose::Sitting},
                    {14, 6, 6, Pose::Sitting},
                    {14.8, 6, 6},
                    {19, 12.9, 6}}),
        };
        play(s, a, 20);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Scenario> fire() {
    std::vector<Scenario> out;
    core::FireParams p;
    auto passer = [] {
        return person(150, 80, 40, {{2, 13, 8.5}, {11, -0.3, 8.5}});
    };
    {
        auto s = base("fire_flame", EventType::Fire, true,
                      "a fire starts at 6 s, flickers and grows to 1.2 m");
        addRule(s, EventType::Fire, p, {}, 30.0, 3.0);
        Actor flame;
        flame.kind = ActorKind::Flame;
        flame.keys = {{0, 8.5, 6.5}};
        flame.widthM = 1.0;
        flame.heightM = 1.2;
        flame.startS = 6;
        std::vector<Actor> a{flame, passer()};
        play(s, a, 24);
        addTruth(s, 6, 24, "flames");
        out.push_back(std::move(s));
    }
    {
        auto s = base("fire_blinking_sign", EventType::Fire, false,
                      "an orange sign blinks once a second; a person passes");
        addRule(s, EventType::Fire, p, {}, 30.0, 3.0);
        Actor sign;
        sign.kind = ActorKind::BlinkingSign;
        sign.keys = {{0, 7.5, 1.0}};
        sign.widthM = 1.8;
        sign.heightM = 0.7;
        sign.periodS = 1.0;
        std::vector<Actor> a{sign, passer()};
        play(s, a, 24);
        out.push_back(std::move(s));
    }
    {
        auto s = base("fire_steady_lamp", EventType::Fire, false,
                      "a warm steady lamp is lit the whole time; a person passes");
        addRule(s, EventType::Fire, p, {}, 30.0, 3.0);
        Actor lamp;
        lamp.kind = ActorKind::Lamp;
        lamp.keys = {{0, 3.0, 1.5}};
        lamp.widthM = 0.9;
        lamp.heightM = 0.9;
        std::vector<Actor> a{lamp, passer()};
        play(s, a, 24);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Scenario> weapon() {
    std::vector<Scenario> out;
    core::WeaponParams p;
    p.minScore = 0.5;
    p.holdFrames = 3;
    const std::vector<Key> walk{{0, -0.2, 6}, {6, 5, 6}, {12, 7, 6.2}, {16, 13.2, 6}};
    {
        auto s = base("weapon_knife", EventType::Weapon, true,
                      "a person walks in and holds a knife from 6 s to 12 s");
        addRule(s, EventType::Weapon, p, {}, 10.0, 2.0);
        std::vector<Key> knifeKeys;
        for (const auto& k : walk) {
            if (k.t >= 6 && k.t <= 12) {
                knifeKeys.push_back({k.t, k.x + 0.45, k.y - 0.8});
            }
        }
        Actor knife = object("knife", 0.3, 0.08, knifeKeys);
        knife.b = 200;
        knife.g = 200;
        knife.r = 200;
        knife.missRate = 0.2;
        knife.minScore = 0.5F;
        knife.maxScore = 0.8F;
        std::vector<Actor> a{person(60, 60, 170, walk), knife};
        play(s, a, 16);
        addTruth(s, 6, 12, "knife in hand");
        out.push_back(std::move(s));
    }
    {
        auto s = base("weapon_false_blips", EventType::Weapon, false,
                      "a person walks through; the detector sees a knife in three single pictures");
        addRule(s, EventType::Weapon, p, {}, 10.0, 2.0);
        Actor ghost;
        ghost.kind = ActorKind::Object;
        ghost.cls = "knife";
        ghost.blipTimes = {4.0, 8.3, 12.0};
        ghost.minScore = 0.55F;
        ghost.maxScore = 0.7F;
        std::vector<Actor> a{person(60, 60, 170, walk), ghost};
        play(s, a, 16);
        out.push_back(std::move(s));
    }
    return out;
}

void yuvRow(const std::uint8_t* bgr, int width, std::uint8_t* y) {
    for (int x = 0; x < width; ++x) {
        const double b = bgr[3 * x], g = bgr[3 * x + 1], r = bgr[3 * x + 2];
        y[x] =
            std::uint8_t(std::clamp(16.0 + 0.2568 * r + 0.5041 * g + 0.0979 * b + 0.5, 0.0, 255.0));
    }
}

}  // namespace

std::vector<std::uint8_t> Scenario::render(int frame) const {
    std::vector<std::uint8_t> px(std::size_t(width) * std::size_t(height) * 3);
    // Floor: large tiles with a fixed grain, so that the background is textured but static.
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int tile = ((x / 20) + (y / 20)) % 2 == 0 ? 0 : 10;
            const int grain = int(hash32(std::uint32_t(y * width + x)) % 9U);
            const int noise =
                int(hash32(std::uint32_t((y * width + x) ^ (frame * 2654435761U))) % 5U) - 2;
            const int base = 105 + tile + grain + noise;
            std::uint8_t* p = &px[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3];
            p[0] = std::uint8_t(std::clamp(base + 8, 0, 255));
            p[1] = std::uint8_t(std::clamp(base + 3, 0, 255));
            p[2] = std::uint8_t(std::clamp(base, 0, 255));
        }
    }
    if (frame < 0 || frame >= frameCount()) {
        return px;
    }
    for (const auto& s : shapes[std::size_t(frame)]) {
        const int x0 = std::max(0, int(std::floor(s.x0)));
        const int x1 = std::min(width, int(std::ceil(s.x1)));
        const int y0 = std::max(0, int(std::floor(s.y0)));
        const int y1 = std::min(height, int(std::ceil(s.y1)));
        const double cx = (s.x0 + s.x1) / 2, cy = (s.y0 + s.y1) / 2;
        const double rx = std::max(0.5, (s.x1 - s.x0) / 2), ry = std::max(0.5, (s.y1 - s.y0) / 2);
        for (int y = y0; y < y1; ++y) {
            for (int x = x0; x < x1; ++x) {
                if (s.kind == Shape::Kind::Ellipse) {
                    const double dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
                    if (dx * dx + dy * dy > 1.0) {
                        continue;
                    }
                }
                double f = 1.0;
                if (s.stripes > 0 && ((y - int(s.y0)) / s.stripes) % 2 == 1) {
                    f = 0.7;
                }
                std::uint8_t* p = &px[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3];
                p[0] = dim(s.b, f);
                p[1] = dim(s.g, f);
                p[2] = dim(s.r, f);
            }
        }
    }
    return px;
}

std::vector<Scenario> buildScenarios() {
    std::vector<Scenario> all;
    for (auto part : {intrusion(), lineCrossing(), wrongWay(), density(), crowdMovement(),
                      abandonedObject(), personOnGround(), fire(), weapon()}) {
        for (auto& s : part) {
            all.push_back(std::move(s));
        }
    }
    return all;
}

std::vector<Scenario> buildScenarios(EventType event) {
    std::vector<Scenario> out;
    for (auto& s : buildScenarios()) {
        if (s.event == event) {
            out.push_back(std::move(s));
        }
    }
    return out;
}

core::Status writeY4m(const Scenario& scenario, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    if (!out) {
        return core::makeError("cannot write " + path);
    }
    const int w = scenario.width, h = scenario.height;
    out << "YUV4MPEG2 W" << w << " H" << h << " F" << std::lround(scenario.fps * 1000)
        << ":1000 Ip A1:1 C420jpeg\n";
    std::vector<std::uint8_t> yPlane(std::size_t(w) * std::size_t(h));
    std::vector<std::uint8_t> uPlane(std::size_t(w / 2) * std::size_t(h / 2));
    std::vector<std::uint8_t> vPlane(uPlane.size());
    for (int f = 0; f < scenario.frameCount(); ++f) {
        const auto bgr = scenario.render(f);
        for (int y = 0; y < h; ++y) {
            yuvRow(&bgr[std::size_t(y) * std::size_t(w) * 3], w,
                   &yPlane[std::size_t(y) * std::size_t(w)]);
        }
        for (int y = 0; y < h / 2; ++y) {
            for (int x = 0; x < w / 2; ++x) {
                double b = 0, g = 0, r = 0;
                for (int dy = 0; dy < 2; ++dy) {
                    for (int dx = 0; dx < 2; ++dx) {
                        const auto* p = &bgr[(std::size_t(2 * y + dy) * std::size_t(w) +
                                              std::size_t(2 * x + dx)) *
                                             3];
                        b += p[0] / 4.0;
                        g += p[1] / 4.0;
                        r += p[2] / 4.0;
                    }
                }
                const std::size_t i = std::size_t(y) * std::size_t(w / 2) + std::size_t(x);
                uPlane[i] = std::uint8_t(
                    std::clamp(128.0 - 0.1482 * r - 0.2910 * g + 0.4392 * b + 0.5, 0.0, 255.0));
                vPlane[i] = std::uint8_t(
                    std::clamp(128.0 + 0.4392 * r - 0.3678 * g - 0.0714 * b + 0.5, 0.0, 255.0));
            }
        }
        out << "FRAME\n";
        out.write(reinterpret_cast<const char*>(yPlane.data()), std::streamsize(yPlane.size()));
        out.write(reinterpret_cast<const char*>(uPlane.data()), std::streamsize(uPlane.size()));
        out.write(reinterpret_cast<const char*>(vPlane.data()), std::streamsize(vPlane.size()));
    }
    out.close();
    if (!out) {
        return core::makeError("could not write all of " + path);
    }
    return core::okStatus();
}

namespace {

// The optional note of a truth event (get_ref: no conversion, no copy of a missing key).
std::string noteOf(const json& event) {
    const auto it = event.find("note");
    return it != event.end() && it->is_string() ? it->get_ref<const std::string&>() : std::string();
}

json truthToJson(const std::vector<core::TruthInterval>& truth) {
    json events = json::array();
    for (const auto& t : truth) {
        events.push_back({{"event", std::string(core::toName(t.event))},
                          {"start_s", double(t.startUs) / 1e6},
                          {"end_s", double(t.endUs) / 1e6},
                          {"note", t.note}});
    }
    return events;
}

core::Status writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
        return core::makeError("cannot write " + path.string());
    }
    return core::okStatus();
}

}  // namespace

core::Status writeScenario(const Scenario& scenario, const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        return core::makeError("cannot create " + dir + ": " + ec.message());
    }
    const fs::path d(dir);
    if (auto r = writeY4m(scenario, (d / "clip.y4m").string()); !r) {
        return r;
    }
    if (auto r = writeText(d / "site.json", core::toJson(scenario.site)); !r) {
        return r;
    }
    json evaluated = json::array();
    for (const auto& rule : scenario.site.rules) {
        evaluated.push_back(std::string(core::toName(rule.event)));
    }
    json truth = {{"description", scenario.description},  {"clip", "clip.y4m"},
                  {"duration_s", scenario.durationS()},   {"fps", scenario.fps},
                  {"positive", scenario.positive},        {"evaluated_events", evaluated},
                  {"events", truthToJson(scenario.truth)}};
    if (auto r = writeText(d / "truth.json", truth.dump(2) + "\n"); !r) {
        return r;
    }
    std::string lines;
    for (int f = 0; f < scenario.frameCount(); ++f) {
        json dets = json::array();
        for (const auto& det : scenario.detections[std::size_t(f)]) {
            dets.push_back({{"class", det.cls},
                            {"box", {det.box.x0, det.box.y0, det.box.x1, det.box.y1}},
                            {"score", det.score}});
        }
        lines += json{{"frame", f}, {"pts_us", scenario.ptsUs(f)}, {"detections", dets}}.dump();
        lines += '\n';
    }
    return writeText(d / "detections.jsonl", lines);
}

ScenarioFiles toFiles(const Scenario& scenario, const std::string& clipPath) {
    ScenarioFiles files;
    files.name = scenario.name;
    files.dir = fs::path(clipPath).parent_path().string();
    files.clipPath = clipPath;
    files.site = scenario.site;
    files.site.baseDir = files.dir;
    files.truth = scenario.truth;
    for (const auto& rule : scenario.site.rules) {
        files.events.push_back(rule.event);
    }
    files.durationS = scenario.durationS();
    files.fps = scenario.fps;
    for (int f = 0; f < scenario.frameCount(); ++f) {
        files.detections.emplace_back(scenario.ptsUs(f), scenario.detections[std::size_t(f)]);
    }
    return files;
}

core::Result<ScenarioFiles> loadScenarioDir(const std::string& dir, const std::string& dataDir) {
    const fs::path d(dir);
    ScenarioFiles files;
    files.dir = dir;
    files.name = fs::path(dir).filename().string();
    if (files.name.empty()) {
        files.name = fs::path(dir).parent_path().filename().string();
    }
    auto site = core::loadSite((d / "site.json").string());
    if (!site) {
        return core::makeError((d / "site.json").string() + ": " + site.error().message);
    }
    files.site = std::move(*site);
    std::ifstream truthIn(d / "truth.json");
    if (!truthIn) {
        return core::makeError("cannot read " + (d / "truth.json").string());
    }
    try {
        const json truth = json::parse(truthIn);
        const std::string clip = truth.at("clip").get<std::string>();
        if (clip.rfind("data:", 0) == 0) {
            if (dataDir.empty()) {
                return core::makeError(files.name + ": the clip is in the real footage set (" +
                                       clip + "), which was not found");
            }
            files.clipPath = (fs::path(dataDir) / clip.substr(5)).string();
        } else {
            files.clipPath = fs::path(clip).is_absolute() ? clip : (d / clip).string();
        }
        files.durationS = truth.value("duration_s", 0.0);
        files.fps = truth.value("fps", 0.0);
        for (const auto& e : truth.value("evaluated_events", json::array())) {
            const auto type = core::eventTypeFromString(e.get<std::string>());
            if (!type) {
                return core::makeError("truth.json: unknown event '" + e.get<std::string>() + "'");
            }
            files.events.push_back(*type);
        }
        for (const auto& e : truth.at("events")) {
            const auto type = core::eventTypeFromString(e.at("event").get<std::string>());
            if (!type) {
                return core::makeError("truth.json: unknown event '" +
                                       e.at("event").get<std::string>() + "'");
            }
            files.truth.push_back({*type, std::int64_t(e.at("start_s").get<double>() * 1e6),
                                   std::int64_t(e.at("end_s").get<double>() * 1e6), noteOf(e)});
        }
    } catch (const json::exception& e) {
        return core::makeError((d / "truth.json").string() + ": " + e.what());
    }
    std::ifstream detIn(d / "detections.jsonl");
    if (detIn) {
        std::string line;
        int n = 0;
        try {
            while (std::getline(detIn, line)) {
                ++n;
                if (line.empty()) {
                    continue;
                }
                const json j = json::parse(line);
                std::vector<ScriptedDetection> dets;
                for (const auto& det : j.at("detections")) {
                    const auto& b = det.at("box");
                    dets.push_back({det.at("class").get<std::string>(),
                                    {b.at(0).get<double>(), b.at(1).get<double>(),
                                     b.at(2).get<double>(), b.at(3).get<double>()},
                                    det.at("score").get<float>()});
                }
                files.detections.emplace_back(j.at("pts_us").get<std::int64_t>(), std::move(dets));
            }
        } catch (const json::exception& e) {
            return core::makeError((d / "detections.jsonl").string() + " line " +
                                   std::to_string(n) + ": " + e.what());
        }
    }
    return files;
}

}  // namespace vigie::eval
