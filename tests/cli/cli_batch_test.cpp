// Batch runs of the built program (issue 8): folders, -j, error records,
// --output-dir and --resume, interruption, --dedup-articles, GNU parallel.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {
namespace fs = std::filesystem;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// An article of our own: a headline and three paragraphs whose words are
// drawn (deterministically from `n`) from a small vocabulary of news text.
std::string article(int n) {
  static const char* const kWords[] = {
      "정부는",   "이날",   "발표했다", "시민",     "예산",     "지원",     "확대",   "계획을",
      "밝혔다",   "지역",   "경제",     "회의에서", "논의했다", "관계자는", "말했다", "올해",
      "처음으로", "대책을", "내놨다",   "교육",     "병원",     "도로",     "공사를", "시작했다",
      "주민",     "의견을", "들었다",   "다음",     "달부터",   "시행한다"};
  unsigned state = static_cast<unsigned>(n) * 2654435761u + 12345u;
  const auto word = [&] {
    state = state * 1103515245u + 12345u;
    return std::string(kWords[(state >> 16) % 30]);
  };
  std::string text = "기사 " + std::to_string(n) + "호: " + word() + " " + word() + "\n";
  for (int p = 0; p < 3; ++p) {
    for (int w = 0; w < 12; ++w) text += word() + (w == 11 ? ".\n" : " ");
  }
  return text;
}

class CliBatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "cli_batch_test.XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Runs `arguments` (shell syntax) with the program first, in dir_.
  Outcome analyze(const std::string& arguments, const std::string& stdin_file = "/dev/null") {
    return shell(quoted(ANALYZE_BINARY) + " " + arguments, stdin_file);
  }

  Outcome shell(const std::string& command, const std::string& stdin_file = "/dev/null") {
    const fs::path out = dir_ / ".out", err = dir_ / ".err";
    const std::string line = "cd " + quoted(dir_.string()) + " && " + command + " <" +
                             quoted(stdin_file) + " >" + quoted(out.string()) + " 2>" +
                             quoted(err.string());
    const int status = std::system(line.c_str());
    Outcome outcome;
    outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    outcome.out = read_file(out);
    outcome.err = read_file(err);
    fs::remove(out);
    fs::remove(err);
    return outcome;
  }

  // A corpus of `count` articles spread over nested folders.
  void make_corpus(const fs::path& root, int count) {
    for (int n = 0; n < count; ++n) {
      const std::string folder = n % 3 == 0 ? "" : (n % 3 == 1 ? "정치/" : "사회/2024/");
      write_file(dir_ / root / (folder + "a" + std::to_string(100 + n) + ".txt"), article(n));
    }
  }

  // Every regular file under `root` (relative path → bytes).
  std::map<std::string, std::string> tree(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir_ / root)) {
      if (entry.is_regular_file())
        files[entry.path().lexically_relative(dir_ / root).string()] = read_file(entry.path());
    }
    return files;
  }

  fs::path dir_;
};

TEST_F(CliBatchTest, FolderGivesOneLinePerFileInSortedOrder) {
  make_corpus("corpus", 9);
  write_file(dir_ / "corpus" / "notes.md", "not an article by name\n");
  const Outcome run = analyze("-q corpus");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> paths;
  for (const std::string& line : lines_of(run.out)) {
    const auto at = line.find("\"path\":\"");
    ASSERT_NE(at, std::string::npos) << line;
    paths.push_back(line.substr(at + 8, line.find('"', at + 8) - at - 8));
  }
  EXPECT_EQ(paths,
            (std::vector<std::string>{"corpus/a100.txt", "corpus/a103.txt", "corpus/a106.txt",
                                      "corpus/사회/2024/a102.txt", "corpus/사회/2024/a105.txt",
                                      "corpus/사회/2024/a108.txt", "corpus/정치/a101.txt",
                                      "corpus/정치/a104.txt", "corpus/정치/a107.txt"}));
  EXPECT_TRUE(run.err.empty()) << run.err;  // -q: no summary

  const Outcome md = analyze("-q --glob '*.md' corpus");
  ASSERT_EQ(lines_of(md.out).size(), 1u);
  EXPECT_NE(md.out.find("corpus/notes.md"), std::string::npos);
}

