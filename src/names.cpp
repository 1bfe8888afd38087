#include "news/names.h"

#include "news/candidates.h"
#include "news/clusters.h"

namespace news {

void extract_names(const std::vector<Paragraph>& paragraphs, const NameLexicons& lexicons,
                   Entities& entities) {
  const std::vector<std::vector<Token>> tokens = name_tokens(paragraphs, lexicons);
  std::vector<NameCandidate> mentions =
      select_mentions(propose_names(paragraphs, tokens, lexicons), paragraphs, tokens, lexicons);
  cluster_names(mentions, paragraphs, tokens, lexicons, entities);
}

}  // namespace news
