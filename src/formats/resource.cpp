#include "genlens/formats/resource.h"

namespace genlens::formats {

const char* format_name(Format f) {
  switch (f) {
    case Format::kCloudFormation:
      return "cloudformation";
    case Format::kTerraform:
      return "terraform";
    case Format::kKubernetes:
      return "kubernetes";
  }
  return "unknown";
}

core::Position header(const Resource& r) {
  if (r.node == nullptr) return {};
  return r.node->key_range.begin.known() ? r.node->key_range.begin : r.node->range.begin;
}

}  // namespace genlens::formats