TEST_F(CliBatchTest, SameBytesWhateverTheThreadCount) {
  make_corpus("corpus", 60);
  const Outcome one = analyze("-j1 corpus");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(lines_of(one.out).size(), 60u);
  for (const char* jobs : {"-j2", "-j3", "-j8"}) {
    const Outcome many = analyze(std::string(jobs) + " corpus");
    EXPECT_EQ(many.exit_code, 0);
    EXPECT_EQ(many.out, one.out) << jobs;
  }
  // The summary line: files, ok, failed, MB, seconds, MB/s.
  EXPECT_NE(one.err.find("analyze: 60 files, 60 ok, 0 failed; "), std::string::npos) << one.err;
  EXPECT_NE(one.err.find(" MB/s"), std::string::npos) << one.err;
  EXPECT_EQ(one.err.find('\r'), std::string::npos)
      << "no progress line when stderr is not a terminal";
}

TEST_F(CliBatchTest, ProgressGoesToATerminalNeverToStdout) {
  if (!fs::exists("/usr/bin/script")) GTEST_SKIP() << "script(1) is not installed";
  make_corpus("corpus", 5);
  // script(1) gives the program a terminal; stdout still goes to a file.
  const std::string inner = quoted(ANALYZE_BINARY) + " -j2 corpus > out.jsonl";
  const Outcome tty = shell("/usr/bin/script -qec " + quoted(inner) + " /dev/null");
  ASSERT_EQ(tty.exit_code, 0) << tty.err;
  // "1/5 inputs" or, before the counting walk is done, "1 inputs".
  EXPECT_NE(tty.out.find("\r\033[Kanalyze: 1"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find(" inputs  "), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("analyze: 5 files, 5 ok, 0 failed"), std::string::npos) << tty.out;
  const std::string records = read_file(dir_ / "out.jsonl");
  EXPECT_EQ(lines_of(records).size(), 5u);
  EXPECT_EQ(records.find('\r'), std::string::npos);

  const std::string quiet = quoted(ANALYZE_BINARY) + " -j2 --no-progress corpus > out.jsonl";
  const Outcome off = shell("/usr/bin/script -qec " + quoted(quiet) + " /dev/null");
  EXPECT_EQ(off.out.find("inputs"), std::string::npos) << off.out;
  EXPECT_NE(off.out.find("analyze: 5 files"), std::string::npos) << off.out;
}

TEST_F(CliBatchTest, ExplicitFilesKeepTheOrderGiven) {
  make_corpus("c", 3);
  const Outcome run = analyze("-q -j2 c/사회/2024/a102.txt c/a100.txt c/정치/a101.txt");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("a102.txt"), std::string::npos);
  EXPECT_NE(lines[1].find("a100.txt"), std::string::npos);
  EXPECT_NE(lines[2].find("a101.txt"), std::string::npos);
}

TEST_F(CliBatchTest, EveryBadInputGetsAnErrorRecordAndTheRunGoesOn) {
  write_file(dir_ / "in" / "a.txt", article(1));
  write_file(dir_ / "in" / "binary.txt", std::string("\x7f"
                                                     "ELF\x02\x01\x01\0\0\0\0",
                                                     12));
  write_file(dir_ / "in" / "empty.txt", "");
  write_file(dir_ / "in" / "big.txt", article(2) + article(3));
  ASSERT_EQ(mkfifo((dir_ / "in" / "pipe.txt").c_str(), 0644), 0);  // no writer: must not hang
  write_file(dir_ / "plain.txt", article(4));
  fs::create_directory(dir_ / "folder.txt");
  // Inputs listed in a file: a directory there is where a file was expected,
  // and a path through a regular file cannot be opened at all.
  write_file(dir_ / "list", "plain.txt\nfolder.txt\nplain.txt/inside.txt\nmissing.txt\n");

  const Outcome run = analyze("-j2 --max-bytes 700 in --files-from list");
  EXPECT_EQ(run.exit_code, 1);
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 9u) << run.out;
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"in/a.txt", ""},
      {"in/big.txt", "too_large"},
      {"in/binary.txt", "not_text"},
      {"in/empty.txt", "empty"},
      {"in/pipe.txt", "not_regular_file"},
      {"plain.txt", ""},
      {"folder.txt", "is_directory"},
      {"plain.txt/inside.txt", "not_found"},
      {"missing.txt", "not_found"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NE(lines[i].find("\"path\":\"" + expected[i].first + "\""), std::string::npos)
        << lines[i];
    if (expected[i].second.empty()) {
      EXPECT_EQ(lines[i].find("\"error\""), std::string::npos) << lines[i];
    } else {
      EXPECT_NE(lines[i].find("\"error\":{\"code\":\"" + expected[i].second + "\""),
                std::string::npos)
          << lines[i];
      EXPECT_NE(run.err.find("analyze: " + expected[i].first + ": "), std::string::npos) << run.err;
    }
  }
  EXPECT_NE(run.err.find("analyze: 9 files, 2 ok, 7 failed"), std::string::npos) << run.err;
}

