// text/language.h — which language an article is written in.
//
// We read Korean and English news; the script of the letters decides: text
// whose letters are at least 20% Hangul is Korean (Korean news is full of
// Latin acronyms and names: 오픈AI, CEO, GPT-4), text of mostly Latin
// letters is English, anything else has no language we name.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace news {

// "ko", "en", or nothing.
std::optional<std::string> detect_language(std::string_view text);

}  // namespace news
