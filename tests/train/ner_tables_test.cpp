#include "train/ner_tables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "names/ner_model.h"

namespace news {
namespace {

std::uint64_t key(std::u32string_view word) {
  return ner::stem_key(word.data(), word.size());
}

std::uint16_t flags_of(const ner::WordClusters& gazetteer, std::u32string_view word) {
  return gazetteer.find(key(word));
}

AnnotatedSentence annotated(std::string text, std::vector<GoldEntity> entities) {
  AnnotatedSentence sentence;
  sentence.text = std::move(text);
  sentence.entities = std::move(entities);
  return sentence;
}

TEST(NerTablesTest, GazetteerLeavesOutKoreanNamesWhenGivenTheSurnames) {
  // 김민수 대표와 나탈리 포트만 (code points 0-3 and 8-15 are people).
  const AnnotatedSentence sentence =
      annotated("김민수 대표와 나탈리 포트만",
                {{0, 3, NerType::kPerson, 1.0}, {8, 15, NerType::kPerson, 1.0}});
  const ner::WordClusters surnames(
      {{key(U"김"), ner::kLexiconSurname}, {key(U"남궁"), ner::kLexiconSurname}});
  ner::GazetteerCounts with, without;
  ner::count_gazetteer(sentence, with, &surnames);
  ner::count_gazetteer(sentence, without);
  EXPECT_EQ(flags_of(ner::build_gazetteer(with), U"김민수"), 0)
      << "news holds Korean names no training sentence has";
  EXPECT_NE(flags_of(ner::build_gazetteer(without), U"김민수"), 0);
  EXPECT_NE(flags_of(ner::build_gazetteer(with), U"나탈리"), 0);
  EXPECT_NE(flags_of(ner::build_gazetteer(with), U"포트만"), 0);
}

TEST(NerTablesTest, GazetteerKeepsEachWordOfASpanWithItsPlaceAndShare) {
  ner::GazetteerCounts counts;
  // 나탈리 포트만이 서울에서 삼성전자와 (code points: 0-6 the person, 9-13 a
  // location written with its particle, MultiCoNER style, 14-18 an organization).
  ner::count_gazetteer(
      annotated("나탈리 포트만이 서울에서 삼성전자와", {{0, 7, NerType::kPerson, 1.0},
                                                        {9, 13, NerType::kLocation, 1.0},
                                                        {14, 18, NerType::kOrganization, 1.0}}),
      counts);
  // 삼성전자 once more as a name, and twice as a plain word: a share of 1/2.
  ner::count_gazetteer(annotated("삼성전자가 발표", {{0, 4, NerType::kOrganization, 1.0}}), counts);
  ner::count_gazetteer(annotated("삼성전자 주가 삼성전자는", {}), counts);
  // 17일 is a date, not a name: counted as a word only.
  ner::count_gazetteer(annotated("17일 발표", {{0, 3, NerType::kDate, 1.0}}), counts);
  const ner::WordClusters gazetteer = ner::build_gazetteer(counts, 0.25);
  constexpr std::uint16_t kAlways = 3 << 9, kHalf = 2 << 9;
  EXPECT_EQ(flags_of(gazetteer, U"나탈리"), ner::gazetteer_flag(NerType::kPerson, 1) | kAlways);
  EXPECT_EQ(flags_of(gazetteer, U"포트만"), ner::gazetteer_flag(NerType::kPerson, 2) | kAlways);
  // 서울에서: as written and as its stem, so that 서울은 and 서울에서 both hit.
  EXPECT_EQ(flags_of(gazetteer, U"서울에서"), ner::gazetteer_flag(NerType::kLocation, 0) | kAlways);
  EXPECT_EQ(flags_of(gazetteer, U"서울"), ner::gazetteer_flag(NerType::kLocation, 0) | kAlways);
  EXPECT_EQ(flags_of(gazetteer, U"삼성전자"),
            ner::gazetteer_flag(NerType::kOrganization, 0) | kHalf);
  EXPECT_EQ(flags_of(gazetteer, U"발표"), 0);
  EXPECT_EQ(flags_of(gazetteer, U"17일"), 0);
  // A word that was a name in under a quarter of its occurrences is left out.
  for (int i = 0; i < 5; ++i) ner::count_gazetteer(annotated("삼성전자 주가", {}), counts);
  EXPECT_EQ(flags_of(ner::build_gazetteer(counts, 0.25), U"삼성전자"), 0);
  EXPECT_NE(flags_of(ner::build_gazetteer(counts, 0.2), U"삼성전자"), 0);
  // A title is never a name word, even when a span kept it (저커버그 CEO).
  ner::count_gazetteer(annotated("저커버그 CEO는", {{0, 8, NerType::kPerson, 1.0}}), counts);
  EXPECT_NE(flags_of(ner::build_gazetteer(counts), U"CEO"), 0);
  const ner::WordClusters titles({{key(U"CEO"), ner::kLexiconRole}});
  EXPECT_EQ(flags_of(ner::build_gazetteer(counts, 0.1, titles), U"CEO"), 0);
  EXPECT_NE(flags_of(ner::build_gazetteer(counts, 0.1, titles), U"저커버그"), 0);
}

TEST(NerTablesTest, GazetteerFeaturesTravelInTheModelFile) {
  ner::FeatureTables tables;
  tables.gazetteer =
      ner::WordClusters({{key(U"포트만"), ner::gazetteer_flag(NerType::kPerson, 0) | 3 << 9}});
  const std::u32string text = U"포트만이 왔다";
  const std::vector<char32_t> chars(text.begin(), text.end());
  std::vector<std::uint64_t> with, without;
  ner::extract_features(chars, with, tables);
  ner::extract_features(chars, without, ner::FeatureTables{});
  auto at = [&](const std::vector<std::uint64_t>& h, std::size_t i, int f) {
    return h[i * ner::kFeaturesPerChar + static_cast<std::size_t>(f)];
  };
  const int own = ner::kFirstGazetteerFeature;
  EXPECT_NE(at(with, 0, own), ner::kAbsent);
  EXPECT_EQ(at(without, 0, own), ner::kAbsent);
  EXPECT_EQ(at(with, 6, own), ner::kAbsent);  // 왔다: not in the gazetteer
  for (int f = 0; f < ner::kFirstGazetteerFeature; ++f)
    EXPECT_EQ(at(with, 0, f), at(without, 0, f));

  ner::ModelParameters parameters;
  parameters.table_bits = 16;  // 2^12 rows: another feature shares the row
  parameters.weights.assign((std::size_t{1} << 16) * ner::kRowWidth, 0.0f);
  parameters.transitions.assign((ner::kTagCount + 1) * ner::kTagCount, 0.0f);
  parameters.gazetteer = tables.gazetteer;
  parameters.weights[ner::slot_of(at(with, 0, own), 16) * ner::kRowWidth +
                     ner::begin_tag(NerType::kPerson)] = 1.0f;
  const NerModel model = NerModel::parse(ner::serialize(parameters), "gazetteer");
  EXPECT_EQ(model.label("포트만이 왔다").size(), 1u);
  EXPECT_EQ(ner::serialize(parameters), ner::serialize(parameters));
  parameters.gazetteer = {};
  EXPECT_TRUE(NerModel::parse(ner::serialize(parameters), "none").label("포트만이 왔다").empty());
}

}  // namespace
}  // namespace news
