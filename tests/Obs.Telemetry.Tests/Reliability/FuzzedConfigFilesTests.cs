using Obs.Telemetry.Configuration;
using Obs.Testing.Fuzzing;
using Obs.Testing.Repository;

namespace Obs.Telemetry.Tests.Reliability;

/// <summary>
/// 1,000 mutated config files (the shipped <c>config/tracing.yaml</c> damaged line by line, and its JSON
/// form mutated value by value): the loader never throws, and every problem names a key, where it came from and what is wrong.
/// </summary>
public sealed class FuzzedConfigFilesTests : IDisposable
{
    private const int Cases = 1000;

    private const string JsonSeed = """
        {"tracing": {"service_name": "svc", "console_exporter": false, "otlp_endpoint": "http://127.0.0.1:4317",
          "exporters": ["otlp"], "otlp_headers": {"x-api-key": "secret-value-123"}, "sampling": {"type": "adaptive", "rate": 0.5, "max_traces_per_second": 10},
          "batch": {"max_queue_size": 100, "max_export_batch_size": 10}, "redaction": {"patterns": ["tok_[a-z]+"]}},
         "app": {"name": "a", "environment": "ci"}}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("obs-config-fuzz-").FullName;

    [Fact]
    public void MutatedConfigFiles_NeverThrow_AndEveryProblemSaysWhereAndWhat()
    {
        var shipped = File.ReadAllLines(RepositoryDirectory.PathOf("config", "tracing.yaml"));
        var mutator = new JsonMutator(seed: 7);
        var random = new Random(7);
        var rejected = 0;
        for (var i = 0; i < Cases; i++)
        {
            var text = i % 2 == 0 ? DamageLines(shipped, random) : mutator.Mutate(JsonSeed);
            var path = Path.Combine(_directory, $"case-{i}.yaml");
            File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text)); // a lone surrogate becomes U+FFFD, as an editor would save it

            var result = ObsConfigurationLoader.Load(new ConfigLoadRequest { ConfigPath = path });

            rejected += result.IsValid ? 0 : 1;
            Assert.All(result.Errors, problem =>
            {
                Assert.False(string.IsNullOrWhiteSpace(problem.Key), $"case {i}: {problem}\n{text}");
                Assert.StartsWith(path, problem.Source, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(problem.Message), $"case {i}: {problem}");
                Assert.DoesNotContain("secret-value-123", problem.ToString(), StringComparison.Ordinal);
            });
        }

        Assert.InRange(rejected, Cases / 4, Cases);
    }

    /// <summary>Deletes, duplicates, re-indents or garbles one or two lines.</summary>
    private static string DamageLines(string[] lines, Random random)
    {
        var damaged = lines.ToList();
        for (var n = random.Next(1, 3); n > 0 && damaged.Count > 0; n--)
        {
            var at = random.Next(damaged.Count);
            switch (random.Next(5))
            {
                case 0:
                    damaged.RemoveAt(at);
                    break;
                case 1:
                    damaged.Insert(at, damaged[at]);
                    break;
                case 2:
                    damaged[at] = "   " + damaged[at];
                    break;
                case 3:
                    damaged[at] = damaged[at].Replace(':', random.Next(2) == 0 ? '=' : '[');
                    break;
                default:
                    damaged[at] += random.Next(3) switch { 0 => " \"", 1 => ": [1, {", _ => " &anchor" };
                    break;
            }
        }

        return string.Join('\n', damaged);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
