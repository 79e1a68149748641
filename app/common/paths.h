#pragma once
// Where the product finds its models, manifest, demo site and state, in order of precedence:
// command-line flag, site configuration, environment, installed location, build tree.
// Thread: any.

#include <string>

namespace vigie::app {

// VIGIE_MODEL_MANIFEST, <prefix>/share/vigie/models/manifest.json, then the source tree's.
std::string defaultManifestPath();
// VIGIE_MODEL_DIR, then the data directory chosen at build time (../shared/data/models
// beside the source tree in development; /var/lib/vigie/models on an installed site).
std::string defaultModelDir();
// The demo site shipped with the product (resources/demo/site.json).
std::string defaultDemoSitePath();
// Directory for the database, keys and logs: $VIGIE_STATE_DIR, else $XDG_DATA_HOME/vigie or
// ~/.local/share/vigie.
std::string defaultStateDir();
// Directory of the running executable.
std::string executableDir();

}  // namespace vigie::app
