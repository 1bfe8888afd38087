// names/candidates.h — span proposals for people, organizations and places.
//
// Takes an article's paragraphs (and their tokens when the tokenizer ran)
// plus the name lexicons; gives candidate spans, each with a type, a score
// and the evidence that proposed it ("lexicon", "title:대표", "cue:주가", …).
// Proposing is kept apart from choosing and from clustering (news/clusters.h)
// so that another proposer — a trained model — can add its own candidates
// and the same selection and clustering turn them into entities.
//
// Spans are byte ranges of a paragraph's text and never include a particle:
// 알트먼이 → 알트먼, 김철수씨는 → 김철수.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"
#include "names/name_lexicons.h"
#include "names/ner_model.h"

namespace news {

struct NameCandidate {
  int paragraph = 0;
  std::size_t start = 0;  // bytes into the paragraph text
  std::size_t end = 0;
  std::size_t first_token = 0;  // tokens covered, inclusive
  std::size_t last_token = 0;
  NameType type = NameType::kPerson;
  std::string kind;  // organizations and places, when known
  std::string canonical;  // the full form this surface stands for (MS → 마이크로소프트), if known
  double score = 0.0;    // 0…1: how sure the proposer is
  std::string evidence;  // what proposed it, for debugging and for combining proposers
};

// The tokens the name finder works on: a simple split at spaces and
// punctuation with particles from data/name_particles.txt taken off (a stem
// seen elsewhere in the article with a particle of its own stays whole:
// 브록만도 … 브록만; a known name or given name stays whole). When the
// tokenizer filled each paragraph's `tokens`, its boundaries are kept and
// this particle decision is applied to the words both agree on.
std::vector<std::vector<Token>> name_tokens(const std::vector<Paragraph>& paragraphs,
                                            const NameLexicons& lexicons);

// A role title after a Korean name and the person's workplace, the usual way
// news introduces someone (박영민 영풍 석포제련소 대표이사, 류석춘 전 연세대
// 교수, or the post written on to the workplace: 배상윤 석포제련소장), or
// nullptr. `tokens` are the name_tokens() of `text` and `last` the name's
// token. The rules read names with it and the lexicon builder counts such
// titles in unannotated news with it.
const TitleInfo* title_after_workplace(const std::string& text, const std::vector<Token>& tokens,
                                       std::size_t last, const NameLexicons& lexicons);

// Proposals from lexicons and local rules, paragraph by paragraph.
std::vector<NameCandidate> propose_names(const std::vector<Paragraph>& paragraphs,
                                         const std::vector<std::vector<Token>>& tokens,
                                         const NameLexicons& lexicons);

// Proposals from the trained model (news/ner_model.h): its person,
// organization and place spans in titles, body text, subheadings and captions
// that hold Hangul (it was trained on Korean), each kept only where it starts
// at a word and ends inside that word's stem or at its particle, and not a
// title, stop word or common word alone (the model sometimes tags CEO). The
// score grows with the model's confidence but stays below what the rules give
// a lexicon hit or a name with a title (0.85–0.95), so those override it;
// evidence is "model". Dates, times and quantities come from the value
// readers (news/values.h), not from here.
std::vector<NameCandidate> propose_from_model(const std::vector<Paragraph>& paragraphs,
                                              const std::vector<std::vector<Token>>& tokens,
                                              const NerModel& model, const NameLexicons& lexicons);

// Rule and model proposals as one list: where both name the same span with
// the same type they agree, and the rule's candidate keeps the higher score
// plus a bonus (evidence "…+model"); every other model candidate is added.
std::vector<NameCandidate> combine_candidates(const std::vector<Paragraph>& paragraphs,
                                              std::vector<NameCandidate> rules,
                                              std::vector<NameCandidate> model);
// Whether the model reads a paragraph: a title, body text, subheading or
// caption with Hangul in it.
bool model_reads(const Paragraph& paragraph);

// Keeps the best non-overlapping candidates (higher score, then longer, then
// earlier), then adds every other occurrence in the article of a name it kept
// (and of the last or first word of a person's full name: 알트먼 for 샘
// 알트먼), and the abbreviation a name is paired with: 뉴욕타임스(NYT) → NYT.
// The result is sorted by paragraph and start.
std::vector<NameCandidate> select_mentions(std::vector<NameCandidate> candidates,
                                           const std::vector<Paragraph>& paragraphs,
                                           const std::vector<std::vector<Token>>& tokens,
                                           const NameLexicons& lexicons);

}  // namespace news
