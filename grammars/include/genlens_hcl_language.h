// The HCL grammar's entry point, compiled from the pinned
// @tree-sitter-grammars/tree-sitter-hcl package (see grammars/PROVENANCE.md).
// Only src/parse/hcl and its tests should include this header: no tree-sitter
// type crosses into the Document API.
#ifndef GENLENS_HCL_LANGUAGE_H
#define GENLENS_HCL_LANGUAGE_H

#include <tree_sitter/api.h>

#ifdef __cplusplus
extern "C" {
#endif

const TSLanguage* tree_sitter_hcl(void);

#ifdef __cplusplus
}
#endif

#endif  // GENLENS_HCL_LANGUAGE_H
