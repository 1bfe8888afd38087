// train/folds.h — k-fold cross-validation by sentence.
//
// Statistics measured on the sentences they were made from flatter
// themselves: the particle splitter gets 99.2% of the stems of UD Korean GSD
// train right, where its statistics come from, and 97.7% on dev. Folds give
// an honest figure on train too. Sentence i of a file (0-based, in file
// order) is in fold i % count; fold k's statistics are made from every
// sentence outside fold k and measured on fold k, so each sentence is
// measured once, by statistics that never saw it. Dealing by index rather
// than in blocks spreads the treebank's documents (one news story's
// sentences in a row) over all folds. Deterministic: no shuffling.
//
// Thread-safety: an immutable value.
#pragma once

#include <cstddef>
#include <string>

namespace news {

class SentenceFolds {
 public:
  // No folds: every sentence is trained on and measured.
  SentenceFolds() = default;
  // Fold `held_out` of `count` (0 <= held_out < count, count >= 2);
  // std::invalid_argument otherwise.
  SentenceFolds(int count, int held_out);

  bool active() const { return count_ > 0; }
  int count() const { return count_; }
  int held_out() const { return held_out_; }

  // Whether statistics are made from the sentence: all but the held-out
  // fold's, or every sentence without folds.
  bool trains_on(std::size_t sentence) const {
    return !active() || sentence % count_ != static_cast<std::size_t>(held_out_);
  }
  // Whether the sentence is measured: the held-out fold's, or every
  // sentence without folds.
  bool measures(std::size_t sentence) const {
    return !active() || sentence % count_ == static_cast<std::size_t>(held_out_);
  }

  // The folder name of the held-out fold's statistics: fold-2.
  std::string folder_name() const { return "fold-" + std::to_string(held_out_); }

 private:
  int count_ = 0;
  int held_out_ = 0;
};

}  // namespace news
