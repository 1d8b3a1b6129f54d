// The Smithy IDL parser and assembler, on any text (one file, or two that refer to each other).
#include "FuzzInput.h"
#include "model/SmithyIdlLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const cumulus::fuzz::FuzzInput input(data, size);
    if (input.mode & 1) {
        const auto parts = input.parts(2);
        (void)cumulus::model::loadSmithyIdl({{"a.smithy", parts[0]}, {"b.smithy", parts[1]}});
    } else {
        (void)cumulus::model::loadSmithyIdl({{"fuzz.smithy", std::string(input.rest)}});
    }
    return 0;
}
