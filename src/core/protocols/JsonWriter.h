#pragma once

#include <QJsonValue>
#include <QStringView>

#include <string>
#include <string_view>
#include <vector>

namespace cumulus::protocols {

// JSON text written as it goes, as QJsonDocument::toJson writes it (the same escapes, numbers,
// UTF-8 and, when indented, layout) without building a document first: the JSON protocols write
// their bodies while they check the input, and output documents print from simdjson's parse.
class JsonWriter {
public:
    enum class Layout { Compact, Indented };
    explicit JsonWriter(Layout layout = Layout::Compact) : m_indented(layout == Layout::Indented) {}

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView name);
    void key(std::string_view utf8Name);
    void string(QStringView text);
    void string(std::string_view utf8Text);
    void number(double value);
    void integer(qint64 value);
    void boolean(bool value);
    void null();
    void value(const QJsonValue &value); // any value, as it is

    const std::string &text() const { return m_out; }
    std::string take() { return std::move(m_out); }

private:
    void separate();
    void close(char bracket);
    void quoted(QStringView text);
    void quotedEscaping(QStringView text);
    void quoted(std::string_view utf8);

    std::string m_out;
    std::vector<unsigned char> m_empty; // per open object or array: nothing written in it yet
    bool m_afterKey = false;
    bool m_indented = false;
};

} // namespace cumulus::protocols
