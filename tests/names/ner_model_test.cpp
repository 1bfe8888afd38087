#include "names/ner_model.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "train/ner_corpus.h"
#include "train/ner_tables.h"
#include "testing.h"

namespace news {
namespace {

const NerModel& shipped_model() {
  static const NerModel model = NerModel::load(testing::source_path("data/ner-model.bin"));
  return model;
}

std::string surface(std::string_view text, const NerSpan& span) {
  return std::string(text.substr(span.start, span.end - span.start));
}

// Whether the model finds `name` as a span of `type` in `text`.
bool finds(std::string_view text, const std::string& name, NerType type) {
  for (const NerSpan& span : shipped_model().label(text)) {
    if (surface(text, span) == name && span.type == type) return true;
  }
  return false;
}

std::string describe(std::string_view text) {
  std::string out;
  for (const NerSpan& span : shipped_model().label(text)) {
    // Appended piece by piece: g++ 12 warns (-Wrestrict, a false positive) on "[" + s + ….
    out.append("[")
        .append(surface(text, span))
        .append("/")
        .append(to_string(span.type))
        .append("] ");
  }
  return out;
}

TEST(NerModelTest, LoadsTheShippedModel) {
  const NerModel& model = shipped_model();
  EXPECT_GE(model.table_bits(), 12);
  EXPECT_GT(model.stored_rows(), 1000u);
}

TEST(NerModelTest, FindsTransliteratedNamesWithoutParticles) {
  const std::string text = "오픈AI 이사회는 17일 샘 알트먼 최고경영자(CEO)를 해임했다고 밝혔다.";
  EXPECT_TRUE(finds(text, "샘 알트먼", NerType::kPerson)) << describe(text);
  const std::string second =
      "사티아 나델라 마이크로소프트 CEO는 알트먼이 회사에 합류한다고 말했다.";
  EXPECT_TRUE(finds(second, "사티아 나델라", NerType::kPerson)) << describe(second);
  EXPECT_TRUE(finds(second, "마이크로소프트", NerType::kOrganization)) << describe(second);
  // 알트먼이: the particle 이 stays out of the span.
  const std::string third = "오픈AI 이사회는 샘 알트먼이 회사를 떠난다고 밝혔다.";
  EXPECT_TRUE(finds(third, "샘 알트먼", NerType::kPerson)) << describe(third);
}

TEST(NerModelTest, FindsKoreanNamesPlacesAndValues) {
  const std::string text = "김민수 대표는 지난 3일 서울 강남구에서 기자들과 만나 이같이 말했다.";
  EXPECT_TRUE(finds(text, "김민수", NerType::kPerson)) << describe(text);
  EXPECT_TRUE(finds(text, "서울 강남구", NerType::kLocation) ||
              finds(text, "서울", NerType::kLocation))
      << describe(text);
  EXPECT_TRUE(finds(text, "지난 3일", NerType::kDate) || finds(text, "3일", NerType::kDate))
      << describe(text);
}

TEST(NerModelTest, SpansAreOrderedByteRangesOnCharacterBoundaries) {
  const std::string text =
      "미국 뉴욕에서 일리야 수츠케버와 그렉 브록만이 만났다. 2023년 11월 18일.";
  const std::vector<NerSpan> spans = shipped_model().label(text);
  ASSERT_FALSE(spans.empty());
  std::size_t previous_end = 0;
  for (const NerSpan& span : spans) {
    EXPECT_LE(previous_end, span.start);
    EXPECT_LT(span.start, span.end);
    EXPECT_LE(span.end, text.size());
    // Not inside a UTF-8 sequence, no space at either edge.
    EXPECT_NE(static_cast<unsigned char>(text[span.start]) & 0xC0, 0x80);
    if (span.end < text.size()) {
      EXPECT_NE(static_cast<unsigned char>(text[span.end]) & 0xC0, 0x80);
    }
    EXPECT_NE(text[span.start], ' ');
    EXPECT_NE(text[span.end - 1], ' ');
    EXPECT_GT(span.confidence, 0.0);
    EXPECT_LT(span.confidence, 1.0);
    previous_end = span.end;
  }
}

TEST(NerModelTest, IsDeterministic) {
  const std::string text = "테슬라의 일론 머스크와 애플의 팀 쿡이 2일 워싱턴에서 만났다.";
  const std::vector<NerSpan> first = shipped_model().label(text);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(shipped_model().label(text), first);
  // Labelling a text does not depend on what was labelled before.
  shipped_model().label("전혀 다른 문장 하나를 먼저 읽는다.");
  EXPECT_EQ(shipped_model().label(text), first);
}

TEST(NerModelTest, SurvivesAnyBytes) {
  EXPECT_TRUE(shipped_model().label("").empty());
  const std::string bytes = std::string("\xFF\xFE 샘 \xE1\x80 알트먼\0x", 18) + "\xED\xA0\x80";
  for (const NerSpan& span : shipped_model().label(bytes)) EXPECT_LE(span.end, bytes.size());
  const ner::CodePoints points = ner::decode("a\xFF\xEA\xB0\x80");
  EXPECT_EQ(points.chars, (std::vector<char32_t>{U'a', 0xFFFD, U'가'}));
  EXPECT_EQ(points.offsets, (std::vector<std::size_t>{0, 1, 2, 5}));
}

TEST(NerModelTest, WordsWithoutLettersAnywhere) {
  // A last word of symbols only has an empty stem at the end of the text: the
  // features must not index one past it (caught by _GLIBCXX_ASSERTIONS).
  for (const char* text : {"고 고 ~~~♥~♥", "♥", "가 (\"“『「[", "!!!", "김민수 대표 ..."}) {
    for (const NerSpan& span : shipped_model().label(text)) {
      EXPECT_LE(span.end, std::string_view(text).size()) << text;
    }
  }
}

TEST(NerModelTest, CorruptOrTruncatedFileIsAnErrorNamingTheFile) {
  const std::string good = testing::read_file(testing::source_path("data/ner-model.bin"));
  ASSERT_GT(good.size(), 1000u);
  testing::TempDir dir;
  auto expect_error = [&](const std::string& bytes, const std::string& why) {
    const auto path = dir / "broken-model.bin";
    testing::write_file(path, bytes);
    try {
      NerModel::load(path);
      ADD_FAILURE() << "expected a NerModelError: " << why;
    } catch (const NerModelError& e) {
      EXPECT_NE(std::string(e.what()).find("broken-model.bin"), std::string::npos) << e.what();
    }
  };
  expect_error(good.substr(0, good.size() / 2), "truncated in the payload");
  expect_error(good.substr(0, 20), "truncated in the header");
  expect_error("", "empty");
  std::string flipped = good;
  flipped[good.size() - 7] ^= 0x10;
  expect_error(flipped, "a flipped bit in the weights");
  std::string magic = good;
  magic[0] = 'X';
  expect_error(magic, "bad magic");
  std::string version = good;
  version[8] = 9;
  expect_error(version, "another version");
  expect_error(good + "x", "trailing bytes");
  EXPECT_THROW(NerModel::load(dir / "missing.bin"), NerModelError);
}

TEST(NerModelTest, SerializeRoundTripsAndIsDeterministic) {
  ner::ModelParameters parameters;
  parameters.table_bits = 12;
  parameters.weights.assign((std::size_t{1} << 12) * ner::kRowWidth, 0.0f);
  parameters.transitions.assign((ner::kTagCount + 1) * ner::kTagCount, 0.0f);
  // Every character is B-PS then I-PS: the whole text is one person.
  std::vector<std::uint64_t> hashes;
  ner::extract_features({U'가'}, hashes);
  const std::size_t bias = ner::slot_of(hashes[0], 12);
  parameters.weights[bias * ner::kRowWidth + ner::inside_tag(NerType::kPerson)] = 2.0f;
  parameters.weights[bias * ner::kRowWidth + ner::begin_tag(NerType::kPerson)] = 1.0f;
  const std::string bytes = ner::serialize(parameters);
  EXPECT_EQ(bytes, ner::serialize(parameters));
  const NerModel model = NerModel::parse(bytes, "tiny");
  EXPECT_EQ(model.stored_rows(), 1u);
  parameters.clusters = ner::WordClusters({{42, 1}, {7, 2}});
  EXPECT_EQ(NerModel::parse(ner::serialize(parameters), "tiny").label("가나다").size(), 1u);
  const std::vector<NerSpan> spans = model.label("가나다");
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].start, 0u);
  EXPECT_EQ(spans[0].end, 9u);
  EXPECT_EQ(spans[0].type, NerType::kPerson);
}

