#include "model/BotocoreNames.h"

#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace cumulus::model {

namespace {

// Services whose botocore name is not their sdk id in lower case with hyphens for spaces: every
// one of botocore 1.43.11's 424 (its data folder names; tests/cli/tst_awscliexport checks the rule
// and this list against the botocore on the machine).
constexpr std::pair<std::string_view, std::string_view> Exceptions[] = {
    {"API Gateway", "apigateway"},
    {"Application Auto Scaling", "application-autoscaling"},
    {"App Mesh", "appmesh"},
    {"Auto Scaling", "autoscaling"},
    {"Auto Scaling Plans", "autoscaling-plans"},
    {"Cost Explorer", "ce"},
    {"CloudHSM V2", "cloudhsmv2"},
    {"CloudSearch Domain", "cloudsearchdomain"},
    {"Cognito Identity Provider", "cognito-idp"},
    {"Config Service", "config"},
    {"Cost and Usage Report Service", "cur"},
    {"Data Pipeline", "datapipeline"},
    {"Device Farm", "devicefarm"},
    {"Direct Connect", "directconnect"},
    {"Application Discovery Service", "discovery"},
    {"Database Migration Service", "dms"},
    {"Directory Service", "ds"},
    {"Directory Service Data", "ds-data"},
    {"DynamoDB Streams", "dynamodbstreams"},
    {"Elastic Beanstalk", "elasticbeanstalk"},
    {"Elastic Load Balancing", "elb"},
    {"Elastic Load Balancing v2", "elbv2"},
    {"Elasticsearch Service", "es"},
    {"EventBridge", "events"},
    {"Global Accelerator", "globalaccelerator"},
    {"IoT Data Plane", "iot-data"},
    {"IoT Jobs Data Plane", "iot-jobs-data"},
    {"IoT Events", "iotevents"},
    {"IoT Events Data", "iotevents-data"},
    {"IoT Wireless", "iotwireless"},
    {"Kinesis Analytics", "kinesisanalytics"},
    {"Kinesis Analytics V2", "kinesisanalyticsv2"},
    {"Kinesis Video", "kinesisvideo"},
    {"Lex Model Building Service", "lex-models"},
    {"Lex Runtime Service", "lex-runtime"},
    {"Lex Models V2", "lexv2-models"},
    {"Lex Runtime V2", "lexv2-runtime"},
    {"CloudWatch Logs", "logs"},
    {"Machine Learning", "machinelearning"},
    {"Marketplace Entitlement Service", "marketplace-entitlement"},
    {"Marketplace Commerce Analytics", "marketplacecommerceanalytics"},
    {"Marketplace Metering", "meteringmarketplace"},
    {"Migration Hub", "mgh"},
    {"Resource Groups Tagging API", "resourcegroupstaggingapi"},
    {"Route 53", "route53"},
    {"Route 53 Domains", "route53domains"},
    {"S3 Control", "s3control"},
    {"SimpleDB", "sdb"},
    {"Secrets Manager", "secretsmanager"},
    {"ServerlessApplicationRepository", "serverlessrepo"},
    {"Service Catalog", "servicecatalog"},
    {"Service Catalog AppRegistry", "servicecatalog-appregistry"},
    {"Pinpoint SMS Voice", "sms-voice"},
    {"SFN", "stepfunctions"},
    {"Storage Gateway", "storagegateway"},
};

// Operations whose names xform_name gets wrong, so botocore 1.43.11 lists them by hand.
constexpr std::pair<std::string_view, std::string_view> OperationExceptions[] = {
    {"CreateCachediSCSIVolume", "create-cached-iscsi-volume"},
    {"DescribeCachediSCSIVolumes", "describe-cached-iscsi-volumes"},
    {"DescribeStorediSCSIVolumes", "describe-stored-iscsi-volumes"},
    {"CreateStorediSCSIVolume", "create-stored-iscsi-volume"},
    {"ListHITsForQualificationType", "list-hits-for-qualification-type"},
    {"ExecutePartiQLStatement", "execute-partiql-statement"},
    {"ExecutePartiQLTransaction", "execute-partiql-transaction"},
    {"ExecutePartiQLBatch", "execute-partiql-batch"},
    {"AssociateWhatsAppBusinessAccount", "associate-whatsapp-business-account"},
    {"CreateWhatsAppMessageTemplate", "create-whatsapp-message-template"},
    {"CreateWhatsAppMessageTemplateFromLibrary", "create-whatsapp-message-template-from-library"},
    {"CreateWhatsAppMessageTemplateMedia", "create-whatsapp-message-template-media"},
    {"DeleteWhatsAppMessageMedia", "delete-whatsapp-message-media"},
    {"DeleteWhatsAppMessageTemplate", "delete-whatsapp-message-template"},
    {"DisassociateWhatsAppBusinessAccount", "disassociate-whatsapp-business-account"},
    {"GetLinkedWhatsAppBusinessAccount", "get-linked-whatsapp-business-account"},
    {"GetLinkedWhatsAppBusinessAccountPhoneNumber", "get-linked-whatsapp-business-account-phone-number"},
    {"GetOTelEnrichment", "get-otel-enrichment"},
    {"GetWhatsAppMessageMedia", "get-whatsapp-message-media"},
    {"GetWhatsAppMessageTemplate", "get-whatsapp-message-template"},
    {"ListLinkedWhatsAppBusinessAccounts", "list-linked-whatsapp-business-accounts"},
    {"ListWhatsAppMessageTemplates", "list-whatsapp-message-templates"},
    {"ListWhatsAppTemplateLibrary", "list-whatsapp-template-library"},
    {"PostWhatsAppMessageMedia", "post-whatsapp-message-media"},
    {"PutWhatsAppBusinessAccountEventDestinations", "put-whatsapp-business-account-event-destinations"},
    {"SendWhatsAppMessage", "send-whatsapp-message"},
    {"StartOTelEnrichment", "start-otel-enrichment"},
    {"StopOTelEnrichment", "stop-otel-enrichment"},
    {"UpdateWhatsAppMessageTemplate", "update-whatsapp-message-template"},
};

} // namespace

