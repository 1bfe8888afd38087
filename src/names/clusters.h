// names/clusters.h — one record per person, organization or place.
//
// Takes the mentions chosen by select_mentions() (news/candidates.h) and
// gives the contract's clusters: `name` the fullest form, `aliases` the other
// surface forms, every mention, and for people the `roles` and
// `organizations` written beside them (사티아 나델라 마이크로소프트 CEO →
// role CEO, organization 마이크로소프트).
//
// A one-word person mention joins the full name whose last or first word it
// is (알트먼 → 샘 알트먼); with several such names (애니 알트먼) it goes to the
// most salient one — the most mentions, then the earliest — so the choice is
// deterministic. An alias a lexicon knows (MS → 마이크로소프트) or that the
// article pairs (뉴욕타임스(NYT)) joins its full form. Clusters are in
// first-mention order.
//
// Thread-safety: pure function of its arguments.
#pragma once

#include <vector>

#include "names/candidates.h"
#include "news/document.h"
#include "names/name_lexicons.h"

namespace news {

void cluster_names(const std::vector<NameCandidate>& mentions,
                   const std::vector<Paragraph>& paragraphs,
                   const std::vector<std::vector<Token>>& tokens, const NameLexicons& lexicons,
                   Entities& entities);

}  // namespace news
