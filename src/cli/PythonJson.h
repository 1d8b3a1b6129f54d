#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cumulus::cli {

// Writes JSON exactly as Python's json.dump(obj, indent=1, ensure_ascii=False) does, so that the
// output of `cumulus-cli sign --json` and of botocore_sign.py --json can be compared with diff.
class PythonJson {
public:
    void beginObject();
    void endObject();
    void key(std::string_view name);
    void string(std::string_view value);
    void null();
    void stringPairs(const std::vector<std::pair<std::string, std::string>> &pairs);
    void optionalString(const std::optional<std::string> &value);

    const std::string &text() const { return m_out; }

private:
    void beforeValue();
    void newline();
    void appendString(std::string_view value);

    std::string m_out;
    int m_depth = 0;
    bool m_first = true;
    bool m_afterKey = false;
};

} // namespace cumulus::cli