TEST_F(CliBatchTest, ALinkToItselfIsAnErrorRecordNotAnAbort) {
  fs::create_symlink("self.txt", dir_ / "self.txt");
  write_file(dir_ / "plain.txt", article(1));
  const Outcome alone = analyze("self.txt");
  EXPECT_EQ(alone.exit_code, 1) << alone.err;
  EXPECT_NE(alone.out.find("\"error\":{\"code\":\"unreadable\""), std::string::npos) << alone.out;
  EXPECT_NE(alone.err.find("analyze: self.txt: "), std::string::npos) << alone.err;

  const Outcome batch = analyze("self.txt plain.txt");
  EXPECT_EQ(batch.exit_code, 1) << batch.err;
  const auto lines = lines_of(batch.out);
  ASSERT_EQ(lines.size(), 2u) << batch.out;
  EXPECT_NE(lines[0].find("\"code\":\"unreadable\""), std::string::npos) << lines[0];
  EXPECT_EQ(lines[1].find("\"error\""), std::string::npos) << lines[1];

  // Inside a folder, with --follow, the same link is an input that cannot be read.
  fs::create_directory(dir_ / "in");
  fs::create_symlink("loop.txt", dir_ / "in" / "loop.txt");
  write_file(dir_ / "in" / "a.txt", article(2));
  const Outcome folder = analyze("--follow in");
  EXPECT_EQ(folder.exit_code, 1) << folder.err;
  ASSERT_EQ(lines_of(folder.out).size(), 2u) << folder.out;
  EXPECT_NE(folder.err.find("analyze: in/loop.txt: "), std::string::npos) << folder.err;
}

TEST_F(CliBatchTest, SymbolicLinksAreNotFollowedUnlessAskedAndLoopsEnd) {
  make_corpus("c", 3);
  fs::create_directory_symlink("..", dir_ / "c" / "정치" / "loop");
  fs::create_symlink("a100.txt", dir_ / "c" / "same.txt");
  const Outcome plain = analyze("-q c");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(lines_of(plain.out).size(), 3u);

  const Outcome follow = analyze("--follow c");
  ASSERT_EQ(follow.exit_code, 0) << follow.err;
  EXPECT_EQ(lines_of(follow.out).size(), 4u);  // + same.txt, and the loop only once
  EXPECT_NE(follow.err.find("c/정치/loop: symbolic link loop, not followed"), std::string::npos)
      << follow.err;
}

TEST_F(CliBatchTest, JsonlRecordsInParallelKeepTheirOrder) {
  std::string jsonl;
  for (int n = 0; n < 40; ++n) {
    std::string text = article(n);
    std::string escaped;
    for (char c : text) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
    jsonl += "{\"id\":\"r" + std::to_string(n) + "\",\"text\":\"" + escaped + "\"}\n";
  }
  write_file(dir_ / "in.jsonl", jsonl);
  const Outcome one = analyze("-q -j1 --jsonl in.jsonl");
  const Outcome two = analyze("-q -j2 --jsonl -", (dir_ / "in.jsonl").string());
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(two.out, one.out);
  const auto lines = lines_of(one.out);
  ASSERT_EQ(lines.size(), 40u);
  for (int n = 0; n < 40; ++n) {
    EXPECT_NE(lines[n].find("\"id\":\"r" + std::to_string(n) + "\""), std::string::npos)
        << lines[n];
  }
}

