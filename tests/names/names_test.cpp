#include "names/names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline.h"
#include "names/names_testing.h"
#include "resources.h"

namespace news {
namespace {

using names_testing::names_of;
using names_testing::resources;
using names_testing::find;
using names_testing::has;

TEST(NamesTest, KoreanNameWithTitleAndNoParticle) {
  const Entities e = names_of("김영수 대표는 이날 기자간담회에서 신제품을 공개했다고 밝혔다.");
  const NamedEntity* person = find(e.people, "김영수");
  ASSERT_NE(person, nullptr);
  EXPECT_TRUE(has(person->roles, "대표"));
  ASSERT_EQ(person->mentions.size(), 1u);
  EXPECT_EQ(person->mentions[0].text, "김영수");
  EXPECT_EQ(person->mentions[0].start, 0u);
  EXPECT_EQ(person->mentions[0].end, std::string("김영수").size());
}

TEST(NamesTest, ForeignNameWithRoleAndOrganizationBeforeIt) {
  const Entities e = names_of("애플 공동창업자 스티브 워즈니악은 새 회사를 세웠다.");
  const NamedEntity* person = find(e.people, "스티브 워즈니악");
  ASSERT_NE(person, nullptr);
  EXPECT_TRUE(has(person->roles, "공동창업자"));
  EXPECT_TRUE(has(person->organizations, "애플"));
  ASSERT_NE(find(e.organizations, "애플"), nullptr);
}

TEST(NamesTest, RoleAndOrganizationAfterTheName) {
  const Entities e = names_of(
      "에릭 하트먼 노바텍 CEO는 투자를 늘리겠다고 말했다.\n하트먼은 이어 채용 계획도 밝혔다.");
  const NamedEntity* person = find(e.people, "에릭 하트먼");
  ASSERT_NE(person, nullptr);
  EXPECT_TRUE(has(person->roles, "CEO"));
  EXPECT_TRUE(has(person->organizations, "노바텍"));
  EXPECT_TRUE(has(person->aliases, "하트먼"));
  EXPECT_EQ(person->mentions.size(), 2u);
  EXPECT_EQ(find(e.people, "하트먼"), nullptr) << "the surname alone joins the full name";
  const NamedEntity* org = find(e.organizations, "노바텍");
  ASSERT_NE(org, nullptr);
}

TEST(NamesTest, KoreanNameBeforeItsWorkplaceAndTitle) {
  const Entities e = names_of(
      "검찰은 정민호 한빛금속 온산제련소 대표이사를 구속 기소했다.\n"
      "검찰은 윤재석 온산제련소장도 기소했다.\n"
      "류현철 전 연세대 교수는 반발했다.\n"
      "정현우 서초경찰서 팀장은 브리핑에서 밝혔다.\n"
      "한동수 전통시장 상인회장과 김영철 주식시장 분석가가 만났다.");
  EXPECT_NE(find(e.people, "정민호"), nullptr);
  const NamedEntity* director = find(e.people, "윤재석");
  ASSERT_NE(director, nullptr);
  EXPECT_TRUE(has(director->roles, "소장")) << "the post written on to the workplace";
  const NamedEntity* professor = find(e.people, "류현철");
  ASSERT_NE(professor, nullptr) << "전 (former) before the workplace";
  EXPECT_TRUE(has(professor->roles, "전 교수"));
  EXPECT_NE(find(e.people, "정현우"), nullptr) << "a workplace that ends like a verb (경찰서)";
  if (const NamedEntity* merchant = find(e.people, "한동수")) {
    EXPECT_FALSE(has(merchant->roles, "시장")) << "전통시장 is a market, not a mayor";
  }
  if (const NamedEntity* analyst = find(e.people, "김영철")) {
    EXPECT_FALSE(has(analyst->roles, "시장"));
  }
  for (const NamedEntity& person : e.people) {
    EXPECT_EQ(person.name.find("제련소"), std::string::npos) << person.name;
    EXPECT_EQ(person.name.find("한빛금속"), std::string::npos) << person.name;
  }
}

TEST(NamesTest, WorkplaceAndTitleWithoutANameMakeNoPerson) {
  const Entities e = names_of(
      "한빛금속 온산제련소 대표이사 구속기소\n"
      "짐을 남겨둔 세입자 이사를 찾았다.\n"
      "짐 일부를 남겨둔 채 이사를 갔다.\n"
      "매년 3000명가량 배출되던 신규 의사 공급이 끊긴다.\n"
      "경영 책임자인 원청 대표이사가 기소됐다.\n"
      "성남시청 공무원인 오모 씨를 통해 전달했다.\n"
      "의사 등 전문가로 이뤄진 감정관리위원을 위촉했다.");
  ASSERT_EQ(e.people.size(), 1u);
  EXPECT_EQ(e.people[0].name, "오") << "오모 씨 is the one person (anonymized)";
}

TEST(NamesTest, KnownNameGluedToTheWordBeforeIt) {
  // Scraped run-on text: a headline ending in 하락 ran into the body.
  const Entities e = names_of("테슬라 주가 1% 하락마이크로소프트 이사회가 회의를 열었다.");
  const NamedEntity* org = find(e.organizations, "마이크로소프트");
  ASSERT_NE(org, nullptr);
  ASSERT_EQ(org->mentions.size(), 1u);
  EXPECT_EQ(org->mentions[0].text, "마이크로소프트");
  EXPECT_EQ(find(e.organizations, "하락마이크로소프트"), nullptr);
}

TEST(NamesTest, HangulTitleAfterADescriptorMakesNoOrganization) {
  const Entities e = names_of(
      "이정재 서울중앙지법 영장 전담 부장판사가 심리했다.\n"
      "그는 주무 부처 장관으로서 책임을 통감한다고 말했다.\n"
      "법무법인 한결 변호사는 항소하겠다고 밝혔다.");
  EXPECT_EQ(find(e.organizations, "전담"), nullptr);
  EXPECT_EQ(find(e.organizations, "부처"), nullptr);
  const NamedEntity* firm = find(e.organizations, "법무법인 한결");
  ASSERT_NE(firm, nullptr) << "법무법인 names the firm after it";
  EXPECT_EQ(firm->mentions[0].text, "법무법인 한결");
}

TEST(NamesTest, KoreanNameEndingInAPlaceUnitAfterAPlaceIsAName) {
  const Entities e = names_of("서울 서초구 이명현 특별검사 사무실에서 브리핑이 열렸다.");
  for (const NamedEntity& place : e.locations)
    EXPECT_EQ(place.name.find("이명현"), std::string::npos) << place.name;
}

TEST(NamesTest, EnglishPlaceNamesOfTwoWords) {
  const Entities e = names_of(
      "The group worked with United Devices in New Zealand and South America.\n"
      "Labour and the Tories traded blows over the budget.");
  for (const NamedEntity& place : e.locations) {
    EXPECT_NE(place.name, "United");
    EXPECT_NE(place.name, "New");
    EXPECT_NE(place.name, "South");
  }
  EXPECT_NE(find(e.locations, "New Zealand"), nullptr);
  EXPECT_NE(find(e.locations, "South America"), nullptr);
  EXPECT_NE(find(e.organizations, "Labour"), nullptr);
}

TEST(NamesTest, BareSurnameGoesToTheMostSalientFullName) {
  const Entities e = names_of(
      "톰 벨로우 CTO가 회의를 열었다.\n톰 벨로우 CTO는 계획을 설명했다.\n"
      "그의 동생 제인 벨로우도 참석했다.\n벨로우는 \"계속하겠다\"고 말했다.");
  const NamedEntity* tom = find(e.people, "톰 벨로우");
  const NamedEntity* jane = find(e.people, "제인 벨로우");
  ASSERT_NE(tom, nullptr);
  ASSERT_NE(jane, nullptr);
  EXPECT_EQ(tom->mentions.size(), 3u);
  EXPECT_EQ(jane->mentions.size(), 1u);
  EXPECT_TRUE(has(tom->aliases, "벨로우"));
}

TEST(NamesTest, LexiconAliasJoinsItsFullForm) {
  const Entities e = names_of("마이크로소프트는 신제품을 냈다.\nMS 주가는 2% 올랐다.");
  const NamedEntity* org = find(e.organizations, "마이크로소프트");
  ASSERT_NE(org, nullptr);
  EXPECT_TRUE(has(org->aliases, "MS"));
  EXPECT_EQ(org->kind, "company");
  EXPECT_EQ(org->mentions.size(), 2u);
}

TEST(NamesTest, AbbreviationPairedInParenthesesJoins) {
  const Entities e = names_of("한빛전자(HBE)는 실적을 발표했다.\nHBE 측은 \"문제없다\"고 밝혔다.");
  const NamedEntity* org = find(e.organizations, "한빛전자");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->kind, "company");
  EXPECT_TRUE(has(org->aliases, "HBE"));
  EXPECT_EQ(org->mentions.size(), 3u);  // 한빛전자, (HBE), HBE
}

TEST(NamesTest, MediaNamedAsSourceIsMedia) {
  const Entities e =
      names_of("데일리파노라마 보도에 따르면 협상은 결렬됐다. 블룸버그도 같은 내용을 전했다.");
  const NamedEntity* cue = find(e.organizations, "데일리파노라마");
  ASSERT_NE(cue, nullptr);
  EXPECT_EQ(cue->kind, "media");
  const NamedEntity* known = find(e.organizations, "블룸버그");
  ASSERT_NE(known, nullptr);
  EXPECT_EQ(known->kind, "media");
}

TEST(NamesTest, OrganizationFromContext) {
  const Entities e = names_of("루미나랩 측은 사실이 아니라고 반박했다.");
  ASSERT_NE(find(e.organizations, "루미나랩"), nullptr);
}

TEST(NamesTest, PlacesAndAddressChains) {
  const Entities e = names_of("사고는 서울 강남구 신사동에서 났다. 프랑스와 독일도 우려를 표했다.");
  EXPECT_NE(find(e.locations, "서울 강남구 신사동"), nullptr);
  EXPECT_NE(find(e.locations, "프랑스"), nullptr);
  EXPECT_NE(find(e.locations, "독일"), nullptr);
}

TEST(NamesTest, SurnameWithHonorificJoinsTheFullName) {
  const Entities e =
      names_of("피해자 박민호 씨는 병원으로 옮겨졌다.\n경찰은 박씨를 상대로 경위를 조사했다.");
  const NamedEntity* person = find(e.people, "박민호");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->mentions.size(), 2u);
  EXPECT_EQ(person->mentions[1].text, "박");
}

