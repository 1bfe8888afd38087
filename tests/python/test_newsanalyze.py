"""newsanalyze gives the command line's records; errors are Python exceptions.

Run by ctest (PythonTest) with PYTHONPATH at the built module and ANALYZE_BINARY
at the program; skipped when the module was not built.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join("data", "samples", "ko-battery-plant.txt")
ANALYZE = os.environ.get("ANALYZE_BINARY", os.path.join(SOURCE, "build", "analyze"))

try:
    import newsanalyze
except ImportError as error:  # built without python3-dev / pybind11-dev
    newsanalyze = None
    MISSING = str(error)


def cli(*args, stdin=None):
    done = subprocess.run([ANALYZE, *args], cwd=SOURCE, input=stdin, capture_output=True,
                          check=False)
    return done.returncode, done.stdout.decode("utf-8")


@unittest.skipIf(newsanalyze is None, "newsanalyze not built")
class NewsAnalyzeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.analyzer = newsanalyze.Analyzer(data_dir=os.path.join(SOURCE, "data"))
        with open(os.path.join(SOURCE, SAMPLE), encoding="utf-8") as f:
            cls.text = f.read()

    def test_file_record_equals_the_cli(self):
        code, out = cli("--compact", SAMPLE)
        self.assertEqual(code, 0)
        old = os.getcwd()
        os.chdir(SOURCE)
        try:
            self.assertEqual(self.analyzer.analyze_file(SAMPLE), json.loads(out))
            self.assertEqual(self.analyzer.analyze_file_json(SAMPLE) + "\n", out)
        finally:
            os.chdir(old)

    def test_text_record_equals_the_cli_on_stdin(self):
        code, out = cli("--compact", "--published", "2024-03-05", "-",
                        stdin=self.text.encode("utf-8"))
        self.assertEqual(code, 0)
        self.assertEqual(self.analyzer.analyze(self.text, published="2024-03-05"),
                         json.loads(out))
        self.assertEqual(self.analyzer.analyze_json(self.text, published="2024-03-05") + "\n",
                         out)

    def test_money_and_people(self):
        record = self.analyzer.analyze(self.text, id="seed-1")
        self.assertEqual(record["source"]["id"], "seed-1")
        self.assertIn("2조원", [m["text"] for m in record["entities"]["money"]])
        self.assertIn("박준호", [p["name"] for p in record["entities"]["people"]])

    def test_bytes_in_another_encoding(self):
        record = self.analyzer.analyze(self.text.encode("euc-kr", errors="replace"))
        self.assertEqual(record["source"]["encoding"], "EUC-KR")

    def test_many_in_order_on_threads(self):
        texts = [self.text, "Harbor Robotics said on Wednesday it would spend $400 million.",
                 "둘째 기사는 3명이 5억원을 냈다는 내용이다."] * 4
        expected = [self.analyzer.analyze(t) for t in texts]
        self.assertEqual(self.analyzer.analyze_many(texts, jobs=3), expected)
        self.assertEqual(self.analyzer.analyze_many(texts), expected)
        self.assertEqual(self.analyzer.analyze_many([]), [])

    def test_bad_input_is_an_error_record(self):
        record = self.analyzer.analyze(b"\x7fELF\x00\x00\x00\x01\x02")
        self.assertEqual(record["error"]["code"], "not_text")
        missing = self.analyzer.analyze_file("/nonexistent/a.txt")
        self.assertEqual(missing["error"]["code"], "not_found")
        self.assertEqual(missing["source"]["path"], "/nonexistent/a.txt")

    def test_bad_options_are_value_errors(self):
        with self.assertRaisesRegex(ValueError, "ISO 8601"):
            self.analyzer.analyze("본문", published="next week")
        with self.assertRaises(ValueError):
            self.analyzer.analyze_many(["본문"], published="next week")
        with self.assertRaises(TypeError):
            self.analyzer.analyze(3)

    def test_input_format_as_the_cli(self):
        page = ("<!DOCTYPE html><html lang=ko><head><title>제목 - 신문</title></head><body>"
                "<nav>메뉴</nav><article><h1>제목</h1><p>박준호 대표가 5억원을 냈다.</p>"
                "</article></body></html>")
        code, out = cli("--compact", "--input-format", "text", "-", stdin=page.encode("utf-8"))
        self.assertEqual(code, 0)
        self.assertEqual(self.analyzer.analyze(page, input_format="text"), json.loads(out))
        code, out = cli("--compact", "--input-format", "html", "-", stdin=page.encode("utf-8"))
        self.assertEqual(code, 0)
        as_page = self.analyzer.analyze(page, input_format="html")
        self.assertEqual(as_page, json.loads(out))
        self.assertEqual(self.analyzer.analyze_many([page], input_format="html"), [as_page])
        with self.assertRaisesRegex(ValueError, "input_format"):
            self.analyzer.analyze(page, input_format="pdf")

    def test_missing_data_is_an_os_error(self):
        with self.assertRaises(FileNotFoundError) as caught:
            newsanalyze.Analyzer(data_dir="/nonexistent/data")
        self.assertIsInstance(caught.exception, OSError)
        self.assertIn("/nonexistent/data", str(caught.exception))

    def test_malformed_lexicon_is_a_data_error(self):
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
            f.write("이름\tnot-a-kind\n")
        try:
            with self.assertRaises(newsanalyze.DataError) as caught:
                newsanalyze.Analyzer(data_dir=os.path.join(SOURCE, "data"), lexicons=[f.name])
            self.assertIsInstance(caught.exception, OSError)
            self.assertIn(os.path.basename(f.name), str(caught.exception))
        finally:
            os.unlink(f.name)

    def test_documented(self):
        self.assertTrue(newsanalyze.__doc__)
        self.assertIn("ISO 8601", newsanalyze.Analyzer.analyze_json.__doc__)
        stub = os.path.join(os.path.dirname(newsanalyze.__file__), "newsanalyze.pyi")
        self.assertTrue(os.path.exists(stub), stub)


if __name__ == "__main__":
    sys.exit(unittest.main())
