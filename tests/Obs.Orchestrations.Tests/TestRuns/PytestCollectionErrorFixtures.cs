namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>pytest 7.2's <c>--junitxml</c> for <c>pytest tests</c> where two files fail to import (one line, as pytest writes it).</summary>
internal static class PytestCollectionErrorFixtures
{
    public const string ImportAndSyntaxErrors = """
        <?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="2" failures="0" skipped="0" tests="2" time="0.242" timestamp="2026-12-07T10:04:18.450008" hostname="vm"><testcase classname="" name="tests.test_bad" time="0.000"><error message="collection failure">ImportError while importing test module '/tmp/i11f/py/tests/test_bad.py'.
        Hint: make sure your test modules/packages have valid Python names.
        Traceback:
        /usr/lib/python3.11/importlib/__init__.py:126: in import_module
            return _bootstrap._gcd_import(name[level:], package, level)
        tests/test_bad.py:1: in &lt;module&gt;
            import missing_module_xyz
        E   ModuleNotFoundError: No module named 'missing_module_xyz'</error></testcase><testcase classname="" name="tests.test_syntax" time="0.000"><error message="collection failure">/usr/lib/python3/dist-packages/_pytest/python.py:618: in _importtestmodule
            mod = import_path(self.path, mode=importmode, root=self.config.rootpath)
        /usr/lib/python3.11/importlib/__init__.py:126: in import_module
            return _bootstrap._gcd_import(name[level:], package, level)
        &lt;frozen importlib._bootstrap&gt;:1206: in _gcd_import
            ???
        /usr/lib/python3.11/ast.py:50: in parse
            return compile(source, filename, mode, flags,
        E     File "/tmp/i11f/py/tests/test_syntax.py", line 1
        E       def test_x(:
        E                  ^
        E   SyntaxError: invalid syntax</error></testcase></testsuite></testsuites>
        """;
}
