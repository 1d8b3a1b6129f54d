#include "PythonJson.h"

namespace cumulus::cli {

void PythonJson::newline()
{
    m_out.push_back('\n');
    m_out.append(std::size_t(m_depth), ' ');
}

void PythonJson::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth > 0) {
        if (!m_first)
            m_out.push_back(',');
        newline();
    }
    m_first = false;
}

void PythonJson::beginObject()
{
    beforeValue();
    m_out.push_back('{');
    ++m_depth;
    m_first = true;
}

void PythonJson::endObject()
{
    --m_depth;
    if (!m_first)
        newline();
    m_out.push_back('}');
    m_first = false;
}

void PythonJson::key(std::string_view name)
{
    beforeValue();
    appendString(name);
    m_out.append(": ");
    m_afterKey = true;
}

void PythonJson::string(std::string_view value)
{
    beforeValue();
    appendString(value);
}

void PythonJson::null()
{
    beforeValue();
    m_out.append("null");
}

void PythonJson::optionalString(const std::optional<std::string> &value)
{
    if (value)
        string(*value);
    else
        null();
}

void PythonJson::stringPairs(const std::vector<std::pair<std::string, std::string>> &pairs)
{
    beforeValue();
    if (pairs.empty()) {
        m_out.append("[]");
        return;
    }
    m_out.push_back('[');
    ++m_depth;
    m_first = true;
    for (const auto &[first, second] : pairs) {
        beforeValue();
        m_out.push_back('[');
        ++m_depth;
        m_first = true;
        string(first);
        string(second);
        --m_depth;
        newline();
        m_out.push_back(']');
        m_first = false;
    }
    --m_depth;
    newline();
    m_out.push_back(']');
    m_first = false;
}

void PythonJson::appendString(std::string_view value)
{
    static constexpr char digits[] = "0123456789abcdef";
    m_out.push_back('"');
    for (const char c : value) {
        switch (c) {
        case '"':
            m_out.append("\\\"");
            break;
        case '\\':
            m_out.append("\\\\");
            break;
        case '\n':
            m_out.append("\\n");
            break;
        case '\r':
            m_out.append("\\r");
            break;
        case '\t':
            m_out.append("\\t");
            break;
        case '\b':
            m_out.append("\\b");
            break;
        case '\f':
            m_out.append("\\f");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                m_out.append("\\u00");
                m_out.push_back(digits[(c >> 4) & 0xf]);
                m_out.push_back(digits[c & 0xf]);
            } else {
                m_out.push_back(c);
            }
        }
    }
    m_out.push_back('"');
}

} // namespace cumulus::cli
