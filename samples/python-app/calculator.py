"""A tiny module for Obs' samples: something real to lint, build and test."""


def add(a: float, b: float) -> float:
    return a + b


def divide(a: float, b: float) -> float:
    if b == 0:
        raise ZeroDivisionError("cannot divide by zero")
    return a / b


def slugify(text: str) -> str:
    return "-".join(part for part in "".join(c.lower() if c.isalnum() else " " for c in text).split())