TEST(NamesTest, AgeInParenthesesBeforeWorkplaceAndTitle) {
  // Rules alone: the age between the name and its workplace does not hide
  // the title (고창환(67) 세모 대표 is how court news names a defendant).
  const Entities e = names_of("함께 기소된 고창환(67) 세모 대표는 혐의를 부인했다.");
  EXPECT_NE(find(e.people, "고창환"), nullptr);
}

TEST(NamesTest, LegalFormMakesTheNameAnOrganizationThroughoutTheArticle) {
  // 태평양 is the Pacific in data/locations.txt; after 법무법인 it is the law
  // firm, and so is 태평양 alone later in the article.
  const Entities e = names_of(
      "법무법인 태평양은 건설 분야 변호사를 영입했다고 밝혔다.\n"
      "태평양 관계자는 \"고객 서비스를 강화하겠다\"고 말했다.");
  const NamedEntity* firm = find(e.organizations, "법무법인 태평양");
  ASSERT_NE(firm, nullptr);
  EXPECT_EQ(firm->mentions.size(), 2u);
  EXPECT_TRUE(has(firm->aliases, "태평양"));
  EXPECT_EQ(find(e.locations, "태평양"), nullptr);
  // Without the legal form the ocean stays a place.
  EXPECT_NE(find(names_of("태평양 연안의 수온이 올랐다.").locations, "태평양"), nullptr);
}

