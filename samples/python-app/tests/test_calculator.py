import os

import pytest

from calculator import add, divide

# Set OBS_SAMPLE_FAIL=1 to see how failures look in a trace.
FAIL = os.environ.get("OBS_SAMPLE_FAIL") == "1"


@pytest.mark.parametrize("a,b,expected", [(1, 2, 3), (-1, 1, 0), (0.5, 0.25, 0.75)])
def test_add(a, b, expected):
    assert add(a, b) == expected


def test_divide():
    assert divide(9, 3) == 3


def test_divide_by_zero_raises():
    with pytest.raises(ZeroDivisionError):
        divide(1, 0)


@pytest.mark.skip(reason="demonstrates a skipped test")
def test_not_ready_yet():
    assert False


def test_sample_failure_flag():
    assert not FAIL, "OBS_SAMPLE_FAIL=1 makes this test fail on purpose"
