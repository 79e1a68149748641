// Fire start: a fire model's tracks when one is installed, flame colour + flicker + growth
// over a sliding window of pictures otherwise.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "inference/event_analysers.h"

namespace vigie::inference {

using core::RuleObservation;

namespace {

bool isFireLabel(const std::string& label) {
    return label == "fire" || label == "flame" || label == "smoke";
}

#ifdef VIGIE_HAVE_OPENCV  // the helpers below serve the OpenCV part only
// Largest normalised autocorrelation of the linearly detrended series at a lag up to half its
// length, after it first went negative: near 1 for a periodic signal (a blinking sign),
// small for flicker.
double periodicity(const std::vector<double>& series) {
    const std::size_t n = series.size();
    if (n < 8) {
        return 0.0;
    }
    // Least-squares line through (i, v).
    double si = 0, sv = 0, sii = 0, siv = 0;
    for (std::size_t i = 0; i < n; ++i) {
        si += double(i);
        sv += series[i];
        sii += double(i) * double(i);
        siv += double(i) * series[i];
    }
    const double denom = double(n) * sii - si * si;
    const double slope = denom != 0 ? (double(n) * siv - si * sv) / denom : 0.0;
    const double intercept = (sv - slope * si) / double(n);
    std::vector<double> r(n);
    double energy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        r[i] = series[i] - (intercept + slope * double(i));
        energy += r[i] * r[i];
    }
    if (energy < 1e-9 * double(n)) {
        return 0.0;
    }
    // Only after the autocorrelation first went negative: a slowly varying signal (a flame
    // swaying) stays correlated at short lags without repeating; a periodic one swings back.
    double best = 0.0;
    bool dipped = false;
    for (std::size_t lag = 1; lag <= n / 2; ++lag) {
        double c = 0.0;
        for (std::size_t i = 0; i + lag < n; ++i) {
            c += r[i] * r[i + lag];
        }
        // Unbiased for the shorter overlap.
        c = c / double(n - lag) / (energy / double(n));
        if (c < 0.0) {
            dipped = true;
        } else if (dipped && lag >= 2) {
            best = std::max(best, c);
        }
    }
    return best;
}

// A flame-coloured region this much inside a person's box is taken for clothing.
constexpr double kOnPersonFraction = 0.5;

bool onPerson(const core::BoxF& region, const std::vector<core::TrackedObject>& tracks) {
    const double area = region.area();
    return area > 0 && std::any_of(tracks.begin(), tracks.end(), [&](const auto& t) {
               return t.label == "person" &&
                      core::intersectionArea(region, t.box) >= kOnPersonFraction * area;
           });
}

// Flames give light: the brighter part of the region (its 75th percentile of brightness)
// against the median of a ring around it, half the region's size wide.
double contrast(const MaskRegion& r, const std::vector<std::uint8_t>& presence,
                const std::vector<std::uint8_t>& value, int width, int height) {
    std::vector<std::uint8_t> inside;
    std::vector<std::uint8_t> ring;
    const int ex = std::max(2, (r.x1 - r.x0) / 2);
    const int ey = std::max(2, (r.y1 - r.y0) / 2);
    for (int y = std::max(0, r.y0 - ey); y < std::min(height, r.y1 + ey); ++y) {
        for (int x = std::max(0, r.x0 - ex); x < std::min(width, r.x1 + ex); ++x) {
            const std::size_t i = std::size_t(y) * std::size_t(width) + std::size_t(x);
            const bool in = x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1;
            if (!in) {
                ring.push_back(value[i]);
            } else if (presence[i] != 0) {
                inside.push_back(value[i]);
            }
        }
    }
    if (inside.empty() || ring.empty()) {
        return 0.0;
    }
    auto q3 = inside.begin() + std::ptrdiff_t(inside.size() * 3 / 4);
    std::nth_element(inside.begin(), q3, inside.end());
    auto mid = ring.begin() + std::ptrdiff_t(ring.size() / 2);
    std::nth_element(ring.begin(), mid, ring.end());
    return double(*q3) / std::max(1.0, double(*mid));
}

#endif

}  // namespace