// The vectorized `label` against the plain decoder: random integer weights
// (quantized exactly: the largest weight sits in a row no feature of the text
// uses, so the file's scale is 1 and every other row's step is 1) give the
// same tags through NerModel::label as through emissions summed here and
// ner::best_tags.
TEST(NerModelTest, LabelMatchesThePlainDecoder) {
  constexpr int kBits = 10;
  const std::u32string text32 = U"김민수대표와오픈AI의샘알트먼이서울에서만났다2023년";
  const std::vector<char32_t> chars(text32.begin(), text32.end());
  std::string text;
  for (char32_t c : chars) {
    if (c < 0x80) {
      text.push_back(static_cast<char>(c));
    } else {
      text.push_back(static_cast<char>(0xE0 | (c >> 12)));
      text.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      text.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  std::vector<std::uint64_t> hashes;
  ner::extract_features(chars, hashes);
  std::vector<bool> used(std::size_t{1} << kBits, false);
  for (std::uint64_t h : hashes) used[ner::slot_of(h, kBits)] = true;
  std::size_t unused = 1;
  while (used[unused]) ++unused;

  std::mt19937 random(12345);
  std::uniform_int_distribution<int> weight(-40, 40);
  ner::ModelParameters parameters;
  parameters.table_bits = kBits;
  parameters.weights.assign((std::size_t{1} << kBits) * ner::kRowWidth, 0.0f);
  for (std::size_t r = 0; r < (std::size_t{1} << kBits); ++r) {
    for (int y = 0; y < ner::kTagCount; ++y)
      parameters.weights[r * ner::kRowWidth + y] = static_cast<float>(weight(random));
  }
  parameters.weights[unused * ner::kRowWidth] = 32767.0f;
  parameters.transitions.resize((ner::kTagCount + 1) * ner::kTagCount);
  for (float& t : parameters.transitions) t = static_cast<float>(weight(random));
  const NerModel model = NerModel::parse(ner::serialize(parameters), "random");

  const std::size_t n = chars.size();
  std::vector<float> emissions(n * ner::kTagCount, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    for (int f = 0; f < ner::kFeaturesPerChar; ++f) {
      const std::size_t row = ner::slot_of(hashes[i * ner::kFeaturesPerChar + f], kBits);
      for (int y = 0; y < ner::kTagCount; ++y)
        emissions[i * ner::kTagCount + y] += parameters.weights[row * ner::kRowWidth + y];
    }
  }
  const std::vector<ner::TagSpan> expected =
      ner::spans_of(ner::best_tags(emissions, n, parameters.transitions));
  const ner::CodePoints points = ner::decode(text);
  std::vector<NerSpan> want;
  for (const ner::TagSpan& s : expected)
    want.push_back({points.offsets[s.start], points.offsets[s.end], s.type, 0.0});
  std::vector<NerSpan> got = model.label(text);
  for (NerSpan& span : got) span.confidence = 0.0;
  EXPECT_FALSE(want.empty());
  EXPECT_EQ(got, want);
}

TEST(NerModelTest, StemLexiconFeaturesFireOnlyForListedWords) {
  auto key = [](std::u32string_view word) { return ner::stem_key(word.data(), word.size()); };
  const ner::WordClusters lexicon({{key(U"김"), ner::kLexiconSurname},
                                   {key(U"대표"), ner::kLexiconRole},
                                   {key(U"전자"), ner::kLexiconOrgSuffix}});
  const std::u32string text = U"김민수 대표는 삼성전자에 갔다";
  const std::vector<char32_t> chars(text.begin(), text.end());
  std::vector<std::uint64_t> with, without;
  ner::extract_features(chars, with, {}, lexicon);
  ner::extract_features(chars, without);
  constexpr int kOwn = ner::kFirstLexiconFeature;  // the three lexicon features
  auto at = [&](const std::vector<std::uint64_t>& h, std::size_t i, int f) {
    return h[i * ner::kFeaturesPerChar + static_cast<std::size_t>(f)];
  };
  // Without a lexicon they are absent everywhere; the other features do not change.
  for (std::size_t i = 0; i < chars.size(); ++i) {
    for (int f = kOwn; f < ner::kFeaturesPerChar; ++f) EXPECT_EQ(at(without, i, f), ner::kAbsent);
    for (int f = 0; f < kOwn; ++f) EXPECT_EQ(at(with, i, f), at(without, i, f));
  }
  // 김민수: a surname and two syllables, followed by a title.
  EXPECT_NE(at(with, 0, kOwn), ner::kAbsent);
  EXPECT_NE(at(with, 0, kOwn + 1), ner::kAbsent);
  // 대표는: a role; 갔다 knows nothing.
  EXPECT_NE(at(with, 4, kOwn), ner::kAbsent);
  EXPECT_EQ(at(with, text.size() - 1, kOwn), ner::kAbsent);
  // 삼성전자에: ends with an organization suffix.
  EXPECT_NE(at(with, 8, kOwn), ner::kAbsent);
  // The lexicon travels in the model file.
  ner::ModelParameters parameters;
  parameters.table_bits = 12;
  parameters.weights.assign((std::size_t{1} << 12) * ner::kRowWidth, 0.0f);
  parameters.transitions.assign((ner::kTagCount + 1) * ner::kTagCount, 0.0f);
  parameters.lexicon = lexicon;
  parameters.weights[ner::slot_of(at(with, 0, kOwn), 12) * ner::kRowWidth +
                     ner::begin_tag(NerType::kPerson)] = 1.0f;
  const std::string bytes = ner::serialize(parameters);
  const NerModel model = NerModel::parse(bytes, "lexicon");
  EXPECT_EQ(model.label("김민수 대표는").size(), 1u);
  parameters.lexicon = {};
  EXPECT_TRUE(NerModel::parse(ner::serialize(parameters), "none").label("김민수 대표는").empty());
}

TEST(NerModelTest, BestTagsKeepsBioAndAllowedMasks) {
  const std::size_t n = 3;
  std::vector<float> emissions(n * ner::kTagCount, 0.0f);
  const std::vector<float> transitions((ner::kTagCount + 1) * ner::kTagCount, 0.0f);
  // I-OG scores best everywhere, but cannot start a text: B-OG I-OG I-OG.
  for (std::size_t i = 0; i < n; ++i) {
    emissions[i * ner::kTagCount + ner::begin_tag(NerType::kOrganization)] = 1.0f;
    emissions[i * ner::kTagCount + ner::inside_tag(NerType::kOrganization)] = 5.0f;
  }
  EXPECT_EQ(ner::best_tags(emissions, n, transitions),
            (std::vector<int>{ner::begin_tag(NerType::kOrganization),
                              ner::inside_tag(NerType::kOrganization),
                              ner::inside_tag(NerType::kOrganization)}));
  // Only O allowed in the middle.
  const std::vector<std::uint16_t> allowed = {0xFFFF, 1, 0xFFFF};
  const std::vector<int> tags = ner::best_tags(emissions, n, transitions, allowed);
  EXPECT_EQ(tags[1], 0);
  const std::vector<ner::TagSpan> spans = ner::spans_of(tags);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].end, 1u);
  EXPECT_EQ(spans[1].start, 2u);
}

