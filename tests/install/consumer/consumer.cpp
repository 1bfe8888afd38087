// Prints the people and the money of an article, with the installed data.
#include <cstdio>
#include <string>

#include <fstream>
#include <sstream>

#include "news/analyzer.h"
#include "news/json.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  try {
    const news::Analyzer analyzer;  // the installed data, found beside the library
    const news::Document document = analyzer.analyze(text.str());
    for (const auto& person : document.entities->people)
      std::printf("person %s\n", person.name.c_str());
    for (const auto& money : document.entities->money)
      std::printf("money %s %s %s\n", money.where.text.c_str(), money.amount.c_str(),
                  money.currency.c_str());
    std::printf("title %s\n",
                news::to_json(document)["metadata"]["title"].get<std::string>().c_str());
    std::fprintf(stderr, "data %s\n", analyzer.data_dir().c_str());
  } catch (const news::DataError& e) {
    std::fprintf(stderr, "consumer: %s\n", e.what());
    return 3;
  }
}
