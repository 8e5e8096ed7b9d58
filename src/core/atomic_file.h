// Writing files so that readers never see half a file: write a temporary
// file in the same folder, flush it, then rename it over the target.
#pragma once

#include <string>

#include "core/result.h"

namespace infradigest {

// Creates parent folders as needed.
Status write_file_atomically(const std::string& path, const std::string& content);

}  // namespace infradigest
