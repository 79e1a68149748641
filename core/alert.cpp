#include "core/alert.h"

#include <sodium.h>

#include <array>
#include <cstdlib>

namespace vigie::core {

std::string_view toName(Qualification q) {
    switch (q) {
        case Qualification::Unreviewed:
            return "unreviewed";
        case Qualification::Confirmed:
            return "confirmed";
        case Qualification::FalsePositive:
            return "false_positive";
        case Qualification::Invalid:
            break;
    }
    return "invalid";
}

std::optional<Qualification> qualificationFromString(std::string_view name) {
    for (auto q :
         {Qualification::Unreviewed, Qualification::Confirmed, Qualification::FalsePositive}) {
        if (toName(q) == name) {
            return q;
        }
    }
    return std::nullopt;
}

std::string makeUid() {
    // sodium_init() is idempotent and thread-safe; it only fails without an entropy source,
    // and identifiers without entropy are worse than no product.
    if (sodium_init() < 0) {
        std::abort();
    }
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, 33> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return std::string(hex.data(), 32);
}

}  // namespace vigie::core
