#include "pipeline.h"

#include <gtest/gtest.h>

#include <new>
#include <stdexcept>

#include "resources.h"
#include "testing.h"

namespace news {
namespace {

Source source_named(const std::string& path) {
  Source source;
  source.path = path;
  return source;
}

TEST(PipelineTest, AnExceptionInOneArticleBecomesItsErrorRecord) {
  const Document bug = within_error_boundary(source_named("a.txt"), []() -> Document {
    throw std::logic_error("paragraph index out of range");
  });
  ASSERT_TRUE(bug.error);
  EXPECT_EQ(bug.error->code, "internal");
  EXPECT_NE(bug.error->message.find("paragraph index out of range"), std::string::npos);
  EXPECT_EQ(bug.source.path, "a.txt");
  EXPECT_TRUE(bug.paragraphs.empty());

  const Document memory =
      within_error_boundary(source_named("b.txt"), []() -> Document { throw std::bad_alloc(); });
  ASSERT_TRUE(memory.error);
  EXPECT_EQ(memory.error->code, "out_of_memory");

  const Document odd = within_error_boundary(source_named("c.txt"), []() -> Document { throw 42; });
  ASSERT_TRUE(odd.error);
  EXPECT_EQ(odd.error->code, "internal");
}

TEST(PipelineTest, WithoutAnExceptionTheAnalysisPassesThrough) {
  const Resources resources = Resources::load(testing::source_path("data"));
  const std::string text = "제목\n\n정부는 이날 예산을 발표했다.\n";
  const Document direct = within_error_boundary(source_named("d.txt"), [&] {
    return analyze(text, source_named("d.txt"), Options{}, resources);
  });
  EXPECT_FALSE(direct.error);
  EXPECT_EQ(direct.source.bytes, text.size());
  EXPECT_FALSE(direct.paragraphs.empty());
}

}  // namespace
}  // namespace news