TEST(NamesTest, ACountryRightAfterACountryIsNoPlace) {
  // 인도 is India and extradition: 미국 인도 is the second.
  const Entities e = names_of("법원은 그의 미국 인도를 허가했다.");
  EXPECT_NE(find(e.locations, "미국"), nullptr);
  EXPECT_EQ(find(e.locations, "인도"), nullptr);
  EXPECT_EQ(find(e.locations, "미국 인도"), nullptr);
  EXPECT_NE(find(names_of("인도 정부는 이날 성명을 냈다.").locations, "인도"), nullptr);
}

TEST(NamesTest, ListedCompaniesAreFoundWithTheirStockCode) {
  const Entities e = names_of(
      "한화에어로스페이스가 수주했다.\n대신증권 연구원은 삼성전자 주가가 오를 것이라고 봤다.");
  const NamedEntity* maker = find(e.organizations, "한화에어로스페이스");
  ASSERT_NE(maker, nullptr);
  ASSERT_TRUE(maker->listing.has_value());
  EXPECT_EQ(maker->listing->code, "012450");
  const NamedEntity* samsung = find(e.organizations, "삼성전자");
  ASSERT_NE(samsung, nullptr);
  ASSERT_TRUE(samsung->listing.has_value());
  EXPECT_EQ(samsung->listing->market, "KOSPI");
  // An unlisted organization has none; an everyday word is no company.
  const Entities other = names_of("오픈AI는 대상 기업을 선정했다.");
  const NamedEntity* openai = find(other.organizations, "오픈AI");
  ASSERT_NE(openai, nullptr);
  EXPECT_FALSE(openai->listing.has_value());
  EXPECT_EQ(find(other.organizations, "대상"), nullptr);
}

