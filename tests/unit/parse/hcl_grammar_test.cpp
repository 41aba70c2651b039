// Checks that the pinned tree-sitter runtime and HCL grammar (grammars/) are
// compatible and give the node kinds and positions src/parse/hcl relies on.
// This is the only test that talks to the raw tree-sitter API.
#include <gtest/gtest.h>

#include <genlens_hcl_language.h>
#include <tree_sitter/api.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

// Row 0 is a comment, so the resource block starts on row 1.
constexpr std::string_view kTerraform =
    R"(# SageMaker endpoint with a customer-managed key
resource "aws_sagemaker_endpoint_configuration" "main" {
  name        = "genai-endpoint"
  kms_key_arn = aws_kms_key.k.arn

  production_variants {
    variant_name = "primary"
    model_name   = var.model_name
  }
}

variable "model_name" {
  type    = string
  default = "llama"
}
)";

// The same resource with its closing brace missing.
constexpr std::string_view kBroken =
    R"(resource "aws_sagemaker_endpoint_configuration" "main" {
  kms_key_arn = aws_kms_key.k.arn
)";

TreePtr Parse(TSParser* parser, std::string_view src) {
  return TreePtr(
      ts_parser_parse_string(parser, nullptr, src.data(), static_cast<uint32_t>(src.size())));
}

ParserPtr MakeParser() {
  ParserPtr parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), tree_sitter_hcl())) return nullptr;
  return parser;
}

std::string Text(TSNode node, std::string_view src) {
  const uint32_t start = ts_node_start_byte(node);
  const uint32_t end = ts_node_end_byte(node);
  return std::string(src.substr(start, end - start));
}

std::string Type(TSNode node) { return ts_node_type(node); }

// Blocks in source order, depth-first (nested blocks included).
void CollectBlocks(TSNode node, std::vector<TSNode>& out) {
  if (Type(node) == "block") out.push_back(node);
  const uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) CollectBlocks(ts_node_named_child(node, i), out);
}

// The block whose type identifier (its first named child) is `type`.
std::optional<TSNode> FindBlock(TSNode root, std::string_view src, std::string_view type) {
  std::vector<TSNode> blocks;
  CollectBlocks(root, blocks);
  for (TSNode b : blocks) {
    TSNode id = ts_node_named_child(b, 0);
    if (Type(id) == "identifier" && Text(id, src) == type) return b;
  }
  return std::nullopt;
}

// A block's labels: the string_lit / identifier children between its type
// identifier and block_start.
std::vector<TSNode> Labels(TSNode block) {
  std::vector<TSNode> labels;
  const uint32_t n = ts_node_named_child_count(block);
  for (uint32_t i = 1; i < n; ++i) {
    TSNode c = ts_node_named_child(block, i);
    if (Type(c) == "block_start") break;
    labels.push_back(c);
  }
  return labels;
}

void ExpectPoint(TSPoint p, uint32_t row, uint32_t column) {
  EXPECT_EQ(p.row, row);
  EXPECT_EQ(p.column, column);
}

}  // namespace

TEST(HclGrammar, AbiVersionIsSupportedByTheRuntime) {
  const TSLanguage* lang = tree_sitter_hcl();
  ASSERT_NE(lang, nullptr);
  EXPECT_EQ(ts_language_abi_version(lang), 15u);
  EXPECT_GE(ts_language_abi_version(lang),
            static_cast<uint32_t>(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION));
  EXPECT_LE(ts_language_abi_version(lang), static_cast<uint32_t>(TREE_SITTER_LANGUAGE_VERSION));
  ParserPtr parser(ts_parser_new());
  EXPECT_TRUE(ts_parser_set_language(parser.get(), lang));
}

TEST(HclGrammar, ParsesTerraformWithoutErrors) {
  ParserPtr parser = MakeParser();
  ASSERT_NE(parser, nullptr);
  TreePtr tree = Parse(parser.get(), kTerraform);
  ASSERT_NE(tree, nullptr);
  TSNode root = ts_tree_root_node(tree.get());
  EXPECT_EQ(Type(root), "config_file");
  EXPECT_FALSE(ts_node_has_error(root)) << ts_node_string(root);
}

