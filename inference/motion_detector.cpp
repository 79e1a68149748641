#include "inference/motion_detector.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/video/background_segm.hpp>

#include <map>

namespace vigie::inference {

namespace {

class MotionDetector final : public Detector {
public:
    explicit MotionDetector(MotionDetectorOptions options) : m_options(options) {}

    core::Result<std::vector<std::vector<core::Detection>>> detect(
        const std::vector<core::ImageFrame>& frames, const std::vector<TileGrid>& tiles) override {
        (void)tiles;  // motion is measured on the whole picture
        std::vector<std::vector<core::Detection>> out;
        out.reserve(frames.size());
        try {
            for (const auto& f : frames) {
                out.push_back(detectOne(f));
            }
        } catch (const cv::Exception& e) {
            return core::makeError(std::string("motion detection failed: ") + e.what());
        }
        return out;
    }

    core::Result<std::vector<float>> forwardRaw(const std::vector<float>& input,
                                                int batch) override {
        (void)input;
        (void)batch;
        return core::makeError("the motion detector has no network to run");
    }

    const std::vector<std::string>& classNames() const override { return m_classes; }

    std::string description() const override {
        return "motion detector (background subtraction, no neural model)";
    }

private:
    std::vector<core::Detection> detectOne(const core::ImageFrame& f) {
        std::vector<core::Detection> dets;
        if (f.empty()) {
            return dets;
        }
        const cv::Mat bgr(f.height, f.width, CV_8UC3, const_cast<std::uint8_t*>(f.pixels.get()),
                          std::size_t(f.strideBytes));
        const double scale = std::min(1.0, double(m_options.workWidth) / f.width);
        cv::Mat small;
        cv::resize(bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
        auto& model = m_models[f.streamId];
        if (!model) {
            model = cv::createBackgroundSubtractorMOG2(m_options.historyFrames,
                                                       m_options.varianceThreshold, true);
        }
        cv::Mat mask;
        // A fixed, slow learning rate: MOG2's default (1 / frames seen) makes a person who
        // stands still for a few seconds early in a stream melt into the background.
        model->apply(small, mask, m_options.learningRate);
        // Shadows are marked 127 by MOG2: only confident foreground (255) counts.
        cv::threshold(mask, mask, 200, 255, cv::THRESH_BINARY);
        const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3});
        cv::morphologyEx(mask, mask, cv::MORPH_OPEN, kernel);
        cv::morphologyEx(mask, mask, cv::MORPH_CLOSE, kernel, {-1, -1}, 2);
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        const double minArea = m_options.minAreaFraction * mask.cols * mask.rows;
        for (const auto& c : contours) {
            const cv::Rect r = cv::boundingRect(c);
            if (double(r.area()) < minArea) {
                continue;
            }
            const double fill = cv::countNonZero(mask(r)) / double(r.area());
            core::Detection d;
            d.box = {double(r.x) / mask.cols, double(r.y) / mask.rows,
                     double(r.x + r.width) / mask.cols, double(r.y + r.height) / mask.rows};
            d.classId = 0;
            d.score = float(std::min(1.0, 0.5 + 0.5 * fill));
            dets.push_back(d);
        }
        return dets;
    }

    MotionDetectorOptions m_options;
    std::vector<std::string> m_classes{kMovingObjectClass};
    std::map<int, cv::Ptr<cv::BackgroundSubtractorMOG2>> m_models;
};

}  // namespace

core::Result<std::unique_ptr<Detector>> createMotionDetector(const MotionDetectorOptions& options) {
    return std::unique_ptr<Detector>(std::make_unique<MotionDetector>(options));
}

}  // namespace vigie::inference