TEST(NamesTest, APlaceChainEndsBeforeTheWordItWasCutInside) {
  // The model reads [경남 사천시 한국]항공우주산업; the place is 경남 사천시.
  std::vector<Paragraph> ps(1);
  ps[0].text = "경남 사천시 한국항공우주산업 본사에서 회의가 열렸다.";
  Entities e;
  extract_names(ps, resources().names, &*resources().ner_model, e);
  EXPECT_NE(find(e.locations, "경남 사천시"), nullptr);
  for (const NamedEntity& place : e.locations) EXPECT_EQ(place.name.find("한국"), std::string::npos);
  EXPECT_NE(find(e.organizations, "한국항공우주산업"), nullptr);
}

TEST(NamesTest, AnObituaryWordAfterATitleIsNoName) {
  // 부친상 is shaped like a name (부 + 친상) and follows a title here.
  const Entities e = names_of(
      "▲엄찬용 별세, 엄태상 한빛코리아 부사장·엄성신 한빛포워드 대표 부친상=3일 서울아산병원");
  EXPECT_EQ(find(e.people, "부친상"), nullptr);
  EXPECT_NE(find(e.people, "엄찬용"), nullptr);
}

TEST(NamesTest, HonorificMakesAPersonOfACommonWord) {
  // 유병호 is in data/common_words.txt (the corpus writes it without a title
  // the lexicon builder recognizes); 씨 after it still makes it a person.
  ASSERT_TRUE(resources().names.is_common("유병호"));
  EXPECT_NE(find(names_of("동생 유병호(61)씨의 횡령 사건이 병합됐다.").people, "유병호"), nullptr);
  EXPECT_NE(find(names_of("유병호 씨는 혐의를 부인했다.").people, "유병호"), nullptr);
}

TEST(NamesTest, SurnameAliasNamesNoOtherWord) {
  // 이씨 is the person; 이 사건 ("this case") and the copula of 것"이라고 are not.
  const Entities e = names_of(
      "검찰은 10일 이진호(54) 전 장관을 소환했다. 이씨는 이 사건과 관련해 혐의를 부인했다.\n"
      "검찰 관계자는 \"이 사건은 중대한 것\"이라고 말했다.");
  const NamedEntity* person = find(e.people, "이진호");
  ASSERT_NE(person, nullptr);
  ASSERT_EQ(person->mentions.size(), 2u);
  EXPECT_EQ(person->mentions[1].text, "이");
  EXPECT_EQ(person->mentions[1].start, 58u);  // bytes: 이씨, not 이 사건
  EXPECT_TRUE(has(person->roles, "전 장관"));
}

TEST(NamesTest, ObituaryListNamesPeopleNotRelations) {
  const Entities e = names_of(
      "▲한상우 별세, 김영희 남편상, 한철수·한영수 부친상, 박민정 빙모상, 이수진 장인상=10일 "
      "서울아산병원 장례식장, 발인 12일 오전 8시.");
  // (홍길동 itself, the Korean John Doe, is a common word: data/common_words.txt.)
  for (const char* name : {"한상우", "김영희", "한철수", "한영수", "박민정", "이수진"})
    EXPECT_NE(find(e.people, name), nullptr) << name;
  for (const NamedEntity& p : e.people) {
    for (const char* relation : {"남편상", "부친상", "모친상", "장인상", "빙모상", "별세"})
      EXPECT_EQ(p.name.find(relation), std::string::npos) << p.name;
  }
}

