#include "cli/app.h"

int main(int argc, char** argv) { return genlens::cli::run(argc, argv); }
