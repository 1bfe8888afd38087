// pipeline.h — the whole pipeline for one article.
//
// analyze() takes the raw bytes of one article and returns its Document:
// decode → split paragraphs → read the header block → collapse repeats →
// tokenize → extract values and names. Failures (binary input, invalid
// bytes under --strict, …) come back as `Document::error`, never as an
// exception, so one bad article never stops a batch: analyze() runs inside
// within_error_boundary().
//
// Thread-safety: analyze() is a pure function of its arguments; call it from
// as many threads as you like. No state is shared between articles.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/budget.h"
#include "news/document.h"
#include "news/options.h"
#include "resources.h"

namespace news {

// Analyzes one article. `source` carries the path or id; its byte count,
// encoding and checksum are filled in here.
Document analyze(std::string_view bytes, Source source, const Options& options,
                 const Resources& resources);

// The error boundary of one article: runs `analysis` and turns an exception
// escaping it into the article's error record, code "out_of_memory"
// (std::bad_alloc) or "internal" (anything else: a bug; the message carries
// what()), with `source` as the record's source.
Document within_error_boundary(const Source& source, const std::function<Document()>& analysis);

}  // namespace news
