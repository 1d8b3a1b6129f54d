#include "PythonJson.h"

#include "model/JsonText.h"

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
    // json.dumps(ensure_ascii=False) escapes exactly what JSON requires, as appendJsonString does.
    model::appendJsonString(m_out, value);
}

} // namespace cumulus::cli
