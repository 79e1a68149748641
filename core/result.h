#pragma once
// Result<T>: a value or a user-facing error, returned across module boundaries instead of
// exceptions (Qt Creator's utils/result.h, std::expected in spirit; C++20 has no expected).
// Thread: value type, no shared state.
//
//   Result<Site> r = parseSite(text);
//   if (!r) { std::cerr << r.error().message; return 1; }
//   use(*r);

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace vigie::core {

struct Error {
    std::string message;
};

inline Error makeError(std::string message) {
    return Error{std::move(message)};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}      // NOLINT implicit
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}  // NOLINT implicit

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(m_v);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(m_v);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_v));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<1>(m_v);
    }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}  // NOLINT implicit

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const {
        assert(!m_ok);
        return m_error;
    }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

inline Status okStatus() {
    return {};
}

}  // namespace vigie::core
