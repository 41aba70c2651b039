#pragma once
// Modules that `terraform init` installed. A root module that was
// initialised holds .terraform/modules/modules.json:
//
//   {"Modules": [{"Key": "", "Source": "", "Dir": "."},
//                {"Key": "vpc", "Source": "<registry address>", "Version": "5.1.0",
//                 "Dir": ".terraform/modules/vpc"},
//                {"Key": "vpc.nat", "Source": "./modules/nat",
//                 "Dir": ".terraform/modules/vpc/modules/nat"}]}
//
// Key is the module call path from the root (call names joined by dots, no
// instance keys); Dir is the installed directory, relative to the root
// module. Nothing is ever downloaded: only what init left there is read.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "genlens/core/diagnostic.h"
#include "genlens/core/document.h"
#include "genlens/formats/terraform.h"

namespace genlens::formats::terraform {

inline constexpr std::string_view kManifestPath = ".terraform/modules/modules.json";

struct ManifestEntry {
  std::string dir;                 // Dir as written
  const core::Node* at = nullptr;  // the Dir value, where problems are reported
};

struct Manifest {
  std::string root;  // the root module directory, as shown to users
  std::shared_ptr<core::Document> doc;
  std::map<std::string, ManifestEntry> modules;  // by Key
};

// The manifest of root module directory `root`; nullopt when it has none or
// when it is not JSON (reported by `parse`). An entry that is not an object
// with string Key and Dir, or that repeats a Key, is reported at its
// position and left out; a document that is not {"Modules": [...]} is
// reported and gives an empty manifest.
std::optional<Manifest> read_manifest(const std::string& root, const FileParser& parse,
                                      core::Diagnostics& diags);

// The installed module directory of `entry` (path = root + "/" + Dir,
// normalised), or nullopt with a diagnostic at the Dir value when Dir is
// absolute, holds a `..` step, resolves (links followed) outside the root
// module directory, or is not a directory. Its configuration files (.tf,
// .tf.json; links out of the root module skipped) are read in name order.
std::optional<Directory> load_installed(const Manifest& manifest, const ManifestEntry& entry,
                                        const FileParser& parse, core::Diagnostics& diags);

// Whether a module source is a local path ("./x", "../x").
[[nodiscard]] bool is_local_source(std::string_view source);

}  // namespace genlens::formats::terraform
