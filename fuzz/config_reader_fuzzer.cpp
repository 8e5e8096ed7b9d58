// The config reader (TOML with origins) on any bytes: a config whose every
// key passed its validator, or an error that starts with the file's place
// ("fuzz.toml:LINE: ..."), never a crash or an exception; `config show`
// prints whatever was accepted.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"
#include "config/config_file.h"
#include "fuzz_check.h"

using namespace infradigest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  LoadedConfig loaded;
  Status status = apply_config_text(loaded, text, "fuzz.toml");
  if (!status.ok()) {
    fuzz::check(status.error().message.starts_with("fuzz.toml:"),
                "error without its place: " + status.error().message);
    return 0;
  }
  fuzz::check(!render_config_show(loaded).empty(), "config show printed nothing");
  return 0;
}