TEST(NerModelTest, StemsDropEdgePunctuationAndOneParticle) {
  auto stem = [](std::u32string_view word) {
    const ner::StemRange r = ner::stem_of(word.data(), word.size());
    return std::u32string(word.substr(r.begin, r.end - r.begin));
  };
  EXPECT_EQ(stem(U"알트먼이"), U"알트먼");
  EXPECT_EQ(stem(U"“서울에서”"), U"서울");
  EXPECT_EQ(stem(U"오픈AI의"), U"오픈AI");
  EXPECT_EQ(stem(U"이"), U"이");  // a particle alone is a word, not an ending
  EXPECT_EQ(stem(U"…"), U"");
}

TEST(NerModelTest, WordClustersFindByStemKey) {
  const std::u32string a = U"나델라", b = U"머스크";
  const ner::WordClusters clusters(
      {{ner::stem_key(b.data(), b.size()), 7}, {ner::stem_key(a.data(), a.size()), 3}});
  EXPECT_EQ(clusters.find(ner::stem_key(a.data(), a.size())), 3);
  EXPECT_EQ(clusters.find(ner::stem_key(b.data(), b.size())), 7);
  const std::u32string c = U"피차이";
  EXPECT_EQ(clusters.find(ner::stem_key(c.data(), c.size())), 0);
  // Fullwidth and ASCII spellings are one key.
  const std::u32string ascii = U"AI", fullwidth = U"\uFF21\uFF29";
  EXPECT_EQ(ner::stem_key(ascii.data(), 2), ner::stem_key(fullwidth.data(), 2));
}