FireAnalyser::FireAnalyser(core::FireParams params, std::vector<core::Polygon> zones,
                           std::vector<std::string> zoneIds)
    : m_params(params), m_zones(std::move(zones)), m_zoneIds(std::move(zoneIds)) {}

RuleObservation FireAnalyser::fromModel(const AnalysisInput& input) {
    RuleObservation obs;
    for (const auto& t : *input.tracks) {
        if (!isFireLabel(t.label) || t.score < 0.25F || zoneIndexOf(m_zones, t.box.centre()) < 0) {
            continue;
        }
        obs.active = true;
        obs.score = std::max(obs.score, double(t.score));
        obs.boxes.push_back(t.box);
        obs.trackIds.push_back(t.id);
    }
    return obs;
}

void FireAnalyser::learnScene(const std::vector<std::uint8_t>& mask, std::int64_t ptsUs) {
    const std::size_t cells = mask.size();
    if (m_established.size() != cells) {
        // The scene as first seen: what is flame-coloured then is part of it.
        m_established.assign(mask.begin(), mask.end());
        m_frozen.assign(cells, 0);
    } else {
        const double dtS = std::clamp(double(ptsUs - m_lastSceneUs) / 1e6, 0.0, 1.0);
        const auto alpha = float(dtS / kSceneTimeConstantS);
        for (std::size_t i = 0; i < cells; ++i) {
            if (m_frozen[i] == 0) {
                m_established[i] += alpha * (float(mask[i]) - m_established[i]);
            }
        }
    }
    m_lastSceneUs = ptsUs;
    std::fill(m_frozen.begin(), m_frozen.end(), 0);
    // Established, widened by one cell (a camera that sways a little).
    m_establishedNow.assign(cells, 0);
    for (int y = 0; y < m_height; ++y) {
        for (int x = 0; x < m_width; ++x) {
            if (m_established[std::size_t(y) * std::size_t(m_width) + std::size_t(x)] <
                kEstablishedLevel) {
                continue;
            }
            for (int yy = std::max(0, y - 1); yy <= std::min(m_height - 1, y + 1); ++yy) {
                for (int xx = std::max(0, x - 1); xx <= std::min(m_width - 1, x + 1); ++xx) {
                    m_establishedNow[std::size_t(yy) * std::size_t(m_width) + std::size_t(xx)] = 1;
                }
            }
        }
    }
}

