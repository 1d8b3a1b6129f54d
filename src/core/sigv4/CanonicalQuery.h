#pragma once

#include <span>
#include <string>
#include <string_view>

namespace cumulus::sigv4::canonical {

// What one scan of a query string tells; lets the common case (a query our serializers wrote)
// skip every re-encoding.
struct QueryShape {
    bool canonicalPieces = true; // names and values already in SigV4's encoding, <= 1 '=' a field
    bool emptyField = false; // "a=1&&b=2", or a '&' at either end
    bool fieldWithoutEquals = false; // "?acl"
};

QueryShape inspectQuery(std::string_view query);

// A field whose name and value are already in SigV4's encoding.
struct EncodedField {
    std::string_view name;
    std::string_view value;
};

// The canonical query string: each name and value decoded and encoded again in SigV4's form
// (RFC 3986, %20 for space, '+' taken literally), a missing '=' read as an empty value, empty
// fields skipped, then sorted by name and then by value, joined with '&'. extra fields
// (presigning's X-Amz-* fields) are sorted in without being examined again.
void appendQuery(std::string &out, std::string_view query, const QueryShape &shape,
                 std::span<const EncodedField> extra = {});
std::string query(std::string_view query, std::span<const EncodedField> extra = {});

// The query as it goes on the wire with header signing: names and values in SigV4's encoding, in
// their order, a field without '=' left without one ("?acl"), empty fields dropped. Unchanged when
// it is already in that form.
std::string wireQuery(std::string_view query, const QueryShape &shape);
std::string wireQuery(std::string_view query);

// As wireQuery, but every field written name=value (the form presigned URLs are sent in).
std::string normalizedQuery(std::string_view query);

} // namespace cumulus::sigv4::canonical