TEST_F(CliBatchTest, OutputDirMirrorsTheTreeAndResumeRedoesOnlyWhatIsMissing) {
  make_corpus("corpus", 12);
  write_file(dir_ / "corpus" / "bad.txt", "");
  const Outcome full = analyze("-q -j2 corpus --output-dir ref");
  EXPECT_EQ(full.exit_code, 1);  // bad.txt
  EXPECT_TRUE(full.out.empty());
  const auto reference = tree("ref");
  ASSERT_EQ(reference.size(), 13u);
  ASSERT_TRUE(reference.count("corpus/정치/a101.txt.json"));
  EXPECT_EQ(reference.at("corpus/정치/a101.txt.json"),
            analyze("--compact corpus/정치/a101.txt").out);  // the same record as on stdout

  // A run that stopped half way: outputs missing, one cut short, a
  // temporary file left behind.
  fs::create_directories(dir_ / "out");
  fs::copy(dir_ / "ref", dir_ / "out", fs::copy_options::recursive);
  fs::remove(dir_ / "out" / "corpus" / "a100.txt.json");
  fs::remove(dir_ / "out" / "corpus" / "사회" / "2024" / "a105.txt.json");
  const std::string cut = reference.at("corpus/정치/a104.txt.json").substr(0, 100);
  write_file(dir_ / "out" / "corpus" / "정치" / "a104.txt.json", cut);
  write_file(dir_ / "out" / "corpus" / "a103.txt.json.partial", "{\"schema_ver");

  const Outcome resumed = analyze("-j2 corpus --output-dir out --resume");
  EXPECT_EQ(resumed.exit_code, 1) << resumed.err;  // bad.txt is retried, and fails again
  EXPECT_EQ(tree("out"), reference);
  // 9 complete outputs skipped; 3 redone; bad.txt (an error record) retried.
  EXPECT_NE(resumed.err.find("13 files, 12 ok, 1 failed (9 already done)"), std::string::npos)
      << resumed.err;
}

// Starts the program in the background; returns its process id.
pid_t start(const fs::path& dir, const std::string& arguments) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(127);
    const std::string command =
        "exec " + quoted(ANALYZE_BINARY) + " " + arguments + " >.out 2>.err";
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// Waits (up to a minute) until `path` exists: the run got that far.
bool wait_for(const fs::path& path) {
  for (int i = 0; i < 6000 && !fs::exists(path); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return fs::exists(path);
}

// Waits (up to a minute) until process `pid` has taken signal `number` off
// its pending set, that is, its handler has run.
bool signal_taken(pid_t pid, int number) {
  const std::uint64_t bit = std::uint64_t{1} << (number - 1);
  for (int i = 0; i < 6000; ++i) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    bool pending = false;
    for (std::string line; std::getline(status, line);) {
      if (line.rfind("ShdPnd:", 0) == 0 || line.rfind("SigPnd:", 0) == 0) {
        pending |= (std::stoull(line.substr(7), nullptr, 16) & bit) != 0;
      }
    }
    if (!pending) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::vector<std::string> partial_files(const fs::path& root) {
  std::vector<std::string> partial;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".partial") partial.push_back(entry.path().string());
  }
  return partial;
}

// The input list of the interruption tests: ten articles, then a FIFO that
// blocks the run until the test writes into it, then ten more.
void make_blocked_list(const fs::path& dir) {
  std::string list;
  for (int n = 0; n < 21; ++n) {
    const std::string name = "in/a" + std::to_string(100 + n) + ".txt";
    if (n != 10) write_file(dir / name, article(n));
    list += name + "\n";
  }
  write_file(dir / "list", list);
  ASSERT_EQ(mkfifo((dir / "in" / "a110.txt").c_str(), 0644), 0);
}

