#include "protocols/JsonWriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>

#include <charconv>
#include <cmath>

namespace cumulus::protocols {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_empty.empty())
        return;
    if (!m_empty.back())
        m_out += ',';
    m_empty.back() = 0;
    if (m_indented) { // Qt's layout: each member on its own line, four spaces a level
        m_out += '\n';
        m_out.append(4 * m_empty.size(), ' ');
    }
}

void JsonWriter::close(char bracket)
{
    m_empty.pop_back();
    if (m_indented) {
        m_out += '\n';
        m_out.append(4 * m_empty.size(), ' ');
    }
    m_out += bracket;
    if (m_indented && m_empty.empty())
        m_out += '\n';
}

void JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_empty.push_back(1);
}

void JsonWriter::endObject()
{
    close('}');
}

void JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_empty.push_back(1);
}

void JsonWriter::endArray()
{
    close(']');
}

void JsonWriter::key(QStringView name)
{
    separate();
    quoted(name);
    m_out += m_indented ? ": " : ":";
    m_afterKey = true;
}

void JsonWriter::key(std::string_view utf8Name)
{
    separate();
    quoted(utf8Name);
    m_out += m_indented ? ": " : ":";
    m_afterKey = true;
}

void JsonWriter::string(QStringView text)
{
    separate();
    quoted(text);
}

void JsonWriter::string(std::string_view utf8Text)
{
    separate();
    quoted(utf8Text);
}

void JsonWriter::number(double value)
{
    separate();
    // As Qt writes numbers: whole ones up to 2^53 without a fraction, others in the shortest
    // form that reads back the same, and NaN or infinities (which JSON lacks) as null.
    if (!std::isfinite(value)) {
        m_out += "null";
        return;
    }
    if (std::fabs(value) <= 9007199254740992.0 && value == std::floor(value)) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, qint64(value)).ptr;
        m_out.append(digits, end);
        return;
    }
    m_out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest).toStdString();
}

void JsonWriter::integer(qint64 value)
{
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_out.append(digits, end);
}

void JsonWriter::boolean(bool value)
{
    separate();
    m_out += value ? "true" : "false";
}

void JsonWriter::null()
{
    separate();
    m_out += "null";
}

void JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        boolean(value.toBool());
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::fabs(d) > 9007199254740992.0 && value.toVariant().typeId() == QMetaType::LongLong)
            integer(value.toInteger()); // held as an integer: exact beyond 2^53, as Qt writes it
        else
            number(d);
        break;
    }
    case QJsonValue::String:
        string(value.toString());
        break;
    case QJsonValue::Array: {
        beginArray();
        for (const QJsonValue &element : value.toArray())
            this->value(element);
        endArray();
        break;
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            key(it.key());
            this->value(it.value());
        }
        endObject();
        break;
    }
    default:
        null();
        break;
    }
}

void JsonWriter::quoted(std::string_view utf8)
{
    // Member names and the like are ASCII that needs no escape: copied as they are. Anything
    // else goes through the UTF-16 path, which escapes and replaces malformed UTF-8 as Qt does
    // (keeping a leading U+FEFF, which QString::fromUtf8 would drop as a byte order mark).
    for (const char c : utf8) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80 || c == '"' || c == '\\') {
            QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
            return quoted(QString(decoder(QByteArrayView(utf8.data(), qsizetype(utf8.size())))));
        }
    }
    m_out += '"';
    m_out += utf8;
    m_out += '"';
}

void JsonWriter::quoted(QStringView text)
{
    // Most text is ASCII that needs no escape: copied as it is checked, in one pass.
    const qsizetype size = text.size();
    const char16_t *in = text.utf16();
    const std::size_t start = m_out.size();
    m_out.resize(start + std::size_t(size) + 2);
    char *out = m_out.data() + start;
    *out++ = '"';
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = in[i];
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
            m_out.resize(start);
            return quotedEscaping(text);
        }
        *out++ = char(c);
    }
    *out = '"';
}

void JsonWriter::quotedEscaping(QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    // Written in place: at most 6 bytes for one UTF-16 unit (an escape), plus the quotes.
    const std::size_t start = m_out.size();
    const qsizetype size = text.size();
    m_out.resize(start + std::size_t(size) * 6 + 2);
    char *out = m_out.data() + start;
    const char16_t *in = text.utf16();
    *out++ = '"';
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = in[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            *out++ = char(c);
            continue;
        }
        if (c < 0x80) {
            *out++ = '\\';
            switch (c) {
            case '"': *out++ = '"'; break;
            case '\\': *out++ = '\\'; break;
            case '\b': *out++ = 'b'; break;
            case '\f': *out++ = 'f'; break;
            case '\n': *out++ = 'n'; break;
            case '\r': *out++ = 'r'; break;
            case '\t': *out++ = 't'; break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hex[c >> 4];
                *out++ = hex[c & 0xf];
            }
            continue;
        }
        char32_t code = c;
        if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(in[i + 1])) {
            code = QChar::surrogateToUcs4(c, in[++i]);
        } else if (QChar::isSurrogate(c)) { // a lone surrogate has no UTF-8: escaped, as Qt does
            *out++ = '\\';
            *out++ = 'u';
            for (int shift = 12; shift >= 0; shift -= 4)
                *out++ = hex[(c >> shift) & 0xf];
            continue;
        }
        if (code < 0x800) {
            *out++ = char(0xC0 | (code >> 6));
        } else {
            if (code < 0x10000) {
                *out++ = char(0xE0 | (code >> 12));
            } else {
                *out++ = char(0xF0 | (code >> 18));
                *out++ = char(0x80 | ((code >> 12) & 0x3F));
            }
            *out++ = char(0x80 | ((code >> 6) & 0x3F));
        }
        *out++ = char(0x80 | (code & 0x3F));
    }
    *out++ = '"';
    m_out.resize(std::size_t(out - m_out.data()));
}

} // namespace cumulus::protocols
