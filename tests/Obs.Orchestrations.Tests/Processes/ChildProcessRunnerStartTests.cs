using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.Tests.Processes;

public sealed class ChildProcessRunnerStartTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("obs-process-tests-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task RunAsync_MissingExecutable_Returns127WithStartError()
    {
        var result = await ChildProcessRunner.RunAsync(new ProcessSpec("obs-no-such-command-4711", ["x"]));

        Assert.Equal(ProcessExitCodes.CommandNotFound, result.ExitCode);
        Assert.Equal("obs-no-such-command-4711: command not found", result.StartError);
        Assert.Null(result.Pid);
        Assert.False(result.Succeeded);
        Assert.Empty(result.StdoutTail);
    }

    [Fact]
    public async Task RunAsync_FileIsNotExecutable_Returns126WithStartError()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var file = Path.Combine(_directory.FullName, "not-executable.sh");
        await File.WriteAllTextAsync(file, "echo hi\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await ChildProcessRunner.RunAsync(new ProcessSpec(file, []));

        Assert.Equal(ProcessExitCodes.CannotExecute, result.ExitCode);
        Assert.StartsWith(file + ": ", result.StartError, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task RunAsync_WorkingDirectory_ChildStartsThere()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "marker"), "");
        var spec = new ProcessSpec("ls", []) { WorkingDirectory = _directory.FullName };

        var result = await ChildProcessRunner.RunAsync(spec);

        Assert.True(result.Succeeded);
        Assert.Equal(["marker"], result.StdoutTail);
    }

    [Fact]
    public async Task RunAsync_WorkingDirectoryMissing_Returns126NamingIt()
    {
        var missing = Path.Combine(_directory.FullName, "missing");
        var spec = ProcessSpec.Shell("true") with { WorkingDirectory = missing };

        var result = await ChildProcessRunner.RunAsync(spec);

        Assert.Equal(ProcessExitCodes.CannotExecute, result.ExitCode);
        Assert.Contains(missing, result.StartError, StringComparison.Ordinal);
        Assert.Null(result.Pid);
    }

    [Fact]
    public async Task RunAsync_AlreadyCancelled_DoesNotStart()
    {
        var result = await ChildProcessRunner.RunAsync(ProcessSpec.Shell("true"), new CancellationToken(canceled: true));

        Assert.True(result.Cancelled);
        Assert.Equal(ProcessExitCodes.Cancelled, result.ExitCode);
        Assert.Null(result.Pid);
    }
}
