// train/conllu.h — reading Universal Dependencies treebanks (CoNLL-U).
//
// The particle splitter is trained and measured on UD Korean GSD, whose
// words (어절) carry their morphemes in the lemma column (`알트먼+이`) and
// their Sejong tags in XPOS (`NNP+JKS`). read_conllu() gives the words of a
// file; gold_particle_split() says where the trailing particles (tags J…)
// of one word begin, when the morphemes spell the word.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace news {

struct ConlluWord {
  std::string form;   // 스타벅스가
  std::string lemma;  // 스타벅스+가
  std::string xpos;   // NNG+JKS
  // Which sentence of the file the word is in, counting from 0: what
  // cross-validation folds are dealt by (train/folds.h).
  std::size_t sentence = 0;
};

// The words of every sentence, in order; multiword-token ranges and empty
// nodes are skipped. Sentences end at a blank line (several in a row, or
// none at the end of the file, end one sentence).
std::vector<ConlluWord> read_conllu(std::istream& in);

struct ParticleSplitGold {
  enum class Kind {
    kParticle,    // ends in particles after a non-empty stem: 스타벅스 + 가
    kNoParticle,  // its last morpheme is not a particle: 가까운, 주관하고
    kSkipped,     // ends in particles but cannot be checked: the morphemes do
                  // not spell the word (contracted: 난 = 나+ㄴ), or the word
                  // is only particles (a 가 after a closing bracket)
  };
  Kind kind = Kind::kSkipped;
  std::size_t stem_bytes = 0;  // kParticle: the stem is form[0, stem_bytes)
};

ParticleSplitGold gold_particle_split(const ConlluWord& word);

}  // namespace news
