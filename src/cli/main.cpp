#include "CallCommand.h"
#include "EndpointCommand.h"
#include "ExitCode.h"
#include "HistoryCommand.h"
#include "KeyRotationCommand.h"
#include "ModelsCommand.h"
#include "ProfilesCommand.h"
#include "ImportCommand.h"
#include "RequestCommand.h"
#include "RunCommand.h"
#include "SignCommand.h"
#include "WhoamiCommand.h"
#include "Version.h"
#include "util/SystemClock.h"
#include "util/SystemEnvironment.h"
#include "util/Sleeper.h"
#include "util/SystemRandom.h"

#include <QCoreApplication>

#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char *Usage = R"(usage: cumulus-cli <command> [options]

commands:
  call        call an operation: serialize, sign, send with retries, print the answer
  credential-process  a profile's credentials as credential_process JSON (for other SDKs)
  endpoint    resolve a service's endpoint: URL, headers, signing name and region
  history     the calls sent: list (--search), save one to a collection, clear
  import      a Postman collection (v2.1) as a Cumulus collection: import postman FILE FOLDER
  models      the service catalog: list, ops, show, search
  request     send an HTTP request as written, signed with SigV4 for a service name (API Gateway, …)
  run         run a collection's requests in order and print a table of results (for CI)
  profiles    the profiles of ~/.aws/config and ~/.aws/credentials: list, set, unset, delete, rename, undo,
              to-keychain, from-keychain, rotate-key, delete-key
  sign        sign a request with SigV4 and show every stage (the signing inspector)
  version     print the version
  whoami      who the credentials are: account, ARN, their source and expiry (STS GetCallerIdentity)

cumulus-cli <command> --help shows a command's options.
)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cumulus-cli"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(cumulus::Version));

    // Arguments as UTF-8 on every platform (Qt decodes the Windows command line correctly).
    std::vector<std::string> arguments;
    const QStringList qtArguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i < qtArguments.size(); ++i)
        arguments.push_back(qtArguments[i].toStdString());

    if (arguments.empty()) {
        std::cerr << Usage;
        return cumulus::cli::UsageError;
    }
    if (arguments[0] == "help" || arguments[0] == "--help" || arguments[0] == "-h") {
        std::cout << Usage;
        return cumulus::cli::Success;
    }
    const std::string command = arguments[0];
    arguments.erase(arguments.begin());

    if (command == "version" || command == "--version") {
        std::cout << "cumulus-cli " << cumulus::Version << '\n';
        return cumulus::cli::Success;
    }
    if (command == "call") {
        const cumulus::util::SystemEnvironment environment;
        const cumulus::util::SystemClock clock;
        cumulus::util::SystemRandom random;
        cumulus::util::SystemSleeper sleeper;
        return cumulus::cli::runCallCommand(arguments, environment, clock, random, sleeper, std::cin, std::cout,
                                            std::cerr);
    }
    if (command == "run") {
        const cumulus::util::SystemEnvironment environment;
        const cumulus::util::SystemClock clock;
        cumulus::util::SystemRandom random;
        cumulus::util::SystemSleeper sleeper;
        return cumulus::cli::runRunCommand(arguments, environment, clock, random, sleeper, std::cin, std::cout,
                                           std::cerr);
    }
    if (command == "request") {
        const cumulus::util::SystemEnvironment environment;
        const cumulus::util::SystemClock clock;
        cumulus::util::SystemRandom random;
        cumulus::util::SystemSleeper sleeper;
        return cumulus::cli::runRequestCommand(arguments, environment, clock, random, sleeper, std::cin, std::cout,
                                               std::cerr);
    }
    if (command == "import")
        return cumulus::cli::runImportCommand(arguments, std::cout, std::cerr);
    if (command == "endpoint") {
        const cumulus::util::SystemEnvironment environment;
        return cumulus::cli::runEndpointCommand(arguments, environment, std::cout, std::cerr);
    }
    if (command == "whoami") {
        const cumulus::util::SystemEnvironment environment;
        const cumulus::util::SystemClock clock;
        cumulus::util::SystemRandom random;
        cumulus::util::SystemSleeper sleeper;
        return cumulus::cli::runWhoamiCommand(arguments, environment, clock, random, sleeper, std::cin, std::cout,
                                              std::cerr);
    }
    if (command == "profiles" && !arguments.empty() && cumulus::cli::isKeyRotationAction(arguments[0])) {
        const cumulus::util::SystemEnvironment environment;
        const cumulus::util::SystemClock clock;
        cumulus::util::SystemRandom random;
        cumulus::util::SystemSleeper sleeper;
        const std::string action = arguments[0];
        return cumulus::cli::runKeyRotationCommand(action, {arguments.begin() + 1, arguments.end()}, environment, clock,
                                                   random, sleeper, std::cout, std::cerr);
    }
    if (command == "profiles") {
        const cumulus::util::SystemEnvironment environment;
        return cumulus::cli::runProfilesCommand(arguments, environment, std::cin, std::cout, std::cerr);
    }
    if (command == "credential-process") {
        const cumulus::util::SystemEnvironment environment;
        const cumulus::util::SystemClock clock;
        cumulus::util::SystemRandom random;
        cumulus::util::SystemSleeper sleeper;
        return cumulus::cli::runCredentialProcessCommand(arguments, environment, clock, random, sleeper, std::cin,
                                                         std::cout, std::cerr);
    }
    if (command == "history") {
        const cumulus::util::SystemEnvironment environment;
        return cumulus::cli::runHistoryCommand(arguments, environment, std::cout, std::cerr);
    }
    if (command == "models") {
        const cumulus::util::SystemEnvironment environment;
        return cumulus::cli::runModelsCommand(arguments, environment, std::cout, std::cerr);
    }
    if (command == "sign") {
        const cumulus::util::SystemClock clock;
        return cumulus::cli::runSignCommand(arguments, clock, std::cin, std::cout, std::cerr);
    }
    std::cerr << "cumulus-cli: error: unknown command '" << command << "' (see cumulus-cli help)\n";
    return cumulus::cli::UsageError;
}
