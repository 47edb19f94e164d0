namespace Obs.Testing.Repository;

/// <summary>The checkout the tests run from: the nearest directory above the test binaries holding <c>Obs.Functions.sln</c>.</summary>
public static class RepositoryDirectory
{
    public const string SolutionFile = "Obs.Functions.sln";

    /// <summary>The repository root, or null when the tests run outside the tree.</summary>
    public static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The repository root; throws when the tests run outside the tree.</summary>
    public static string Root => Find() ?? throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