RuleObservation FireAnalyser::update(const AnalysisInput& input) {
    RuleObservation evidence = fromModel(input);
    nlohmann::json detail;
    m_regions.clear();
#ifdef VIGIE_HAVE_OPENCV
    const double s = std::clamp(m_params.sensitivity, 0.0, 1.0);
    const double flickerMin = 0.03 * (1.5 - s);
    const double contrastMin = 1.45 - 0.3 * s;
    if (!evidence.active && input.frame != nullptr && !input.frame->empty()) {
        auto maps = flameColourMask(*input.frame, kFlameWidth, FlameColourOptions{s});
        if (maps) {
            if (maps->width != m_width || maps->height != m_height) {
                m_width = maps->width;
                m_height = maps->height;
                m_masks.clear();
                m_values.clear();
                m_grewUs.assign(std::size_t(m_width) * std::size_t(m_height), INT64_MIN);
                m_established.clear();
                m_allowed.assign(std::size_t(m_width) * std::size_t(m_height), 0);
                for (int y = 0; y < m_height; ++y) {
                    for (int x = 0; x < m_width; ++x) {
                        const core::PointF p{(x + 0.5) / m_width, (y + 0.5) / m_height};
                        bool ok = zoneIndexOf(m_zones, p) >= 0;
                        if (ok && input.masks != nullptr) {
                            for (const auto& m : *input.masks) {
                                ok = ok && !core::contains(m, p);
                            }
                        }
                        m_allowed[std::size_t(y) * std::size_t(m_width) + std::size_t(x)] =
                            ok ? 1 : 0;
                    }
                }
            }
            learnScene(maps->mask, input.ptsUs);
            for (std::size_t i = 0; i < maps->mask.size(); ++i) {
                maps->mask[i] &= m_allowed[i] & std::uint8_t(m_establishedNow[i] == 0);
            }
            m_masks.push_back(std::move(maps->mask));
            m_values.push_back(std::move(maps->value));
            m_hue = std::move(maps->hue);
            while (int(m_masks.size()) > kWindow) {
                m_masks.pop_front();
                m_values.pop_front();
            }
        }
    }
    const int n = int(m_masks.size());
    if (!evidence.active && n >= kWindow) {
        const std::size_t cells = std::size_t(m_width) * std::size_t(m_height);
        // Present: flame-coloured in most of the last kPresenceWindow pictures.
        const int recent = std::min(n, kPresenceWindow);
        const int need = int(std::ceil(kPresence * recent));
        std::vector<std::uint8_t> presence(cells, 0);
        for (std::size_t i = 0; i < cells; ++i) {
            int c = 0;
            for (int t = n - recent; t < n; ++t) {
                c += m_masks[std::size_t(t)][i];
            }
            presence[i] = c >= need ? 1 : 0;
        }
        const auto growthMemoryUs = std::int64_t(kGrowthMemoryS * 1e6);
        const int minArea = std::max(2, int(std::lround(m_params.minAreaFraction * double(cells))));
        for (const auto& r : maskRegions(presence, m_width, m_height, minArea)) {
            RegionMeasure rm;
            rm.box = {double(r.x0) / m_width, double(r.y0) / m_height, double(r.x1) / m_width,
                      double(r.y1) / m_height};
            // Mostly inside a person's box: clothing (a red or orange coat walking by).
            if (onPerson(rm.box, *input.tracks)) {
                continue;
            }
            rm.areaFraction = double(r.area) / double(cells);
            std::vector<double> brightness(std::size_t(n), 0.0);
            std::vector<double> area(std::size_t(n), 0.0);
            std::vector<std::uint8_t> hues;
            double flicker = 0.0;
            int members = 0;
            for (int y = r.y0; y < r.y1; ++y) {
                for (int x = r.x0; x < r.x1; ++x) {
                    const std::size_t i = std::size_t(y) * std::size_t(m_width) + std::size_t(x);
                    for (int t = 0; t < n; ++t) {
                        area[std::size_t(t)] += m_masks[std::size_t(t)][i];
                    }
                    if (!presence[i]) {
                        continue;
                    }
                    ++members;
                    if (m_masks.back()[i] != 0) {
                        hues.push_back(m_hue[i]);
                    }
                    if (input.ptsUs - m_grewUs[i] <= growthMemoryUs) {
                        rm.grewRecently = true;
                    }
                    double d = 0.0;
                    for (int t = 0; t < n; ++t) {
                        brightness[std::size_t(t)] += m_values[std::size_t(t)][i];
                        if (t > 0) {
                            d += std::abs(int(m_values[std::size_t(t)][i]) -
                                          int(m_values[std::size_t(t) - 1][i])) /
                                     255.0 +
                                 0.5 *
                                     (m_masks[std::size_t(t)][i] != m_masks[std::size_t(t) - 1][i]);
                        }
                    }
                    flicker += d / (n - 1);
                }
            }
            if (members == 0) {
                continue;
            }
            rm.flicker = flicker / members;
            rm.periodicity = std::max(periodicity(brightness), periodicity(area));
            rm.contrast = contrast(r, presence, m_values.back(), m_width, m_height);
            if (!hues.empty()) {
                auto mid = hues.begin() + std::ptrdiff_t(hues.size() / 2);
                std::nth_element(hues.begin(), mid, hues.end());
                rm.hueDeg = double(*mid);
            }
            // Area in the window's last quarter against its first; a region absent at the
            // start of the window grew from nothing (one cell stands for "nothing").
            const int q = std::max(1, n / 4);
            double first = 0.0;
            double last = 0.0;
            for (int t = 0; t < q; ++t) {
                first += area[std::size_t(t)];
                last += area[std::size_t(n - 1 - t)];
            }
            rm.growth = last / std::max(first, 1.0);
            if (rm.growth >= kMinGrowth && rm.hueDeg >= kMinFlameHueDeg) {
                for (int y = r.y0; y < r.y1; ++y) {
                    for (int x = r.x0; x < r.x1; ++x) {
                        const std::size_t i =
                            std::size_t(y) * std::size_t(m_width) + std::size_t(x);
                        if (presence[i]) {
                            m_grewUs[i] = input.ptsUs;
                        }
                    }
                }
            }
            rm.cells = {r.x0, r.y0, r.x1, r.y1};
            m_regions.push_back(rm);
        }
        for (const auto& rm : m_regions) {
            const bool qualifies = rm.hueDeg >= kMinFlameHueDeg && rm.contrast >= contrastMin &&
                                   rm.flicker >= flickerMin && rm.periodicity < kPeriodicAutocorr &&
                                   (rm.growth >= kMinGrowth || rm.grewRecently);
            if (!qualifies) {
                continue;
            }
            // The scene does not learn a burning fire as its own.
            for (int y = rm.cells[1]; y < rm.cells[3]; ++y) {
                for (int x = rm.cells[0]; x < rm.cells[2]; ++x) {
                    m_frozen[std::size_t(y) * std::size_t(m_width) + std::size_t(x)] = 1;
                }
            }
            const double score =
                std::min(1.0, 0.4 + 0.3 * std::min(1.0, rm.flicker / (2.0 * flickerMin)) +
                                  0.3 * std::min(1.0, (rm.growth - 1.0) / 0.5));
            if (score > evidence.score) {
                detail = nlohmann::json{{"method", "colour_flicker_growth"},
                                        {"area_fraction", rm.areaFraction},
                                        {"hue_deg", rm.hueDeg},
                                        {"contrast", rm.contrast},
                                        {"min_contrast", contrastMin},
                                        {"min_hue_deg", kMinFlameHueDeg},
                                        {"min_area_fraction", m_params.minAreaFraction},
                                        {"flicker", rm.flicker},
                                        {"min_flicker", flickerMin},
                                        {"periodicity", rm.periodicity},
                                        {"max_periodicity", kPeriodicAutocorr},
                                        {"growth", rm.growth},
                                        {"min_growth", kMinGrowth},
                                        {"grew_within_s", kGrowthMemoryS}};
            }
            evidence.active = true;
            evidence.score = std::max(evidence.score, score);
            evidence.boxes.push_back(rm.box);
        }
    }
#endif
    if (evidence.active && detail.is_null()) {
        detail = nlohmann::json{{"method", "model"}};
    }
    // Held: the evidence must last holdS (gaps under a second do not break it).
    if (evidence.active) {
        if (!m_qualifiedSinceUs || double(input.ptsUs - m_lastQualifiedUs) / 1e6 > 1.0) {
            m_qualifiedSinceUs = input.ptsUs;
        }
        m_lastQualifiedUs = input.ptsUs;
    } else if (m_qualifiedSinceUs && double(input.ptsUs - m_lastQualifiedUs) / 1e6 > 1.0) {
        m_qualifiedSinceUs.reset();
    }
    RuleObservation obs;
    if (evidence.active && m_qualifiedSinceUs &&
        double(input.ptsUs - *m_qualifiedSinceUs) / 1e6 + 1e-9 >= m_params.holdS) {
        obs = std::move(evidence);
        obs.sinceUs = *m_qualifiedSinceUs;
        if (obs.zoneId.empty() && !m_zoneIds.empty() && !obs.boxes.empty()) {
            const int z = zoneIndexOf(m_zones, obs.boxes.front().centre());
            obs.zoneId =
                z >= 0 && std::size_t(z) < m_zoneIds.size() ? m_zoneIds[std::size_t(z)] : "";
        }
        detail["hold_s"] = m_params.holdS;
        obs.detail = detail.dump();
    }
    return obs;
}

}  // namespace vigie::inference
