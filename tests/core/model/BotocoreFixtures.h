#pragma once

// A small botocore service model and its paginators (BotocoreFixtures.cpp; kept out of the
// Q_OBJECT file, whose moc trips over raw strings full of '#').
extern const char *const BotocoreService;
extern const char *const BotocorePaginators;
