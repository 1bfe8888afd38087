// news/export.h — which declarations the shared library exports.
//
// libnews.so is built with -fvisibility=hidden: only what a public header
// marks NEWS_EXPORT is visible to programs that link it, so the stages'
// internals (src/) can change without breaking anyone's binary. The static
// libnews.a keeps every symbol, as any archive does.
#pragma once

#if defined(__GNUC__)
#define NEWS_EXPORT __attribute__((visibility("default")))
#else
#define NEWS_EXPORT
#endif
