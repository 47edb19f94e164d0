using System.Text.Json;

namespace Obs.Deploy.Tests;

/// <summary>One Dockerfile instruction: keyword (upper case), its argument text, and the stage it belongs to.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Stage)
{
    /// <summary>The arguments split on whitespace, flags (--from=..., --chown=...) included.</summary>
    public IReadOnlyList<string> Words => Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Arguments of the JSON (exec) form, e.g. ENTRYPOINT ["/app/obs", "serve"].</summary>
    public IReadOnlyList<string> ExecForm()
    {
        var values = JsonSerializer.Deserialize<string[]>(Arguments);
        Assert.NotNull(values);
        return values;
    }
}

/// <summary>A minimal Dockerfile reader: comments, line continuations, stages.</summary>
internal sealed class Dockerfile
{
    public Dockerfile(string relativePath)
    {
        RelativePath = relativePath;
        var logical = new List<string>();
        var current = "";
        foreach (var raw in Repo.ReadText(relativePath).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            if (!string.IsNullOrWhiteSpace(current))
            {
                logical.Add(current.Trim());
            }

            current = "";
        }

        var stage = -1;
        var instructions = new List<DockerInstruction>();
        foreach (var line in logical)
        {
            var space = line.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : line[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerInstruction(keyword, arguments, stage));
        }

        Instructions = instructions;
        StageCount = stage + 1;
    }

    public string RelativePath { get; }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public int StageCount { get; }

    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public IEnumerable<DockerInstruction> InFinalStage(string keyword) => All(keyword).Where(i => i.Stage == StageCount - 1);

    /// <summary>The image of each FROM (flags such as --platform skipped, "AS name" dropped).</summary>
    public IReadOnlyList<string> BaseImages() =>
        [.. All("FROM").Select(i => i.Words.First(w => !w.StartsWith("--", StringComparison.Ordinal)))];

    /// <summary>Source paths of COPY/ADD instructions that copy from the build context (not --from another stage).</summary>
    public IEnumerable<string> ContextSources() =>
        from instruction in Instructions
        where instruction.Keyword is "COPY" or "ADD"
        let words = instruction.Words
        where !words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal))
        let paths = words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList()
        from source in paths.Take(paths.Count - 1)
        select source;

    /// <summary>Values of ENV instructions (both "ENV a=b c=d" and legacy "ENV a b").</summary>
    public IReadOnlyDictionary<string, string> Environment(bool finalStageOnly = true)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var env in finalStageOnly ? InFinalStage("ENV") : All("ENV"))
        {
            var words = env.Words;
            if (!words[0].Contains('=', StringComparison.Ordinal))
            {
                result[words[0]] = string.Join(' ', words.Skip(1));
                continue;
            }

            foreach (var word in words)
            {
                var eq = word.IndexOf('=', StringComparison.Ordinal);
                result[word[..eq]] = word[(eq + 1)..].Trim('"');
            }
        }

        return result;
    }
}
