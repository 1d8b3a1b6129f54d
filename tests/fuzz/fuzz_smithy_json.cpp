// The Smithy JSON AST loader and the catalog scanner, on any bytes.
#include "model/CatalogScanner.h"
#include "model/SmithyJsonLoader.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view json(reinterpret_cast<const char *>(data), size);
    (void)cumulus::model::loadSmithyJson(json, "fuzz.json");
    (void)cumulus::model::scanSmithyJson(json, "fuzz.json");
    return 0;
}