TEST(NamesTest, PlatformWrittenAsWhereSomethingWasPostedIsNoOrganization) {
  const Entities e = names_of(
      "그는 자신의 페이스북에 사진을 올렸다. 트위터를 통해 은퇴를 선언했다.\n"
      "메타는 이날 실적을 발표했다. 페이스북은 이용자가 늘었다.");
  EXPECT_EQ(find(e.organizations, "트위터"), nullptr);
  const NamedEntity* meta = find(e.organizations, "페이스북");  // the longest form: 메타 is its alias
  ASSERT_NE(meta, nullptr);
  // 페이스북은 … 늘었다 is the company; 페이스북에 (posted on) is not.
  EXPECT_EQ(meta->mentions.size(), 2u);
}

TEST(NamesTest, NoPlaceCutOutOfAWordOrAVerbForm) {
  const Entities e = names_of(
      "중국 고속도로 상에서 화재가 났다. 독일 분데스리가 최고의 공격수였다.\n"
      "대한민국 국민이라면 누구나 봐야 한다.");
  for (const NamedEntity& place : e.locations) {
    EXPECT_NE(place.name, "중국 고속도");
    EXPECT_NE(place.name, "독일 분데스리");
    EXPECT_NE(place.name, "대한민국 국민이라면");
  }
}

TEST(NamesTest, AnonymizedNamesWithTheirHonorific) {
  const Entities e =
      names_of("단원고 윤모양의 시신을 수습했다.\n저의 친형인 이 모씨에 대한 정보를 공개했다.");
  EXPECT_NE(find(e.people, "윤"), nullptr);
  EXPECT_NE(find(e.people, "이"), nullptr);
  EXPECT_EQ(find(names_of("그는 부모님과 함께 살았다.").people, "부"), nullptr);
  // An age in parentheses before the honorific; a letter with a rank.
  EXPECT_NE(find(names_of("경찰은 A(78)씨를 용의자로 보고 있다.").people, "A"), nullptr);
  EXPECT_NE(find(names_of("보도에 따르면 A 일병은 유서를 남겼다.").people, "A"), nullptr);
}

TEST(NamesTest, CommonWordsBesideTitlesAreNoPeople) {
  const Entities e = names_of("이사회 임원인 그는 발표 직후 회사 CEO 자리에서 물러났다.");
  EXPECT_EQ(find(e.people, "이사회"), nullptr);
  EXPECT_EQ(find(e.people, "발표 직후"), nullptr);
  for (const NamedEntity& p : e.people) EXPECT_NE(p.name, "CEO");
}

TEST(NamesTest, EnglishPeopleAndOrganizations) {
  const Entities e = names_of(
      "Sam Carter, the chief executive of Zentrix Inc, said sales rose.\nCarter met Microsoft "
      "staff in London.");
  const NamedEntity* person = find(e.people, "Sam Carter");
  ASSERT_NE(person, nullptr);
  EXPECT_TRUE(has(person->aliases, "Carter"));
  EXPECT_NE(find(e.organizations, "Zentrix Inc"), nullptr);
  EXPECT_NE(find(e.organizations, "Microsoft"), nullptr);
  EXPECT_NE(find(e.locations, "London"), nullptr);
}

TEST(NamesTest, EnglishCompaniesNamedByTheirIndustry) {
  // No Inc or Corp: the industry word ends the name (data/org_suffixes.txt).
  const Entities e = names_of(
      "Shares of Kestrel Airlines fell, while Nordvik Pharmaceuticals rose 3%.\n"
      "Kestrel Airlines said fuel costs doubled.");
  const NamedEntity* airline = find(e.organizations, "Kestrel Airlines");
  ASSERT_NE(airline, nullptr);
  EXPECT_EQ(airline->mentions.size(), 2u);
  EXPECT_EQ(airline->kind, "company");
  EXPECT_NE(find(e.organizations, "Nordvik Pharmaceuticals"), nullptr);
}

