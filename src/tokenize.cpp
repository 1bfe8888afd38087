#include "news/tokenize.h"

namespace news {

const char* to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::kHangul: return "hangul";
    case TokenKind::kLatin: return "latin";
    case TokenKind::kNumber: return "number";
    case TokenKind::kMixed: return "mixed";
    case TokenKind::kPunctuation: return "punctuation";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kOther: return "other";
  }
  return "other";
}

}  // namespace news
