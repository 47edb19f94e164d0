using System.Net;
using Obs.Api.Tests.Hosting;

namespace Obs.Api.Tests;

/// <summary><c>WorkingRoot</c>: no path a request names may resolve outside it.</summary>
public sealed class WorkingRootTests(DefaultApiServer fixture) : IClassFixture<DefaultApiServer>
{
    private readonly ApiServer _server = fixture.Server;

    [Theory]
    [InlineData("""{"project_path":"../","steps":[{"name":"s","type":"command","command":"true"}]}""", "project_path")]
    [InlineData("""{"project_path":"/","steps":[{"name":"s","type":"command","command":"true"}]}""", "project_path")]
    [InlineData("""{"project_path":"../rootx","steps":[{"name":"s","type":"command","command":"true"}]}""", "project_path")]
    [InlineData("""{"steps":[{"name":"s","type":"command","command":"true","working_dir":"/etc"}]}""", "steps[0].working_dir")]
    [InlineData("""{"steps":[{"name":"s","type":"command","command":"true"},{"name":"t","type":"command","command":"true","working_dir":"a/../../.."}]}""", "steps[1].working_dir")]
    [InlineData("""{"steps":[{"name":"s","type":"command","command":"true"}],"artifacts":["dist/*","../x"]}""", "artifacts[1]")]
    [InlineData("""{"steps":[{"name":"s","type":"command","command":"true"}],"artifacts":["/etc/passwd"]}""", "artifacts[0]")]
    public async Task BuildPost_PathOutsideRoot_400NamingTheField(string body, string field)
    {
        using var response = await _server.Client.PostJsonAsync("build", body);

        var errors = await response.AssertInvalidAsync();
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("..")]
    [InlineData("/etc")]
    public async Task TestPost_PathOutsideRoot_400NamingPath(string path)
    {
        using var response = await _server.Client.PostJsonAsync("test", $$"""{"framework":"junit","command":["true"],"path":"{{path}}"}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["path"], errors.Keys);
    }

    [Fact]
    public async Task StartupPost_WorkingDirectoryOutsideRoot_400NamingIt()
    {
        using var response = await _server.Client.PostJsonAsync("startup", """{"command":["true"],"ready":{"log_regex":"x"},"working_directory":"/tmp"}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["working_directory"], errors.Keys);
    }

    [Fact]
    public async Task BuildPost_ProjectPathThroughASymlinkLeavingTheRoot_400()
    {
        var link = Path.Combine(_server.WorkingRoot, "escape-" + Guid.NewGuid().ToString("N"));
        Directory.CreateSymbolicLink(link, Path.GetTempPath());

        using var response = await _server.Client.PostJsonAsync("build",
            $$"""{"project_path":"{{Path.GetFileName(link)}}","steps":[{"name":"s","type":"command","command":"echo hi"}]}""");

        var errors = await response.AssertInvalidAsync();
        Assert.Equal(["project_path"], errors.Keys);
    }

    [Fact]
    public async Task BuildPost_SymlinkStayingInsideTheRoot_202()
    {
        var target = Directory.CreateDirectory(Path.Combine(_server.WorkingRoot, "real-" + Guid.NewGuid().ToString("N"))).FullName;
        var link = Path.Combine(_server.WorkingRoot, "alias-" + Guid.NewGuid().ToString("N"));
        Directory.CreateSymbolicLink(link, target);

        using var response = await _server.Client.PostJsonAsync("build",
            $$"""{"project_path":"{{Path.GetFileName(link)}}","steps":[{"name":"s","type":"command","command":"echo hi"}],"analyze_dependencies":false}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
