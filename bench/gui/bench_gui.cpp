// The window's interactive costs, one core: a search keystroke over every operation of the models
// given (all 402 AWS models when ../shared's archive is unpacked), and building the input form of a
// big operation. Prints JSON; bench/run shows it beside the goals.
// Usage: bench_gui MODELS_DIR SERVICE OPERATION
#include "catalog/SearchModel.h"
#include "composer/InputModel.h"
#include "model/ModelRegistry.h"
#include "model/OperationDescription.h"
#include "model/OperationIndex.h"
#include "util/SystemEnvironment.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QTreeView>

#include <cstdio>

using namespace cumulus;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_gui MODELS_DIR SERVICE OPERATION\n");
        return 2;
    }
    const util::SystemEnvironment environment;
    model::ModelRegistry registry;
    registry.addSources({QString::fromLocal8Bit(argv[1])}, environment);
    std::size_t operations = 0;
    for (const auto &s : registry.services())
        operations += s.operations.size();

    gui::SearchModel search;
    search.setServices(registry.services());
    QListView view;
    view.setModel(&search);
    view.setUniformItemSizes(true);
    view.resize(300, 800);
    view.show();
    const QString typed = QStringLiteral("describeinstances");
    QElapsedTimer timer;
    double worstMs = 0, totalMs = 0;
    for (int round = 0; round < 3; ++round) {
        for (qsizetype i = 1; i <= typed.size(); ++i) {
            timer.start();
            search.setQuery(typed.left(i));
            QCoreApplication::processEvents();
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            worstMs = std::max(worstMs, ms);
            totalMs += ms;
        }
        search.setQuery(QString());
    }
    const double keystrokeMs = totalMs / double(3 * typed.size());

    const model::ServiceSummary *service = registry.find(argv[2]);
    if (!service) {
        std::fprintf(stderr, "no service %s\n", argv[2]);
        return 2;
    }
    const model::LoadResult loaded = registry.open(*service);
    const model::Shape *shape = loaded.model->find(service->shapeId);
    const model::Shape *operation = nullptr;
    for (const model::Shape *op : model::operationsOf(*loaded.model, *shape)) {
        if (op->id.name() == argv[3])
            operation = op;
    }
    if (!operation) {
        std::fprintf(stderr, "no operation %s\n", argv[3]);
        return 2;
    }
    gui::InputModel input;
    QTreeView form;
    form.setModel(&input);
    form.show();
    double formMs = 1e9;
    for (int round = 0; round < 5; ++round) {
        timer.start();
        input.setShape(model::describeOperation(*loaded.model, *operation).value("input").toObject());
        form.expandToDepth(0);
        QCoreApplication::processEvents();
        formMs = std::min(formMs, double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("{\"operations\": %zu, \"keystroke_ms\": %.2f, \"worst_keystroke_ms\": %.2f, \"form_ms\": %.2f}\n",
                operations, keystrokeMs, worstMs, formMs);
    return 0;
}
