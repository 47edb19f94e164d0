import os

from calculator import slugify

FAIL = os.environ.get("OBS_SAMPLE_FAIL") == "1"


def test_slugify_words():
    assert slugify("Hello, World!") == "hello-world"


def test_slugify_empty():
    assert slugify("") == ""


def test_slugify_failure_flag():
    expected = "broken" if FAIL else "obs-rocks"
    assert slugify("Obs rocks") == expected
