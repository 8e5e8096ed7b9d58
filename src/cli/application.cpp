#include "cli/application.h"

namespace infradigest {
int run_application(int, char**) { return 0; }  // replaced below by the command table
}  // namespace infradigest
