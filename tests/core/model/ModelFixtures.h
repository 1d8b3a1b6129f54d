#pragma once

// The index-th JSON fixture of ModelFixtures.cpp.
const char *fixture(int index);
