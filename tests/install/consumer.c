/* A C program against the installed news/c.h, built with pkg-config. */
#include <stdio.h>
#include <stdlib.h>

#include <news/c.h>

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  FILE *in = fopen(argv[1], "rb");
  if (!in) return 2;
  static char text[1 << 20];
  size_t length = fread(text, 1, sizeof text, in);
  fclose(in);
  char *error = NULL;
  news_analyzer *analyzer = news_analyzer_open(NULL, &error);
  if (!analyzer) {
    fprintf(stderr, "consumer: %s\n", error);
    news_free(error);
    return 3;
  }
  char *record = news_analyze(analyzer, text, length, "{\"id\": \"c-1\"}");
  if (!record) return 1;
  puts(record);
  news_free(record);
  news_analyzer_close(analyzer);
  return 0;
}
