using System.Diagnostics;
using Obs.Telemetry.Catalog;
using Obs.Telemetry.Resources;

namespace Obs.Telemetry.Tests.Resources;

/// <summary>The <c>vcs.*</c> resource attributes, read from real repositories made with the real <c>git</c>.</summary>
public sealed class GitCheckoutTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("obs-git-").FullName;

    [Fact]
    public void Find_BranchCheckout_GivesOriginWithoutCredentialsBranchAndHeadRevision()
    {
        var repo = NewRepository("repo");
        Git(repo, "remote", "add", "origin", "https://build-bot:s3cr3t-token@git.example.com/team/app.git");
        var nested = Directory.CreateDirectory(Path.Combine(repo, "src", "lib")).FullName;

        var checkout = GitCheckout.Find(nested);

        Assert.NotNull(checkout);
        Assert.Equal("https://git.example.com/team/app.git", checkout.RepositoryUrl);
        Assert.Equal("main", checkout.Branch);
        Assert.Equal(Git(repo, "rev-parse", "HEAD"), checkout.Revision);
    }

    [Fact]
    public void Find_PackedRefsAndScpStyleRemote_AreRead()
    {
        var repo = NewRepository("packed");
        Git(repo, "remote", "add", "origin", "git@git.example.com:team/app.git");
        Git(repo, "pack-refs", "--all");
        Assert.False(File.Exists(Path.Combine(repo, ".git", "refs", "heads", "main")));

        var checkout = GitCheckout.Find(repo);

        Assert.Equal(("git@git.example.com:team/app.git", "main", Git(repo, "rev-parse", "HEAD")), (checkout!.RepositoryUrl, checkout.Branch, checkout.Revision));
    }

    [Fact]
    public void Find_LinkedWorktree_FollowsItsGitFileToTheSharedRefs()
    {
        var repo = NewRepository("main-checkout");
        var worktree = Path.Combine(_root, "linked");
        Git(repo, "worktree", "add", "-q", "-b", "feature/x", worktree);

        var checkout = GitCheckout.Find(worktree);

        Assert.Equal("feature/x", checkout!.Branch);
        Assert.Equal(Git(worktree, "rev-parse", "HEAD"), checkout.Revision);
    }

    [Fact]
    public void Find_DetachedHead_HasARevisionAndNoBranch()
    {
        var repo = NewRepository("detached");
        Git(repo, "checkout", "-q", "--detach");

        var checkout = GitCheckout.Find(repo);

        Assert.Null(checkout!.Branch);
        Assert.Equal(Git(repo, "rev-parse", "HEAD"), checkout.Revision);
        Assert.Null(checkout.RepositoryUrl);
    }

    [Fact]
    public void Find_OutsideAnyRepository_IsNull()
    {
        Assert.Null(GitCheckout.Find(Path.GetPathRoot(_root)!));
    }

    [Fact]
    public void AddCheckout_PutsTheSemanticConventionKeysOnTheResource()
    {
        var attributes = new Dictionary<string, object>();

        ObsResource.AddCheckout(attributes, new GitCheckout("https://git.example.com/app.git", "main", new string('a', 40)));

        Assert.Equal("https://git.example.com/app.git", attributes[AttributeKeys.Vcs.RepositoryUrlFull]);
        Assert.Equal("main", attributes[AttributeKeys.Vcs.RefHeadName]);
        Assert.Equal(new string('a', 40), attributes[AttributeKeys.Vcs.RefHeadRevision]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string NewRepository(string name)
    {
        var repo = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        Git(repo, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(repo, "README"), "x");
        Git(repo, "add", "README");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        return repo;
    }

    private static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
        return output.Trim();
    }
}
