// names/names.h — people, organizations and places in an article.
//
// extract_names() takes the article's paragraphs (tokenized or not) and the
// name lexicons, and fills `entities.people`, `organizations` and
// `locations`: candidates from lexicons and rules (news/candidates.h) and,
// when `model` is not null, from the trained model (news/ner_model.h); the
// best non-overlapping ones plus every later occurrence, then clusters with
// aliases, roles and organizations (news/clusters.h).
//
// Thread-safety: pure function; the lexicons are shared read-only.
#pragma once

#include <vector>

#include "news/document.h"
#include "names/name_lexicons.h"
#include "names/ner_model.h"

namespace news {

void extract_names(const std::vector<Paragraph>& paragraphs, const NameLexicons& lexicons,
                   const NerModel* model, Entities& entities);

}  // namespace news
