#include "train/folds.h"

#include <stdexcept>

namespace news {

SentenceFolds::SentenceFolds(int count, int held_out) : count_(count), held_out_(held_out) {
  if (count < 2) throw std::invalid_argument("--folds must be at least 2");
  if (held_out < 0 || held_out >= count) {
    throw std::invalid_argument("--fold must be from 0 to " + std::to_string(count - 1));
  }
}

}  // namespace news