std::string botocoreServiceName(std::string_view sdkId)
{
    for (const auto &[id, name] : Exceptions) {
        if (id == sdkId)
            return std::string(name);
    }
    std::string name(sdkId);
    for (char &c : name)
        c = c == ' ' ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

std::string awsCliServiceName(std::string_view sdkId)
{
    // The AWS CLI renames three of botocore's services (its customizations/*: s3 is the high-level
    // commands, the API is s3api).
    const std::string name = botocoreServiceName(sdkId);
    if (name == "s3")
        return "s3api";
    if (name == "config")
        return "configservice";
    if (name == "codedeploy")
        return "deploy";
    return name;
}

std::string xformName(std::string_view operation)
{
    for (const auto &[name, transformed] : OperationExceptions) {
        if (name == operation)
            return std::string(transformed);
    }
    if (operation.find('-') != std::string_view::npos)
        return std::string(operation);
    // botocore.xform_name, regular expression for regular expression.
    static const QRegularExpression specialCase(QStringLiteral("[A-Z]{2,}s$"));
    static const QRegularExpression firstCap(QStringLiteral("(.)([A-Z][a-z]+)"));
    static const QRegularExpression endCap(QStringLiteral("([a-z0-9])([A-Z])"));
    QString name = QString::fromUtf8(operation.data(), qsizetype(operation.size()));
    if (const auto match = specialCase.match(name); match.hasMatch())
        name = name.left(match.capturedStart()) + '-' + match.captured().toLower();
    name.replace(firstCap, QStringLiteral("\\1-\\2"));
    name.replace(endCap, QStringLiteral("\\1-\\2"));
    return name.toLower().toStdString();
}

} // namespace cumulus::model