TEST(NerModelTest, ScoresExactSpansAndIgnoresUnannotatedTypes) {
  AnnotatedSentence sentence;
  sentence.annotation = Annotation::kMultiConer;
  sentence.entities = {{0, 3, NerType::kPerson}, {5, 7, NerType::kLocation}};
  NerScore score;
  score.add(sentence,
            {{0, 3, NerType::kPerson}, {5, 8, NerType::kLocation}, {9, 11, NerType::kDate}});
  EXPECT_EQ(score.by_type[0].true_positives, 1u);
  EXPECT_EQ(score.by_type[2].false_positives, 1u);
  EXPECT_EQ(score.by_type[2].false_negatives, 1u);
  EXPECT_EQ(score.by_type[3].false_positives, 0u);  // MultiCoNER has no dates
  EXPECT_FALSE(score.scored[3]);
  EXPECT_DOUBLE_EQ(score.micro().precision(), 0.5);
}

// The name lists in data/ are features of the model: the trainer copies the
// stem lexicon it builds from them into data/ner-model.bin. An edit to a list
// without retraining leaves the shipped model on the old lists and makes it
// unreproducible, so the suite says so.
TEST(NerModelTest, ShippedStemLexiconMatchesTheListsInData) {
  const auto built = ner::build_stem_lexicon(testing::source_path("data")).entries();
  const auto& stored = shipped_model().stem_lexicon().entries();
  std::size_t only_in_lists = 0, only_in_model = 0, other_flags = 0;
  std::size_t i = 0, j = 0;
  while (i < built.size() || j < stored.size()) {
    if (j == stored.size() || (i < built.size() && built[i].first < stored[j].first)) {
      ++only_in_lists, ++i;
    } else if (i == built.size() || stored[j].first < built[i].first) {
      ++only_in_model, ++j;
    } else {
      other_flags += built[i].second != stored[j].second ? 1 : 0;
      ++i, ++j;
    }
  }
  EXPECT_TRUE(only_in_lists == 0 && only_in_model == 0 && other_flags == 0)
      << "data/ner-model.bin was trained with other name lists than data/ holds today ("
      << only_in_lists << " stems only in the lists, " << only_in_model
      << " only in the model, " << other_flags
      << " with other flags). The lists (people, given_names, organizations, locations, "
         "person_titles, surnames, org_suffixes, place_units) are the model's features: "
         "run `make ner-model` and commit data/ner-model.bin with the edit to data/.";
}

TEST(NerModelTest, KlueHoldOutFromSharedData) {
  const auto path = testing::shared_path("data/klue-ner/train.first5000.jsonl");
  if (!path) GTEST_SKIP() << "no ../shared/data/klue-ner";
  NerScore score;
  std::size_t sentences = 0;
  for (const AnnotatedSentence& s : read_annotated(*path, Annotation::kKlue)) {
    if (s.line % 10 != 0) continue;
    score.add(s, predict(shipped_model(), s));
    ++sentences;
  }
  EXPECT_EQ(sentences, 500u);
  // Far above what a broken model or a changed feature set gives (≈ 0).
  EXPECT_GT(score.micro().f1(), 0.75) << score.table();  // the shipped model: 0.791
  EXPECT_GT(score.by_type[static_cast<int>(NerType::kPerson)].f1(), 0.72) << score.table();
}

}  // namespace
}  // namespace news
