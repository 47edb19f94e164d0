namespace Obs.Orchestrations.Tests.TestRuns;

/// <summary>JUnit XML as real tools write it.</summary>
internal static class JUnitFixtures
{
    /// <summary>
    /// pytest 7.2 <c>--junitxml</c> (default xunit2 family, one line as pytest writes it): a setup error,
    /// an xfail, parametrized pass and failure, a skip, and a crash inside a test class.
    /// </summary>
    public const string Pytest = """
        <?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="1" failures="2" skipped="2" tests="6" time="0.050" timestamp="2024-05-01T10:00:00.000000" hostname="ci"><testcase classname="tests.test_db" name="test_conn" time="0.010"><error message="failed on setup with &quot;RuntimeError: no db&quot;">@pytest.fixture
            def db():
        &gt;       raise RuntimeError("no db")
        E       RuntimeError: no db

        tests/test_db.py:5: RuntimeError</error></testcase><testcase classname="tests.test_db" name="test_known" time="0.020"><skipped type="pytest.xfail" message="known bug" /></testcase><testcase classname="tests.test_math" name="test_add[1-2-3]" time="0.001" /><testcase classname="tests.test_math" name="test_add[2-2-5]" time="0.002"><failure message="assert (2 + 2) == 5">a = 2, b = 2, c = 5

            @pytest.mark.parametrize("a,b,c", [(1, 2, 3), (2, 2, 5)])
            def test_add(a, b, c):
        &gt;       assert a + b == c
        E       assert (2 + 2) == 5

        tests/test_math.py:5: AssertionError</failure></testcase><testcase classname="tests.test_math" name="test_skip" time="0.000"><skipped type="pytest.skip" message="not ready">/src/tests/test_math.py:7: not ready</skipped></testcase><testcase classname="tests.test_math.TestCalc" name="test_div" time="0.003"><failure message="ZeroDivisionError: division by zero">self = &lt;test_math.TestCalc object at 0x7efc995146d0&gt;

            def test_div(self):
        &gt;       1 / 0
        E       ZeroDivisionError: division by zero

        tests/test_math.py:14: ZeroDivisionError</failure><system-out>dividing</system-out></testcase></testsuite></testsuites>
        """;

    /// <summary>pytest with <c>junit_family=xunit1</c>: cases carry <c>file</c> and <c>line</c>.</summary>
    public const string PytestXunit1 = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites>
          <testsuite name="pytest" errors="0" failures="0" skipped="0" tests="2" time="0.004" timestamp="2024-05-01T10:00:00+00:00" hostname="ci">
            <testcase classname="pkg.test_a" file="pkg/test_a.py" line="3" name="test_one" time="0.001" />
            <testcase classname="pkg.test_b" file="pkg/test_b.py" line="7" name="test_two" time="0.002" />
          </testsuite>
        </testsuites>
        """;

    /// <summary>Maven Surefire: a lone <c>&lt;testsuite&gt;</c> per class, typed failures, properties and output.</summary>
    public const string Surefire = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="com.example.CalcTest" time="1,234.5" tests="3" errors="0" skipped="1" failures="1">
          <properties>
            <property name="java.version" value="21"/>
          </properties>
          <testcase name="adds" classname="com.example.CalcTest" time="0.01"/>
          <testcase name="divides" classname="com.example.CalcTest" time="0.02">
            <failure message="expected: &lt;2&gt; but was: &lt;3&gt;" type="org.opentest4j.AssertionFailedError"><![CDATA[org.opentest4j.AssertionFailedError: expected: <2> but was: <3>
            at com.example.CalcTest.divides(CalcTest.java:21)]]></failure>
            <system-out><![CDATA[computing]]></system-out>
            <flakyFailure message="ignored by the parser"/>
          </testcase>
          <testcase name="later" classname="com.example.CalcTest" time="0"><skipped/></testcase>
        </testsuite>
        """;

    /// <summary>Truncated mid-element on line 4.</summary>
    public const string Malformed = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites>
          <testsuite name="pytest" tests="1">
            <testcase classname="t" name="x" time="0.1"
        """;
}
