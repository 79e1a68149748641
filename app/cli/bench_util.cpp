// Helpers of `vigie bench` (see bench_util.h).
#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/cli/args.h"
#include "app/cli/bench_util.h"
#include "app/cli/commands.h"
#include "app/common/paths.h"
#include "core/log.h"
#include "core/rule_engine.h"
#include "core/site_config.h"
#include "inference/detector.h"
#include "inference/engine.h"
#include "inference/video_source.h"

extern char** environ;  // NOLINT: POSIX, for posix_spawnp

namespace vigie::app::bench {

using core::makeError;
using core::Result;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// User + system CPU time of every thread of this process, in seconds.
double processCpuS() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto toS = [](const timeval& t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return toS(usage.ru_utime) + toS(usage.ru_stime);
}

double peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

double currentRssMiB() {
    std::ifstream statm("/proc/self/statm");
    long long sizePages = 0;
    long long residentPages = 0;
    if (!(statm >> sizePages >> residentPages)) {
        return 0.0;
    }
    return double(residentPages) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

std::string cpuModel() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    // x86 says "model name"; some ARM kernels only give "Hardware" or "Model".
    for (const char* key : {"model name", "Hardware", "Model"}) {
        cpuinfo.clear();
        cpuinfo.seekg(0);
        while (std::getline(cpuinfo, line)) {
            if (line.rfind(key, 0) == 0) {
                const auto colon = line.find(':');
                if (colon != std::string::npos && colon + 2 <= line.size()) {
                    return line.substr(colon + 2);
                }
            }
        }
    }
    return "unknown CPU";
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    std::string five;
    std::string fifteen;
    if (!(in >> one >> five >> fifteen)) {
        return "unknown";
    }
    return one + " " + five + " " + fifteen;
}

std::string kernelDescription() {
    utsname u{};
    if (uname(&u) != 0) {
        return "unknown";
    }
    return std::string(u.sysname) + " " + u.release + " " + u.machine;
}

int usableCores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0) {
        return 0;
    }
    return CPU_COUNT(&set);
}

// 1234.5 → "1234", 56.78 → "56.8", 1.234 → "1.23": three significant figures at least,
// which is all a timing on a shared machine supports.
std::string figure(double v) {
    char buf[64];
    const double a = std::fabs(v);
    std::snprintf(buf, sizeof buf, a >= 1000.0 ? "%.0f" : a >= 10.0 ? "%.1f" : "%.2f", v);
    return buf;
}

std::string threadsName(int threads) {
    return threads == 0 ? "auto" : std::to_string(threads);
}

std::string threadsPhrase(int threads) {
    return threads == 1 ? "1 thread" : threadsName(threads) + " threads";
}

// Nearest-rank percentile of latencies in milliseconds; 0 when there are none.
double percentile(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const auto rank = std::size_t(std::ceil(p * double(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

Result<int> integerOption(const Args& args, const std::string& name, int fallback, int minValue,
                          int maxValue) {
    auto v = args.number(name, fallback);
    if (!v) {
        return v.error();
    }
    if (*v != std::floor(*v) || *v < minValue || *v > maxValue) {
        return makeError("--" + name + " expects a whole number from " + std::to_string(minValue) +
                         " to " + std::to_string(maxValue));
    }
    return int(*v);
}

// ---- child processes (the ffmpeg baseline) ------------------------------------------------

// Runs a program found on PATH with stdin on /dev/null and both outputs captured. No shell:
// a file name with spaces or quotes reaches the program as one argument.
Result<ProcessOutput> runProcess(const std::vector<std::string>& argv) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        return makeError(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    std::vector<char*> cargs;
    for (const auto& a : argv) {
        cargs.push_back(const_cast<char*>(a.c_str()));
    }
    cargs.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, cargs[0], &actions, nullptr, cargs.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        return makeError(rc == ENOENT ? argv[0] + " is not on PATH"
                                      : "cannot run " + argv[0] + ": " + std::strerror(rc));
    }
    ProcessOutput out;
    char buf[4096];
    while (true) {
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n > 0) {
            out.text.append(buf, std::size_t(n));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    out.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return out;
}

// The number after the last `key` in `text` ("frame=  1169" → 1169), if any.
std::optional<double> numberAfterLast(const std::string& text, const std::string& key) {
    const auto at = text.rfind(key);
    if (at == std::string::npos) {
        return std::nullopt;
    }
    const char* start = text.c_str() + at + key.size();
    char* end = nullptr;
    const double v = std::strtod(start, &end);
    if (end == start) {
        return std::nullopt;
    }
    return v;
}

std::string lastLine(const std::string& text) {
    std::string last;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line, '\n')) {
        if (const auto cr = line.find_last_of('\r'); cr != std::string::npos) {
            line = line.substr(cr + 1);
        }
        if (!line.empty()) {
            last = line;
        }
    }
    return last;
}

std::optional<std::string> ffmpegCliVersion() {
    auto out = runProcess({"ffmpeg", "-hide_banner", "-version"});
    if (!out || out->exitCode != 0) {
        return std::nullopt;
    }
    std::string first = out->text.substr(0, out->text.find('\n'));
    if (const auto c = first.find(" Copyright"); c != std::string::npos) {
        first.resize(c);
    }
    return first;
}

}  // namespace vigie::app::bench
