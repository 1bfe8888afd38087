#include "news/document.h"

namespace news {

const char* to_string(Role role) {
  switch (role) {
    case Role::kTitle: return "title";
    case Role::kBody: return "body";
    case Role::kSubheading: return "subheading";
    case Role::kCaption: return "caption";
    case Role::kByline: return "byline";
    case Role::kBoilerplate: return "boilerplate";
  }
  return "body";
}

}  // namespace news
