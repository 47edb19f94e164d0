using System.Text.Json;
using System.Text.Json.Serialization;
using Obs.Orchestrations.Processes;

namespace Obs.Orchestrations.Startup;

/// <summary>
/// The program a start-up probe launches: either an argument vector (JSON array, run as is) or a
/// shell command line (JSON string, run with <c>sh -c</c> / <c>cmd.exe /c</c>).
/// </summary>
[JsonConverter(typeof(StartupCommandJsonConverter))]
public sealed record StartupCommand
{
    private StartupCommand(IReadOnlyList<string>? arguments, string? shell)
    {
        Arguments = arguments;
        ShellLine = shell;
    }

    /// <summary>The program and its arguments, or null for a shell line.</summary>
    public IReadOnlyList<string>? Arguments { get; }

    /// <summary>The shell command line, or null for an argument vector.</summary>
    public string? ShellLine { get; }

    public static StartupCommand FromArguments(params IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0 || string.IsNullOrEmpty(arguments[0]))
        {
            throw new ArgumentException("A command needs a program.", nameof(arguments));
        }

        return new StartupCommand([.. arguments], null);
    }

    public static StartupCommand Shell(string commandLine)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commandLine);
        return new StartupCommand(null, commandLine);
    }

    /// <summary>What <c>startup.target</c> records.</summary>
    public string Display() => ShellLine ?? string.Join(' ', Arguments!);

    public ProcessSpec ToProcessSpec() =>
        ShellLine is { } line ? ProcessSpec.Shell(line) : new ProcessSpec(Arguments![0], [.. Arguments.Skip(1)]);

    public override string ToString() => Display();
}

/// <summary>Reads a <see cref="StartupCommand"/> from a JSON string (shell line) or array of strings (argument vector).</summary>
public sealed class StartupCommandJsonConverter : JsonConverter<StartupCommand>
{
    public override StartupCommand? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var line = reader.GetString();
                return string.IsNullOrWhiteSpace(line) ? throw new JsonException("command is empty.") : StartupCommand.Shell(line);
            case JsonTokenType.StartArray:
                var arguments = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    arguments.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("command's items must be strings."));
                }

                return arguments.Count == 0 || string.IsNullOrEmpty(arguments[0]) ? throw new JsonException("command is empty.") : StartupCommand.FromArguments(arguments);
            default:
                throw new JsonException("command must be a string (shell line) or an array of strings.");
        }
    }

    public override void Write(Utf8JsonWriter writer, StartupCommand value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.ShellLine is { } line)
        {
            writer.WriteStringValue(line);
            return;
        }

        writer.WriteStartArray();
        foreach (var argument in value.Arguments!)
        {
            writer.WriteStringValue(argument);
        }

        writer.WriteEndArray();
    }
}
