#include "names/names.h"

#include "names/candidates.h"
#include "names/clusters.h"

namespace news {

void extract_names(const std::vector<Paragraph>& paragraphs, const NameLexicons& lexicons,
                   const NerModel* model, Entities& entities) {
  const std::vector<std::vector<Token>> tokens = name_tokens(paragraphs, lexicons);
  std::vector<NameCandidate> candidates = propose_names(paragraphs, tokens, lexicons);
  if (model != nullptr) {
    candidates = combine_candidates(paragraphs, std::move(candidates),
                                    propose_from_model(paragraphs, tokens, *model, lexicons));
  }
  std::vector<NameCandidate> mentions =
      select_mentions(std::move(candidates), paragraphs, tokens, lexicons);
  cluster_names(mentions, paragraphs, tokens, lexicons, entities);
}

}  // namespace news
