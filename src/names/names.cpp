#include "names/names.h"

#include "names/candidates.h"
#include "names/clusters.h"
#include <cstdio>
#include <cstdlib>

namespace news {

void extract_names(const std::vector<Paragraph>& paragraphs, const NameLexicons& lexicons,
                   const NerModel* model, Entities& entities) {
  const std::vector<std::vector<Token>> tokens = name_tokens(paragraphs, lexicons);
  std::vector<NameCandidate> candidates = propose_names(paragraphs, tokens, lexicons);
  if (std::getenv("DBG_NAMES")) for (const NameCandidate& c : candidates) {
      const std::string_view t = paragraphs[c.paragraph].text;
      std::fprintf(stderr, "rule p%d [%.*s] type=%d score=%.3f ev=%s\n", c.paragraph,
                   (int)(c.end - c.start), t.data() + c.start, (int)c.type, c.score, c.evidence.c_str());
  }
  if (model != nullptr) {
    candidates = combine_candidates(paragraphs, std::move(candidates),
                                    propose_from_model(paragraphs, tokens, *model, lexicons));
  }
  if (std::getenv("DBG_NAMES")) {
    for (const NameCandidate& c : candidates) {
      const std::string_view t = paragraphs[c.paragraph].text;
      std::fprintf(stderr, "cand p%d [%.*s] type=%d score=%.3f ev=%s\n", c.paragraph,
                   (int)(c.end - c.start), t.data() + c.start, (int)c.type, c.score, c.evidence.c_str());
    }
    if (model) for (const NameCandidate& c : propose_from_model(paragraphs, tokens, *model, lexicons)) {
      const std::string_view t = paragraphs[c.paragraph].text;
      std::fprintf(stderr, "model p%d [%.*s] type=%d score=%.3f\n", c.paragraph,
                   (int)(c.end - c.start), t.data() + c.start, (int)c.type, c.score);
    }
  }
  std::vector<NameCandidate> mentions =
      select_mentions(std::move(candidates), paragraphs, tokens, lexicons);
  cluster_names(mentions, paragraphs, tokens, lexicons, entities);
}

}  // namespace news
