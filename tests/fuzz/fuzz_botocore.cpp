// The botocore model loader (service-2.json and paginators-1.json), on any bytes.
#include "FuzzInput.h"
#include "model/BotocoreLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const cumulus::fuzz::FuzzInput input(data, size);
    const auto parts = input.parts(2);
    (void)cumulus::model::loadBotocoreJson(parts[0], parts[1], "service-2.json");
    return 0;
}