TEST(HclGrammar, ResourceBlockTypeAndLabelsHaveExactPositions) {
  ParserPtr parser = MakeParser();
  ASSERT_NE(parser, nullptr);
  TreePtr tree = Parse(parser.get(), kTerraform);
  TSNode root = ts_tree_root_node(tree.get());

  std::optional<TSNode> resource = FindBlock(root, kTerraform, "resource");
  ASSERT_TRUE(resource.has_value());
  ExpectPoint(ts_node_start_point(*resource), 1, 0);
  ExpectPoint(ts_node_end_point(*resource), 9, 1);

  TSNode type = ts_node_named_child(*resource, 0);
  EXPECT_EQ(Type(type), "identifier");
  EXPECT_EQ(Text(type, kTerraform), "resource");
  ExpectPoint(ts_node_start_point(type), 1, 0);
  ExpectPoint(ts_node_end_point(type), 1, 8);

  // Labels are string literals; their range includes the quotes.
  std::vector<TSNode> labels = Labels(*resource);
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(Type(labels[0]), "string_lit");
  EXPECT_EQ(Text(labels[0], kTerraform), R"("aws_sagemaker_endpoint_configuration")");
  ExpectPoint(ts_node_start_point(labels[0]), 1, 9);
  ExpectPoint(ts_node_end_point(labels[0]), 1, 47);
  EXPECT_EQ(Type(labels[1]), "string_lit");
  EXPECT_EQ(Text(labels[1], kTerraform), R"("main")");
  ExpectPoint(ts_node_start_point(labels[1]), 1, 48);
  ExpectPoint(ts_node_end_point(labels[1]), 1, 54);

  // The label's unquoted text is its template_literal child.
  TSNode literal = ts_node_named_child(labels[1], 1);
  EXPECT_EQ(Type(literal), "template_literal");
  EXPECT_EQ(Text(literal, kTerraform), "main");
}

TEST(HclGrammar, AttributeReferenceIsAnExpressionNotAString) {
  ParserPtr parser = MakeParser();
  ASSERT_NE(parser, nullptr);
  TreePtr tree = Parse(parser.get(), kTerraform);
  TSNode root = ts_tree_root_node(tree.get());
  std::optional<TSNode> resource = FindBlock(root, kTerraform, "resource");
  ASSERT_TRUE(resource.has_value());

  // resource > body > attribute(identifier, expression)
  TSNode body = ts_node_named_child(*resource, 4);
  ASSERT_EQ(Type(body), "body");
  std::optional<TSNode> kms;
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode attr = ts_node_named_child(body, i);
    if (Type(attr) == "attribute" &&
        Text(ts_node_named_child(attr, 0), kTerraform) == "kms_key_arn") {
      kms = attr;
    }
  }
  ASSERT_TRUE(kms.has_value());
  ExpectPoint(ts_node_start_point(*kms), 3, 2);
  TSNode value = ts_node_named_child(*kms, 1);
  EXPECT_EQ(Type(value), "expression");
  EXPECT_EQ(Text(value, kTerraform), "aws_kms_key.k.arn");
  ExpectPoint(ts_node_start_point(value), 3, 16);
  ExpectPoint(ts_node_end_point(value), 3, 33);
  EXPECT_EQ(Type(ts_node_named_child(value, 0)), "variable_expr");
}

TEST(HclGrammar, VariableBlockIsFound) {
  ParserPtr parser = MakeParser();
  ASSERT_NE(parser, nullptr);
  TreePtr tree = Parse(parser.get(), kTerraform);
  TSNode root = ts_tree_root_node(tree.get());

  std::optional<TSNode> variable = FindBlock(root, kTerraform, "variable");
  ASSERT_TRUE(variable.has_value());
  ExpectPoint(ts_node_start_point(*variable), 11, 0);
  std::vector<TSNode> labels = Labels(*variable);
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_EQ(Text(labels[0], kTerraform), R"("model_name")");
  ExpectPoint(ts_node_start_point(labels[0]), 11, 9);

  // The nested block is a block too, with no labels.
  std::optional<TSNode> nested = FindBlock(root, kTerraform, "production_variants");
  ASSERT_TRUE(nested.has_value());
  ExpectPoint(ts_node_start_point(*nested), 5, 2);
  EXPECT_TRUE(Labels(*nested).empty());
}

TEST(HclGrammar, MissingClosingBraceIsAnError) {
  ParserPtr parser = MakeParser();
  ASSERT_NE(parser, nullptr);
  TreePtr tree = Parse(parser.get(), kBroken);
  ASSERT_NE(tree, nullptr);
  EXPECT_TRUE(ts_node_has_error(ts_tree_root_node(tree.get())));
}