TEST_F(CliBatchTest, KilledRunThenResumeGivesTheSameOutputs) {
  make_blocked_list(dir_);
  const pid_t pid = start(dir_, "-j1 --files-from list --output-dir out");
  ASSERT_TRUE(wait_for(dir_ / "out" / "in" / "a109.txt.json"));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_FALSE(fs::exists(dir_ / "out" / "in" / "a111.txt.json"));

  fs::remove(dir_ / "in" / "a110.txt");  // the FIFO becomes a plain file
  write_file(dir_ / "in" / "a110.txt", article(10));
  const Outcome resumed = analyze("-j2 --files-from list --output-dir out --resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("(10 already done)"), std::string::npos) << resumed.err;
  ASSERT_EQ(analyze("-q --files-from list --output-dir ref").exit_code, 0);
  EXPECT_EQ(tree("out"), tree("ref"));
  EXPECT_TRUE(partial_files(dir_ / "out").empty());
}

// The first signal stops the run within a second whatever the article in
// progress does (issue 22), here a FIFO that never delivers: the records
// written are complete, the one in progress is not written, --resume redoes it.
TEST_F(CliBatchTest, InterruptStopsWithinASecondEvenOnAnInputThatBlocks) {
  make_blocked_list(dir_);
  const pid_t pid = start(dir_, "-j1 --files-from list --output-dir out");
  ASSERT_TRUE(wait_for(dir_ / "out" / "in" / "a109.txt.json"));
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);  // returns although a110 never comes
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 128 + SIGTERM);
  const std::string err = read_file(dir_ / ".err");
  EXPECT_NE(err.find("interrupted"), std::string::npos) << err;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "in" / "a109.txt.json"));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "in" / "a110.txt.json"));  // in progress: not written
  EXPECT_FALSE(fs::exists(dir_ / "out" / "in" / "a111.txt.json"));
  EXPECT_TRUE(partial_files(dir_ / "out").empty());

  fs::remove(dir_ / "in" / "a110.txt");
  write_file(dir_ / "in" / "a110.txt", article(10));
  ASSERT_EQ(analyze("-q --files-from list --output-dir out --resume").exit_code, 0);
  ASSERT_EQ(analyze("-q --files-from list --output-dir ref").exit_code, 0);
  EXPECT_EQ(tree("out"), tree("ref"));
}

TEST_F(CliBatchTest, InterruptEndsAStreamThatWaitsForInput) {
  ASSERT_EQ(mkfifo((dir_ / "stream.jsonl").c_str(), 0644), 0);
  const pid_t pid = start(dir_, "-j2 --jsonl stream.jsonl");
  std::ofstream stream(dir_ / "stream.jsonl");  // the writer stays, silent
  stream << "{\"id\":\"first\",\"text\":\"제목\\n본문 한 줄.\"}\n" << std::flush;
  for (int i = 0; i < 6000 && read_file(dir_ / ".out").empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_NE(read_file(dir_ / ".out").find("\"id\":\"first\""), std::string::npos);  // streamed out
  kill(pid, SIGINT);
  ASSERT_TRUE(signal_taken(pid, SIGINT));
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  EXPECT_EQ(lines_of(read_file(dir_ / ".out")).size(), 1u);
  EXPECT_NE(read_file(dir_ / ".err").find("interrupted: 1 records, 1 ok"), std::string::npos);
}

// Two stories written for this test, and a second site's copy of the first.
constexpr const char* kStory =
    "서울시, 내년부터 심야 버스 노선 12개 늘린다\n"
    "서울시는 내년 1월부터 심야 시간대 버스 노선을 12개 늘리고 배차 간격을 평균 15분으로 줄인다고 "
    "밝혔다.\n"
    "시는 택시 승차난이 심한 강남과 홍대, 종로 일대를 우선 연결할 계획이다.\n"
    "시 관계자는 \"밤늦게 귀가하는 시민의 교통 불편을 덜기 위해 예산 80억 원을 배정했다\"고 "
    "말했다.\n";
constexpr const char* kStoryCopy =
    "[종합] 서울시 심야버스 노선 12개 확대\n"
    "서울시는 내년 1월부터 심야 시간대 버스 노선을 12개 늘리고 배차 간격을 평균 15분으로 줄인다고 "
    "9일 밝혔다.\n"
    "시는 택시 승차난이 심한 강남과 홍대, 종로 일대를 우선 연결할 계획이다.\n"
    "시 관계자는 “밤늦게 귀가하는 시민의 교통불편을 덜기 위해 예산 80억원을 배정했다”고 말했다.\n"
    "연합뉴스\n";
constexpr const char* kOtherStory =
    "부산 앞바다서 멸종위기 바다거북 구조\n"
    "부산 해운대 앞바다에서 그물에 걸린 푸른바다거북 한 마리가 어민에게 발견돼 구조됐다.\n"
    "해양수산부는 거북을 국립해양생물자원관으로 옮겨 치료한 뒤 방류할 예정이라고 전했다.\n";

TEST_F(CliBatchTest, DedupArticlesMarksLaterCopiesOfTheFirst) {
  write_file(dir_ / "c" / "1.txt", kStory);
  write_file(dir_ / "c" / "2.txt", kOtherStory);
  write_file(dir_ / "c" / "3.txt", kStoryCopy);
  write_file(dir_ / "c" / "4.txt", kStory);
  const Outcome one = analyze("-j1 --dedup-articles c");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const auto lines = lines_of(one.out);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].find("duplicate_of"), std::string::npos);
  EXPECT_EQ(lines[1].find("duplicate_of"), std::string::npos);
  EXPECT_NE(lines[2].find("\"duplicate_of\":\"c/1.txt\",\"similarity\":0."), std::string::npos)
      << lines[2];
  EXPECT_NE(lines[3].find("\"duplicate_of\":\"c/1.txt\",\"similarity\":1.0}"), std::string::npos)
      << lines[3];
  EXPECT_NE(one.err.find("2 near-duplicates"), std::string::npos) << one.err;
  EXPECT_EQ(analyze("-j2 --dedup-articles c").out, one.out);
  // Without the flag, the records carry no such field.
  EXPECT_EQ(analyze("c").out.find("duplicate_of"), std::string::npos);
  // A strict threshold keeps the edited copy apart, not the exact one.
  const Outcome strict = analyze("-q --dedup-articles --dedup-threshold 0.99 c");
  EXPECT_EQ(lines_of(strict.out)[2].find("duplicate_of"), std::string::npos);
  EXPECT_NE(lines_of(strict.out)[3].find("duplicate_of"), std::string::npos);
}

