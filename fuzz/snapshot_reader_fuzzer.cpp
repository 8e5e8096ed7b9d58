// The snapshot reader (docs/snapshot-format.md) on any bytes: an Activity or
// an error that names its place ("fuzz.jsonl:LINE:COL: ..."), never a crash
// or an exception; and whatever it accepts survives export → import → export
// byte for byte, as the format promises.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_check.h"
#include "snapshot/snapshot_reader.h"
#include "snapshot/snapshot_writer.h"

using namespace infradigest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto activity = parse_snapshot(text, "fuzz.jsonl");
  if (!activity.ok()) {
    fuzz::check(activity.error().message.starts_with("fuzz.jsonl:"),
                "error without its place: " + activity.error().message);
    return 0;
  }
  std::ostringstream exported;
  write_snapshot(*activity, exported);
  auto again = parse_snapshot(exported.str(), "export.jsonl");
  fuzz::check(again.ok(), "an export does not import: " + (again.ok() ? "" : again.error().message));
  std::ostringstream reexported;
  write_snapshot(*again, reexported);
  fuzz::check(reexported.str() == exported.str(), "export -> import -> export changed the snapshot");
  return 0;
}
