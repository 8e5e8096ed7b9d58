// The command-line application: global options, the subcommand table, dispatch.
#pragma once

namespace infradigest {

// Runs the CLI; returns the process exit status (see core/exit_status.h).
// The only place exceptions are caught.
int run_application(int argc, char** argv);

}  // namespace infradigest
