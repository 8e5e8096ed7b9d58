// infradigest: the binary is only an entry point into the core library.
#include "cli/application.h"

int main(int argc, char** argv) { return infradigest::run_application(argc, argv); }
