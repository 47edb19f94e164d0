import os
import sys

# Lets the tests import calculator.py from the project root without installing it.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
