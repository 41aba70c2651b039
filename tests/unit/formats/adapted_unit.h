#pragma once
// An adapted unit with its diagnostics, and lookups of its resources by
// name, for the adapter tests of every format.
#include <gtest/gtest.h>

#include <string>

#include "../test_support.h"
#include "genlens/core/diagnostic.h"
#include "genlens/formats/resource.h"

namespace genlens::testutil {

struct AdaptedUnit {
  formats::Unit unit;
  core::Diagnostics diags;

  // The resource named `name`; a test failure and nullptr when none.
  [[nodiscard]] const formats::Resource* res(const std::string& name) const {
    for (const formats::Resource& r : unit.resources) {
      if (r.name == name) return &r;
    }
    ADD_FAILURE() << "no resource " << name;
    return nullptr;
  }
  // describe() of the value at `path` of resource `name`.
  [[nodiscard]] std::string value(const std::string& name, const std::string& path) const {
    const formats::Resource* r = res(name);
    return r == nullptr ? "<no resource>" : describe(value_at(r->value, path));
  }
};

}  // namespace genlens::testutil
