namespace Obs.Orchestrations.Tests.Build;

/// <summary>A fresh temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("obs-build-files-").FullName;

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/>, creating folders.</summary>
    public string Write(string relative, string content)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
