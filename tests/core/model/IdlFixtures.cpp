#include "IdlFixtures.h"

// The seed's example, as given: its operation names an output ListBucketsOutput, but the
// structure is declared as ListBucketOutput; PutObject and Bucket are never declared.
const char *const SeedExample = R"(namespace com.amazonaws.s3
service SimpleS3 { version: "2023-12-21", operations: [ListBuckets, PutObject] }
operation ListBuckets { output: ListBucketsOutput }
structure ListBucketOutput { buckets: BucketList }
list BucketList { member: Bucket }
)";

const char *const SeedExampleCorrected = R"(namespace com.amazonaws.s3
service SimpleS3 { version: "2023-12-21", operations: [ListBuckets] }
operation ListBuckets { output: ListBucketsOutput }
structure ListBucketsOutput { buckets: BucketList }
list BucketList { member: Bucket }
structure Bucket { name: String }
)";

const char *const EveryFeature = R"($version: "2"
$operationInputSuffix: "Request"
metadata suppressions = [{id: "Foo", namespace: "*"}]
metadata "quoted key" = "value"

namespace example.features

use example.shared#SharedThing
use example.shared#tag

/// The service.
/// Two lines of docs.
@title("Features")
@aws.api#service(sdkId: "Feature Store")
service FeatureService {
    version: "2024-01-01"
    operations: [GetThing, PutThing]
    resources: [Thing]
    errors: [Oops]
}

resource Thing {
    identifiers: { thingId: ThingId }
    properties: { color: Color }
    read: GetThingById
    list: ListThings
}

@readonly
@http(method: "GET", uri: "/things/{thingId}", code: 200)
operation GetThingById {
    input := for Thing {
        @required
        @httpLabel
        $thingId
    }
    output := {
        thing: SharedThing
    }
}

operation ListThings {
    input := with [PageMixin] {}
    output: ListThingsOutput
    errors: [Oops]
}

structure ListThingsOutput {
    items: ThingList
}

list ThingList {
    member: SharedThing
}

@mixin
structure PageMixin {
    /// How many.
    @range(min: 1, max: 100)
    maxResults: Integer = 10

    nextToken: String
}

operation GetThing {
    input: GetThingInput
}

structure GetThingInput with [PageMixin] {
    @required
    $maxResults

    @tag
    filter: String = "all"
}

operation PutThing {
    input := {
        @documentation("""
            The body.
              Indented "line".
            """)
        body: Blob
        @jsonName("c") color: Color
        count: Long = -12
        ratio: Double = 1.5e3
        when: Timestamp
        doc: Document
        tags: TagMap
    }
}

map TagMap {
    key: String
    value: String
}

enum Color {
    RED
    DARK_BLUE = "dark-blue"
}

intEnum Level {
    LOW = 1
    HIGH = 10
}

string ThingId

@error("client")
structure Oops {
    message: String
}

apply Oops @httpError(404)
apply PageMixin$nextToken {
    @documentation("A token.")
    @sensitive
}
)";

const char *const EveryFeatureShared = R"($version: "2.0"
namespace example.shared

@trait
structure tag {}

structure SharedThing {
    name: String
}
)";
