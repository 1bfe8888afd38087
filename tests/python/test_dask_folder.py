"""examples/dask_folder.py gives the command line's records for a folder, in
its order, and one bad file never stops the job.

Skipped without newsanalyze, python3-dask or python3-distributed.
"""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(SOURCE, "examples", "dask_folder.py")
ANALYZE = os.environ.get("ANALYZE_BINARY", os.path.join(SOURCE, "build", "analyze"))


def available(module):
    return importlib.util.find_spec(module) is not None


def load_example():
    spec = importlib.util.spec_from_file_location("dask_folder", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@unittest.skipUnless(available("newsanalyze") and available("dask") and available("distributed"),
                     "needs newsanalyze, python3-dask and python3-distributed")
class DaskFolderTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="analyze-dask-")
        self.corpus = os.path.join(self.dir, "corpus")
        samples = os.path.join(SOURCE, "data", "samples")
        os.makedirs(os.path.join(self.corpus, "b-sub"))
        shutil.copy(os.path.join(samples, "ko-battery-plant.txt"), os.path.join(self.corpus, "c.txt"))
        shutil.copy(os.path.join(samples, "en-robotics-plant.txt"),
                    os.path.join(self.corpus, "b-sub", "x.txt"))
        shutil.copy(os.path.join(samples, "en-robotics-plant.txt"), os.path.join(self.corpus, "B.txt"))
        with open(os.path.join(self.corpus, "a-binary.txt"), "wb") as f:
            f.write(b"\x7fELF\x00\x00\x00\x01\x02\x00\x00")
        os.mkfifo(os.path.join(self.corpus, "d-fifo.txt"))  # unreadable in a folder walk
        os.symlink("c.txt", os.path.join(self.corpus, "e-link.txt"))  # skipped, as by the CLI
        with open(os.path.join(self.corpus, "notes.md"), "w") as f:
            f.write("not an article\n")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_records_equal_the_cli(self):
        out = os.path.join(self.dir, "out.jsonl")
        env = dict(os.environ, ANALYZE_DATA=os.path.join(SOURCE, "data"))
        done = subprocess.run([sys.executable, EXAMPLE, "--workers", "2", "--files-per-partition",
                               "2", self.corpus, out], env=env, capture_output=True, text=True,
                              timeout=300, check=False)
        cli = subprocess.run([ANALYZE, "-q", self.corpus], env=env, capture_output=True,
                             timeout=300, check=False)
        self.assertEqual(done.returncode, 1, done.stderr)  # the failed inputs, as the CLI's 1
        self.assertEqual(cli.returncode, 1)
        with open(out, "rb") as f:
            got = f.read()
        self.assertEqual(got.decode("utf-8").splitlines(), cli.stdout.decode("utf-8").splitlines())
        records = [json.loads(line) for line in got.splitlines()]
        self.assertEqual([r["source"]["path"][len(self.corpus) + 1:] for r in records],
                         ["B.txt", "a-binary.txt", "b-sub/x.txt", "c.txt", "d-fifo.txt"])
        self.assertEqual([r.get("error", {}).get("code") for r in records],
                         [None, "not_text", None, None, "not_regular_file"])
        self.assertIn("5 files, 3 ok, 2 failed;", done.stderr)

    def test_an_exception_is_that_files_error_record(self):
        example = load_example()

        class Failing:
            def analyze_file_json(self, path, from_folder):
                if path.endswith("bad.txt"):
                    raise MemoryError("injected")
                return json.dumps({"source": {"path": path}})

        example.analyze_partition._newsanalyze_analyzer = Failing()
        lines = example.analyze_partition([("a.txt", True), ("bad.txt", True), ("c.txt", True)])
        records = [json.loads(line) for line in lines]
        self.assertEqual([r["source"]["path"] for r in records], ["a.txt", "bad.txt", "c.txt"])
        self.assertEqual(records[1]["error"]["code"], "internal")
        self.assertIn("injected", records[1]["error"]["message"])
        self.assertNotIn("error", records[2])


if __name__ == "__main__":
    sys.exit(unittest.main())
