#include "BotocoreFixtures.h"

const char *const BotocoreService = R"({
  "version": "2.0",
  "metadata": {"apiVersion": "2024-01-01", "endpointPrefix": "widgets", "protocol": "rest-xml",
               "serviceFullName": "Amazon Widgets", "serviceId": "Widget Store",
               "signatureVersion": "v4", "signingName": "widgetstore",
               "xmlNamespace": "http://widgets.amazonaws.com/doc/2024-01-01/"},
  "operations": {
    "PutWidget": {"name": "PutWidget", "http": {"method": "PUT", "requestUri": "/{Bucket}/{Key+}", "responseCode": 201},
                  "input": {"shape": "PutWidgetRequest"}, "output": {"shape": "PutWidgetOutput"},
                  "errors": [{"shape": "NoSuchThing"}], "documentation": "<p>Puts a widget.</p>"},
    "ListWidgets": {"name": "ListWidgets", "http": {"method": "GET", "requestUri": "/"},
                    "input": {"shape": "ListWidgetsRequest"}, "output": {"shape": "ListWidgetsOutput"},
                    "authtype": "none"}
  },
  "shapes": {
    "PutWidgetRequest": {"type": "structure", "required": ["Bucket", "Key"], "payload": "Body",
      "members": {
        "Bucket": {"shape": "BucketName", "location": "uri", "locationName": "Bucket"},
        "Key": {"shape": "Key", "location": "uri", "locationName": "Key"},
        "Color": {"shape": "Color", "location": "header", "locationName": "x-amz-color"},
        "Meta": {"shape": "Meta", "location": "headers", "locationName": "x-amz-meta-"},
        "Limit": {"shape": "Limit", "location": "querystring", "locationName": "limit"},
        "When": {"shape": "When", "timestampFormat": "iso8601"},
        "Body": {"shape": "Body"},
        "Token": {"shape": "Key", "idempotencyToken": true}
      }},
    "PutWidgetOutput": {"type": "structure", "members": {
        "Tags": {"shape": "TagList"}, "Id": {"shape": "Key", "locationName": "WidgetId", "xmlAttribute": true},
        "Labels": {"shape": "LabelMap"}, "Sizes": {"shape": "SizeList", "flattened": true}}},
    "ListWidgetsRequest": {"type": "structure", "members": {"Marker": {"shape": "Key", "location": "querystring", "locationName": "marker"}}},
    "ListWidgetsOutput": {"type": "structure", "members": {"Widgets": {"shape": "TagList"}, "NextMarker": {"shape": "Key"}}},
    "BucketName": {"type": "string", "min": 3, "max": 63, "pattern": "^[a-z0-9.-]+$"},
    "Key": {"type": "string", "min": 1},
    "Color": {"type": "string", "enum": ["red", "dark-blue", "2tone"]},
    "Meta": {"type": "map", "key": {"shape": "Key"}, "value": {"shape": "Key"}},
    "Limit": {"type": "integer", "max": 1000, "min": 1},
    "When": {"type": "timestamp"},
    "Body": {"type": "blob", "streaming": true},
    "TagList": {"type": "list", "member": {"shape": "Key", "locationName": "Tag"}, "flattened": true},
    "LabelMap": {"type": "map", "key": {"shape": "Key"}, "value": {"shape": "Key"}, "flattened": true, "locationName": "Label"},
    "SizeList": {"type": "list", "member": {"shape": "Key", "locationName": "Size"}},
    "NoSuchThing": {"type": "structure", "members": {}, "exception": true,
                    "error": {"httpStatusCode": 404, "code": "NoSuchThing", "senderFault": true}}
  },
  "documentation": "<p>Widgets.</p>"
})";

const char *const BotocorePaginators = R"({"pagination": {"ListWidgets": {
    "input_token": "Marker", "output_token": "NextMarker", "result_key": ["Widgets"]}}})";
