#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli import postman FILE FOLDER`: a Postman collection (v2.1 export) as a Cumulus
// collection in a new folder: its AWS Signature requests as HTTP requests a profile signs, its
// variables. Prints what was imported and a line for each thing that was not (or was changed).
// Exit 0 when the folder was written, 252 for bad arguments or input, 255 when it could not be.
int runImportCommand(const std::vector<std::string> &arguments, std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