TEST(NamesTest, SameInputSameOutput) {
  const std::string text =
      "김영수 대표와 에릭 하트먼 노바텍 CEO가 서울에서 만났다.\n하트먼은 김 대표와 협력하겠다고 "
      "밝혔다.";
  const Entities a = names_of(text), b = names_of(text);
  ASSERT_EQ(a.people.size(), b.people.size());
  for (std::size_t i = 0; i < a.people.size(); ++i) {
    EXPECT_EQ(a.people[i].name, b.people[i].name);
    EXPECT_EQ(a.people[i].mentions.size(), b.people[i].mentions.size());
  }
}

TEST(NamesTest, AnalyzeFillsEntities) {
  const Document d =
      analyze("김영수 대표는 서울에서 기자들과 만났다.", Source{}, Options{}, resources());
  ASSERT_TRUE(d.entities);
  EXPECT_NE(find(d.entities->people, "김영수"), nullptr);
  EXPECT_NE(find(d.entities->locations, "서울"), nullptr);
}

// The seed article of issue 6 (read at run time; skipped without ../shared).
TEST(NamesTest, SeedArticle) {
  const std::filesystem::path seed = ANALYZE_SHARED_DIR "/seed/openai-altman-ko.txt";
  if (!std::filesystem::exists(seed)) GTEST_SKIP() << seed << " is absent";
  std::ifstream in(seed, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Document d = analyze(bytes, Source{}, Options{}, resources());
  ASSERT_TRUE(d.entities);
  const Entities& e = *d.entities;

  const NamedEntity* altman = find(e.people, "샘 알트먼");
  ASSERT_NE(altman, nullptr);
  EXPECT_TRUE(has(altman->aliases, "알트먼"));
  EXPECT_TRUE(has(altman->roles, "CEO"));
  EXPECT_TRUE(has(altman->organizations, "오픈AI"));
  const NamedEntity* nadella = find(e.people, "사티아 나델라");
  ASSERT_NE(nadella, nullptr);
  EXPECT_TRUE(has(nadella->roles, "CEO"));
  EXPECT_TRUE(has(nadella->organizations, "마이크로소프트"));
  for (const char* name : {"그렉 브록만", "미라 무라티", "일리야 수츠케버", "애니 알트먼",
                           "잭 알트먼", "매큐 파트허스트", "스콧"}) {
    EXPECT_NE(find(e.people, name), nullptr) << name;
  }
  for (const NamedEntity& p : e.people) {
    for (const char* wrong : {"이사회", "X", "CEO", "알트먼"}) EXPECT_NE(p.name, wrong);
    for (const Mention& m : p.mentions) {
      EXPECT_FALSE(m.text.ends_with("이") && m.text != "수츠케버") << m.text;
    }
  }
  for (const char* name :
       {"오픈AI", "마이크로소프트", "안티메탈", "골드만삭스", "테슬라", "조디악 에어로스페이스"}) {
    EXPECT_NE(find(e.organizations, name), nullptr) << name;
  }
  EXPECT_TRUE(has(find(e.organizations, "마이크로소프트")->aliases, "MS"));
  for (const char* name : {"디인포메이션", "벤처비트", "뉴욕타임스", "포브스"}) {
    const NamedEntity* media = find(e.organizations, name);
    ASSERT_NE(media, nullptr) << name;
    EXPECT_EQ(media->kind, "media") << name;
  }
  EXPECT_TRUE(has(find(e.organizations, "뉴욕타임스")->aliases, "NYT"));
  for (const NamedEntity& org : e.organizations) {
    for (const NamedEntity& person : e.people) {
      EXPECT_NE(org.name, person.name);
      EXPECT_FALSE(person.name.ends_with(" " + org.name)) << org.name << " is " << person.name;
    }
    EXPECT_NE(org.name, "하락오픈AI");
  }
  EXPECT_NE(find(e.locations, "미국"), nullptr);
  EXPECT_NE(find(e.locations, "프랑스"), nullptr);
}

TEST(NamesTest, ASuffixWordBeforeAKnownCompanyDescribesIt) {
  const Entities e = names_of("미국 항공우주그룹 보잉은 이날 새 여객기를 공개했다.");
  EXPECT_EQ(find(e.organizations, "항공우주그룹"), nullptr);
  EXPECT_NE(find(e.organizations, "보잉"), nullptr);
}

}  // namespace
}  // namespace news
