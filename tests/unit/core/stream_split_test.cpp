// core::split_stream: `helm template` output split at its `# Source:`
// comments into one text per template.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "genlens/core/stream_split.h"

namespace {

using genlens::core::split_stream;
using genlens::core::StreamPart;

// "path=<text>" per part, so a wrong split shows whole.
std::vector<std::string> parts(const std::string& text, const std::string& name = "stdin") {
  std::vector<std::string> out;
  for (const StreamPart& p : split_stream(text, name)) out.push_back(p.path + "=<" + p.text + ">");
  return out;
}

using Parts = std::vector<std::string>;

TEST(StreamSplit, HelmOutputGivesOnePartPerTemplateFromItsSeparatorOn) {
  const std::string svc = "---\n# Source: chart/templates/svc.yaml\nkind: Service\n";
  const std::string deploy = "---\n# Source: chart/templates/deploy.yaml\nkind: Deployment\n";
  EXPECT_EQ(parts(svc + deploy), (Parts{"chart/templates/svc.yaml=<" + svc + ">",
                                        "chart/templates/deploy.yaml=<" + deploy + ">"}));
}

TEST(StreamSplit, TrailingBlanksAndCrlfAroundTheSourcePathAreNotPartOfIt) {
  const std::string a = "---\r\n# Source: chart/templates/a.yaml  \t\r\nkind: A\r\n";
  const std::string b = "---\n# Source:chart/templates/b.yaml\nkind: B\n";
  EXPECT_EQ(parts(a + b),
            (Parts{"chart/templates/a.yaml=<" + a + ">", "chart/templates/b.yaml=<" + b + ">"}));
}

TEST(StreamSplit, SeparatorWithACommentStartsTheDocument) {
  const std::string a = "--- # rendered\n# Source: c/templates/a.yaml\nkind: A\n";
  const std::string b =
      "---   # more\n\n# a comment first\n# Source: c/templates/b.yaml\nkind: B\n";
  EXPECT_EQ(parts(a + b),
            (Parts{"c/templates/a.yaml=<" + a + ">", "c/templates/b.yaml=<" + b + ">"}));
}

TEST(StreamSplit, RepeatedSourcePathCollectsItsDocumentsInStreamOrder) {
  const std::string a1 = "---\n# Source: c/templates/a.yaml\nkind: A1\n";
  const std::string b = "---\n# Source: c/templates/b.yaml\nkind: B\n";
  const std::string a2 = "---\n# Source: c/templates/a.yaml\nkind: A2\n";
  EXPECT_EQ(parts(a1 + b + a2),
            (Parts{"c/templates/a.yaml=<" + a1 + a2 + ">", "c/templates/b.yaml=<" + b + ">"}));
}

TEST(StreamSplit, FirstDocumentNeedsNoSeparatorOthersDo) {
  // The stream's first document has no `---`; it still has a Source header.
  const std::string a1 = "# Source: c/templates/a.yaml\nkind: A1\n";
  const std::string b = "---\n# Source: c/templates/b.yaml\nkind: B\n";
  const std::string a2 = "---\n# Source: c/templates/a.yaml\nkind: A2";  // no final newline
  EXPECT_EQ(parts(a1 + b + a2),
            (Parts{"c/templates/a.yaml=<" + a1 + a2 + ">", "c/templates/b.yaml=<" + b + ">"}));
  // Without a separator, a Source comment after content is in the same
  // YAML document: no split.
  const std::string joined = a1 + "# Source: c/templates/b.yaml\nkind: B\n";
  EXPECT_EQ(parts(joined), (Parts{"c/templates/a.yaml=<" + joined + ">"}));
}

TEST(StreamSplit, DocumentsWithoutSourceStayWithTheStreamName) {
  const std::string before = "---\nkind: Namespace\n";
  const std::string a = "---\n# Source: c/templates/a.yaml\nkind: A\n";
  EXPECT_EQ(parts(before + a, "rendered"),
            (Parts{"rendered=<" + before + ">", "c/templates/a.yaml=<" + a + ">"}));
  // Only blank lines, comments and separators before the first Source: no part.
  EXPECT_EQ(parts("# helm output\n\n---\n" + a), (Parts{"c/templates/a.yaml=<" + a + ">"}));
}

TEST(StreamSplit, AStreamWithoutSourceCommentsIsOnePartUnderItsName) {
  const std::string kustomize = "apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: Pod\n";
  EXPECT_EQ(parts(kustomize, "overlays/prod"), (Parts{"overlays/prod=<" + kustomize + ">"}));
  EXPECT_EQ(parts("# just a comment\n"), (Parts{"stdin=<# just a comment\n>"}));
}

TEST(StreamSplit, EmptyStreamIsOneEmptyPart) {
  EXPECT_EQ(parts(""), (Parts{"stdin=<>"}));
  EXPECT_EQ(parts("", "x.yaml"), (Parts{"x.yaml=<>"}));
}

TEST(StreamSplit, SourceCommentsOutsideADocumentHeaderDoNotSplit) {
  // After content, in an indented block scalar, or not at column 0: it is
  // text of the document, which a split would cut in half.
  const std::string doc =
      "---\n# Source: c/templates/cm.yaml\nkind: ConfigMap\n# Source: c/templates/x.yaml\n"
      "data:\n  f: |\n    ---\n    # Source: c/templates/y.yaml\n  # Source: c/templates/z.yaml\n";
  EXPECT_EQ(parts(doc), (Parts{"c/templates/cm.yaml=<" + doc + ">"}));
  // A separator with content on its line starts the content at once.
  const std::string inline_doc = "--- {kind: A}\n# Source: c/templates/a.yaml\n";
  EXPECT_EQ(parts(inline_doc), (Parts{"stdin=<" + inline_doc + ">"}));
  // "----" and "# Source:" without a path are no markers.
  const std::string not_markers = "----\n# Source:   \nkind: A\n";
  EXPECT_EQ(parts(not_markers), (Parts{"stdin=<" + not_markers + ">"}));
}

TEST(StreamSplit, LeadingByteOrderMarkIsDropped) {
  const std::string a = "---\n# Source: c/templates/a.yaml\nkind: A\n";
  EXPECT_EQ(parts("\xEF\xBB\xBF" + a), (Parts{"c/templates/a.yaml=<" + a + ">"}));
}

TEST(StreamSplit, TheStreamNameCanBeASourcePathToo) {
  const std::string before = "kind: Loose\n";
  const std::string a = "---\n# Source: a.yaml\nkind: A\n";
  EXPECT_EQ(parts(before + a, "a.yaml"), (Parts{"a.yaml=<" + before + a + ">"}));
}

}  // namespace
