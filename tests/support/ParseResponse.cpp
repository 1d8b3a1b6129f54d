#include "ParseResponse.h"

#include "SeededRandom.h"
#include "model/SmithyJsonLoader.h"

#include <QtGlobal>

namespace cumulus::test {

protocols::ParsedResponse parseResponse(const QString &modelFile, std::string_view operation,
                                        const net::HttpResponse &response)
{
    const model::LoadResult loaded = model::loadSmithyJsonFile(modelFile);
    if (!loaded.ok())
        qFatal("%s does not load", qPrintable(modelFile));
    const model::Shape *service = loaded.model->shapesOfType(model::ShapeType::Service)[0];
    const model::Shape *op = nullptr;
    for (const model::Shape *shape : loaded.model->shapesOfType(model::ShapeType::Operation))
        if (shape->id.name() == operation)
            op = shape;
    if (!op)
        qFatal("%s has no operation %.*s", qPrintable(modelFile), int(operation.size()), operation.data());
    SeededRandom random(1);
    return protocols::protocolFor(*service)->parse({*loaded.model, *service, *op, random}, response);
}

} // namespace cumulus::test
