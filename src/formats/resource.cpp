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

}  // namespace genlens::formats
