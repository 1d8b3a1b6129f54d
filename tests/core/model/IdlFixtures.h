#pragma once

// Smithy IDL fixtures for tst_smithyidl (IdlFixtures.cpp; kept out of the Q_OBJECT file).
extern const char *const SeedExample;
extern const char *const SeedExampleCorrected;
extern const char *const EveryFeature;
extern const char *const EveryFeatureShared;
