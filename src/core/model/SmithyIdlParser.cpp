#include "model/JsonText.h"
#include "model/SmithyIdlSyntax.h"

#include <algorithm>

namespace cumulus::model::idl {

const Node *Node::get(std::string_view key) const
{
    for (const auto &[name, value] : entries) {
        if (name == key)
            return &value;
    }
    return nullptr;
}

std::string Node::toJson() const
{
    switch (kind) {
    case Kind::Null:
        return "null";
    case Kind::Bool:
    case Kind::Number:
        return text;
    case Kind::String: {
        std::string out;
        appendJsonString(out, text);
        return out;
    }
    case Kind::Array: {
        std::string out = "[";
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i ? "," : "") + items[i].toJson();
        return out + "]";
    }
    case Kind::Object: {
        std::string out = "{";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i)
                out += ",";
            appendJsonString(out, entries[i].key);
            out += ":" + entries[i].value.toJson();
        }
        return out + "}";
    }
    }
    return "null";
}

namespace {

struct SyntaxError {
    std::size_t offset;
    std::string message;
};

bool isIdentifierStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isIdentifierChar(char c)
{
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

class Parser {
public:
    Parser(std::string_view text, const std::string &source)
        : m_s(text)
    {
        m_file.source = source;
        m_lineStarts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n')
                m_lineStarts.push_back(i + 1);
        }
        // A byte order mark is not part of the model.
        if (m_s.substr(0, 3) == "\xEF\xBB\xBF")
            m_p = 3;
    }

    File run()
    {
        try {
            parseFile();
        } catch (const SyntaxError &e) {
            const SourceLocation at = location(e.offset);
            m_file.errors.push_back(
                {m_file.source,
                 "line " + std::to_string(at.line) + ", column " + std::to_string(at.column),
                 e.message});
        }
        return std::move(m_file);
    }

private:
    SourceLocation location(std::size_t offset) const
    {
        const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
        const std::size_t line = std::size_t(it - m_lineStarts.begin());
        return {std::uint32_t(line), std::uint32_t(offset - m_lineStarts[line - 1] + 1)};
    }
    SourceLocation here() const { return location(m_p); }

    [[noreturn]] void fail(const std::string &message) const { throw SyntaxError{m_p, message}; }

    bool atEnd() const { return m_p >= m_s.size(); }
    char peek(std::size_t ahead = 0) const
    {
        return m_p + ahead < m_s.size() ? m_s[m_p + ahead] : '\0';
    }

    std::string describeNext() const
    {
        if (atEnd())
            return "the end of the file";
        std::size_t end = m_p;
        while (end < m_s.size() && end - m_p < 20 && m_s[end] != '\n' && m_s[end] != ' ')
            ++end;
        return "'" + std::string(m_s.substr(m_p, std::max<std::size_t>(end - m_p, 1))) + "'";
    }

    // Whitespace, commas and comments; "///" documentation comments are kept for the next shape
    // or member.
    void ws()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',') {
                ++m_p;
            } else if (c == '/' && peek(1) == '/') {
                const bool doc = peek(2) == '/';
                std::size_t end = m_s.find('\n', m_p);
                if (end == std::string_view::npos)
                    end = m_s.size();
                if (doc) {
                    std::string_view line = m_s.substr(m_p + 3, end - m_p - 3);
                    if (!line.empty() && line.front() == ' ')
                        line.remove_prefix(1);
                    if (!line.empty() && line.back() == '\r')
                        line.remove_suffix(1);
                    m_docs.emplace_back(line);
                }
                m_p = end;
            } else {
                break;
            }
        }
    }

    std::vector<std::string> takeDocs()
    {
        std::vector<std::string> docs;
        docs.swap(m_docs);
        return docs;
    }

    void expect(char c, const char *what)
    {
        ws();
        if (peek() != c)
            fail(std::string("expected ") + what + ", found " + describeNext());
        ++m_p;
    }

    bool eat(char c)
    {
        ws();
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }

    // The next word, if it is exactly word (not the start of a longer identifier).
    bool peekWord(std::string_view word)
    {
        ws();
        return m_s.substr(m_p, word.size()) == word && !isIdentifierChar(peek(word.size()));
    }

    bool eatWord(std::string_view word)
    {
        if (!peekWord(word))
            return false;
        m_p += word.size();
        return true;
    }

    std::string identifier(const char *what)
    {
        ws();
        if (!isIdentifierStart(peek()))
            fail(std::string("expected ") + what + ", found " + describeNext());
        const std::size_t start = m_p;
        while (isIdentifierChar(peek()))
            ++m_p;
        return std::string(m_s.substr(start, m_p - start));
    }

    // ns.ns#Name$member, or a relative Name / Name$member.
    std::string shapeIdText(const char *what)
    {
        std::string out = identifier(what);
        while (peek() == '.' && isIdentifierStart(peek(1))) {
            ++m_p;
            out += "." + identifier(what);
        }
        if (peek() == '#') {
            ++m_p;
            out += "#" + identifier("a shape name after '#'");
        }
        if (peek() == '$') {
            ++m_p;
            out += "$" + identifier("a member name after '$'");
        }
        return out;
    }

    Reference reference(const char *what)
    {
        ws();
        const SourceLocation at = here();
        return {shapeIdText(what), at};
    }

    std::vector<Reference> referenceList(const char *what)
    {
        expect('[', "'['");
        std::vector<Reference> out;
        while (!eat(']')) {
            if (atEnd())
                fail("unterminated list: expected ']'");
            out.push_back(reference(what));
        }
        return out;
    }

    std::string quotedString()
    {
        ++m_p; // opening quote
        std::string out;
        while (true) {
            if (atEnd())
                fail("unterminated string");
            const char c = m_s[m_p++];
            if (c == '"')
                return out;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (atEnd())
                fail("unterminated string");
            const char e = m_s[m_p++];
            switch (e) {
            case '"':
                out.push_back('"');
                break;
            case '\\':
                out.push_back('\\');
                break;
            case '/':
                out.push_back('/');
                break;
            case '\'':
                out.push_back('\'');
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case '\n':
                break; // line continuation
            case '\r':
                if (peek() == '\n')
                    ++m_p;
                break;
            case 'u': {
                std::string escape = "\"\\u" + std::string(m_s.substr(m_p, 4));
                m_p += 4;
                if (peek() == '\\' && peek(1) == 'u') { // a surrogate pair
                    escape += std::string(m_s.substr(m_p, 6));
                    const auto pair = decodeJsonString(escape + "\"");
                    if (pair && pair->size() == 4) {
                        m_p += 6;
                        out += *pair;
                        break;
                    }
                    escape.resize(7);
                }
                const auto decoded = decodeJsonString(escape + "\"");
                if (!decoded)
                    fail("invalid \\u escape");
                out += *decoded;
                break;
            }
            default:
                fail(std::string("invalid escape '\\") + e + "' in a string");
            }
        }
    }

    // """…""": the first line break dropped, the common indentation of the lines removed,
    // escapes as in strings.
    std::string textBlock()
    {
        m_p += 3;
        const std::size_t end = m_s.find("\"\"\"", m_p);
        if (end == std::string_view::npos)
            fail("unterminated text block");
        std::string_view raw = m_s.substr(m_p, end - m_p);
        m_p = end + 3;
        if (!raw.empty() && raw.front() == '\r')
            raw.remove_prefix(1);
        if (raw.empty() || raw.front() != '\n')
            fail("a text block must start with a line break after \"\"\"");
        raw.remove_prefix(1);
        std::vector<std::string_view> lines;
        std::size_t start = 0;
        while (true) {
            std::size_t nl = raw.find('\n', start);
            lines.push_back(raw.substr(start, nl == std::string_view::npos ? nl : nl - start));
            if (nl == std::string_view::npos)
                break;
            start = nl + 1;
        }
        std::size_t indent = std::string_view::npos;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string_view line = lines[i];
            const std::size_t first = line.find_first_not_of(" \t\r");
            if (first == std::string_view::npos && i + 1 != lines.size())
                continue; // blank lines do not count, but the closing line does
            indent = std::min(indent, first == std::string_view::npos ? line.size() : first);
        }
        std::string text;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string_view line = lines[i];
            line = line.size() > indent ? line.substr(indent) : std::string_view();
            while (!line.empty()
                   && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
                line.remove_suffix(1);
            if (i)
                text += "\n";
            text += line;
        }
        // Escapes are interpreted after the indentation is removed.
        std::string quoted = "\"";
        for (const char c : text) {
            if (c == '"')
                quoted += "\\\"";
            else
                quoted.push_back(c);
        }
        quoted += "\"";
        Parser inner(quoted, m_file.source);
        inner.m_p = 0;
        try {
            return inner.quotedString();
        } catch (const SyntaxError &e) {
            fail(e.message + " in a text block");
        }
    }

    Node nodeValue()
    {
        ws();
        Node node;
        node.at = here();
        const char c = peek();
        // Arrays and objects nest by recursion: a limit keeps a hostile file from overflowing the stack
        // (found by fuzz_smithy_idl). No real model comes near it.
        struct Depth {
            int &depth;
            explicit Depth(int &d) : depth(++d) {}
            ~Depth() { --depth; }
        } depth(m_nodeDepth);
        if ((c == '[' || c == '{') && m_nodeDepth > MaxNodeDepth)
            fail("values nested deeper than " + std::to_string(MaxNodeDepth) + " levels");
        if (c == '[') {
            ++m_p;
            node.kind = Node::Kind::Array;
            while (!eat(']')) {
                if (atEnd())
                    fail("unterminated array: expected ']'");
                node.items.push_back(nodeValue());
            }
        } else if (c == '{') {
            ++m_p;
            node.kind = Node::Kind::Object;
            while (!eat('}')) {
                if (atEnd())
                    fail("unterminated object: expected '}'");
                std::string key = objectKey();
                expect(':', "':' after an object key");
                node.entries.push_back({std::move(key), nodeValue()});
            }
        } else if (c == '"') {
            node.kind = Node::Kind::String;
            node.text = (peek(1) == '"' && peek(2) == '"') ? textBlock() : quotedString();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            node.kind = Node::Kind::Number;
            const std::size_t start = m_p;
            if (peek() == '-')
                ++m_p;
            while (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.'
                   || peek() == 'e' || peek() == 'E'
                   || ((peek() == '+' || peek() == '-')
                       && (m_s[m_p - 1] == 'e' || m_s[m_p - 1] == 'E')))
                ++m_p;
            node.text = std::string(m_s.substr(start, m_p - start));
            if (node.text == "-" || !std::isdigit(static_cast<unsigned char>(node.text.back())))
                fail("invalid number '" + node.text + "'");
        } else if (isIdentifierStart(c)) {
            const std::string word = shapeIdText("a value");
            if (word == "true" || word == "false") {
                node.kind = Node::Kind::Bool;
                node.text = word;
            } else if (word == "null") {
                node.kind = Node::Kind::Null;
            } else {
                node.kind = Node::Kind::String;
                node.text = word;
                node.bareWord = true;
            }
        } else {
            fail("expected a value, found " + describeNext());
        }
        return node;
    }

    std::string objectKey()
    {
        ws();
        if (peek() == '"')
            return quotedString();
        return identifier("an object key");
    }

    std::vector<Trait> traits()
    {
        std::vector<Trait> out;
        while (true) {
            ws();
            if (peek() != '@')
                return out;
            out.push_back(trait());
        }
    }

    // One "@name" or "@name(value)" (ws() done, at '@').
    Trait trait()
    {
        {
            Trait trait;
            trait.at = here();
            ++m_p;
            trait.name = shapeIdText("a trait name");
            trait.value.kind = Node::Kind::Object; // an annotation trait: {}
            trait.value.at = trait.at;
            if (peek() == '(') {
                ++m_p;
                ws();
                if (eat(')')) {
                    // @trait(): {}
                } else if (isStructureBody()) {
                    while (!eat(')')) {
                        if (atEnd())
                            fail("unterminated trait value: expected ')'");
                        std::string key = objectKey();
                        expect(':', "':' after a trait value key");
                        trait.value.entries.push_back({std::move(key), nodeValue()});
                    }
                } else {
                    trait.value = nodeValue();
                    expect(')', "')' after the trait value");
                }
            }
            return trait;
        }
    }

    // After '(' of a trait: "key: …" (a structure) rather than a single node value?
    bool isStructureBody()
    {
        const std::size_t saved = m_p;
        bool structure = false;
        if (peek() == '"') {
            try {
                quotedString();
                ws();
                structure = peek() == ':';
            } catch (const SyntaxError &) {
            }
        } else if (isIdentifierStart(peek())) {
            while (isIdentifierChar(peek()))
                ++m_p;
            ws();
            structure = peek() == ':';
        }
        m_p = saved;
        return structure;
    }

    void addDocs(std::vector<Trait> &traits, std::vector<std::string> docs, SourceLocation at)
    {
        if (docs.empty())
            return;
        std::string text;
        for (std::size_t i = 0; i < docs.size(); ++i)
            text += (i ? "\n" : "") + docs[i];
        Trait doc;
        doc.name = "smithy.api#documentation";
        doc.value.kind = Node::Kind::String;
        doc.value.text = std::move(text);
        doc.at = at;
        traits.insert(traits.begin(), std::move(doc));
    }

    std::vector<Reference> mixins()
    {
        if (!eatWord("with"))
            return {};
        return referenceList("a mixin shape id");
    }

    std::vector<Member> members(bool enumMembers)
    {
        expect('{', "'{'");
        std::vector<Member> out;
        while (true) {
            ws();
            std::vector<std::string> docs = takeDocs();
            Member member;
            member.traits = traits();
            if (eat('}')) {
                if (!member.traits.empty())
                    fail("traits with no member after them");
                return out;
            }
            if (atEnd())
                fail("unterminated shape body: expected '}'");
            ws();
            member.at = here();
            if (!enumMembers && peek() == '$') {
                ++m_p;
                member.name = identifier("a member name after '$'");
            } else {
                member.name = identifier("a member name");
                if (!enumMembers) {
                    expect(':', "':' and a target after the member name");
                    member.target = reference("a member target");
                }
            }
            if (eat('='))
                member.value = nodeValue();
            addDocs(member.traits, std::move(docs), member.at);
            m_docs.clear();
            out.push_back(std::move(member));
        }
    }

    void operationBody(Shape &operation)
    {
        expect('{', "'{'");
        while (!eat('}')) {
            if (atEnd())
                fail("unterminated operation: expected '}'");
            const std::string key = identifier("input, output or errors");
            if (key == "errors") {
                expect(':', "':' after errors");
                operation.errors = referenceList("an error shape id");
                continue;
            }
            if (key != "input" && key != "output")
                fail("unknown operation property '" + key + "' (input, output or errors)");
            ws();
            if (peek() == ':' && peek(1) == '=') {
                m_p += 2;
                // Inline input/output: a structure named after the operation.
                Shape inline_;
                inline_.typeName = "structure";
                inline_.at = here();
                inline_.name = operation.name + (key == "input" ? m_inputSuffix : m_outputSuffix);
                m_docs.clear();
                inline_.traits = traits();
                Trait marker;
                marker.name = "smithy.api#" + key;
                marker.value.kind = Node::Kind::Object;
                marker.at = inline_.at;
                inline_.traits.push_back(std::move(marker));
                if (eatWord("for"))
                    inline_.forResource = reference("a resource shape id");
                inline_.mixins = mixins();
                inline_.members = members(false);
                (key == "input" ? operation.input : operation.output) =
                    Reference{inline_.name, inline_.at};
                m_file.shapes.push_back(std::move(inline_));
            } else {
                expect(':', "':' or ':='");
                (key == "input" ? operation.input : operation.output) =
                    reference("a structure shape id");
            }
        }
    }

    void shapeStatement()
    {
        std::vector<std::string> docs = takeDocs();
        std::vector<Trait> shapeTraits = traits();
        ws();
        if (shapeTraits.empty() && peekWord("apply")) {
            m_p += 5;
            Apply apply;
            apply.target = reference("the shape id to apply traits to");
            ws();
            if (peek() == '{') {
                ++m_p;
                apply.traits = traits();
                expect('}', "'}' after the applied traits");
            } else {
                // "apply Target @trait": exactly one trait; an '@' after it starts the next statement.
                if (peek() != '@')
                    fail("apply needs a trait");
                apply.traits.push_back(trait());
            }
            m_file.applies.push_back(std::move(apply));
            m_docs.clear();
            return;
        }
        Shape shape;
        shape.at = here();
        const std::size_t typeOffset = m_p;
        shape.typeName = identifier("a shape type");
        shape.name = identifier("a shape name");
        shape.traits = std::move(shapeTraits);
        addDocs(shape.traits, std::move(docs), shape.at);
        m_docs.clear();
        static const std::vector<std::string_view> Simple = {
            "blob", "boolean", "document", "string",     "byte",       "short",    "integer",
            "long", "float",   "double",   "bigInteger", "bigDecimal", "timestamp"};
        const std::string &type = shape.typeName;
        if (std::find(Simple.begin(), Simple.end(), type) != Simple.end()) {
            shape.mixins = mixins();
        } else if (type == "enum" || type == "intEnum") {
            shape.mixins = mixins();
            shape.members = members(true);
        } else if (type == "list" || type == "set" || type == "map" || type == "structure"
                   || type == "union") {
            if (eatWord("for"))
                shape.forResource = reference("a resource shape id");
            shape.mixins = mixins();
            shape.members = members(false);
        } else if (type == "service" || type == "resource") {
            shape.mixins = mixins();
            ws();
            if (peek() != '{')
                fail("expected '{' after the " + type + " name");
            shape.body = nodeValue();
        } else if (type == "operation") {
            shape.mixins = mixins();
            operationBody(shape);
        } else {
            throw SyntaxError{typeOffset, "unknown shape type '" + type + "'"};
        }
        m_file.shapes.push_back(std::move(shape));
    }

    void parseFile()
    {
        ws();
        while (peek() == '$') { // control section
            ++m_p;
            const std::string key = objectKey();
            expect(':', "':' after a control statement key");
            const Node value = nodeValue();
            if (key == "version") {
                if (value.text != "2" && value.text != "2.0" && value.text != "1"
                    && value.text != "1.0")
                    fail("unsupported IDL version \"" + value.text + "\"");
            } else if (key == "operationInputSuffix") {
                m_inputSuffix = value.text;
            } else if (key == "operationOutputSuffix") {
                m_outputSuffix = value.text;
            }
            ws();
        }
        while (eatWord("metadata")) {
            std::string key = objectKey();
            expect('=', "'=' after the metadata key");
            m_file.metadata.emplace_back(std::move(key), nodeValue());
        }
        if (eatWord("namespace")) {
            std::string ns = identifier("a namespace");
            while (peek() == '.') {
                ++m_p;
                ns += "." + identifier("a namespace part");
            }
            m_file.ns = std::move(ns);
        }
        while (eatWord("use")) {
            Reference used = reference("an absolute shape id to use");
            const std::size_t hash = used.name.find('#');
            if (hash == std::string::npos)
                throw SyntaxError{m_p, "use needs an absolute shape id (namespace#Name)"};
            m_file.uses.emplace_back(used.name.substr(hash + 1), std::move(used));
        }
        while (true) {
            ws();
            if (atEnd())
                return;
            if (m_file.ns.empty())
                fail("a shape needs a namespace statement before it");
            shapeStatement();
        }
    }

    static constexpr int MaxNodeDepth = 256;
    std::string_view m_s;
    std::size_t m_p = 0;
    int m_nodeDepth = 0;
    std::vector<std::size_t> m_lineStarts;
    std::vector<std::string> m_docs;
    std::string m_inputSuffix = "Input";
    std::string m_outputSuffix = "Output";
    File m_file;
};

} // namespace

File parse(std::string_view text, const std::string &source)
{
    return Parser(text, source).run();
}

} // namespace cumulus::model::idl