TEST_F(CliBatchTest, DedupDecisionsSurviveResume) {
  write_file(dir_ / "c" / "1.txt", kStory);
  write_file(dir_ / "c" / "2.txt", kOtherStory);
  write_file(dir_ / "c" / "3.txt", kStoryCopy);
  ASSERT_EQ(analyze("-q --dedup-articles c --output-dir ref").exit_code, 0);
  EXPECT_NE(read_file(dir_ / "ref" / "c" / "3.txt.json").find("\"duplicate_of\":\"c/1.txt\""),
            std::string::npos);
  // Only the copy's output is missing: the original is known from its
  // stored record, and the copy is marked again.
  fs::create_directories(dir_ / "out");
  fs::copy(dir_ / "ref", dir_ / "out", fs::copy_options::recursive);
  fs::remove(dir_ / "out" / "c" / "3.txt.json");
  const Outcome resumed = analyze("--dedup-articles c --output-dir out --resume");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(tree("out"), tree("ref"));
}

TEST_F(CliBatchTest, GnuParallelAndPartitionedRunsGiveTheSameBytes) {
  std::string jsonl;
  for (int n = 0; n < 50; ++n) {
    std::string escaped;
    for (char c : article(n)) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
    jsonl += "{\"id\":\"doc-" + std::to_string(n) + "\",\"text\":\"" + escaped + "\"}\n";
  }
  write_file(dir_ / "in.jsonl", jsonl);
  const Outcome single = analyze("-q --jsonl -", (dir_ / "in.jsonl").string());
  ASSERT_EQ(single.exit_code, 0) << single.err;
  ASSERT_EQ(lines_of(single.out).size(), 50u);

  // Hadoop Streaming and Spark's RDD.pipe run one process per split of the
  // input and concatenate the outputs in split order: the same contract.
  const Outcome split = shell("split -n l/3 -d in.jsonl part. && for p in part.*; do " +
                              quoted(ANALYZE_BINARY) + " -q -j1 --jsonl - < $p; done");
  ASSERT_EQ(split.exit_code, 0) << split.err;
  EXPECT_EQ(split.out, single.out);

  if (!fs::exists("/usr/bin/parallel")) GTEST_SKIP() << "GNU parallel is not installed";
  const Outcome parallel = shell("/usr/bin/parallel --will-cite --pipe --keep-order -N 7 -j 3 " +
                                     quoted(ANALYZE_BINARY) + " -q -j1 --jsonl -",
                                 (dir_ / "in.jsonl").string());
  ASSERT_EQ(parallel.exit_code, 0) << parallel.err;
  EXPECT_EQ(parallel.out, single.out);
}

}  // namespace
