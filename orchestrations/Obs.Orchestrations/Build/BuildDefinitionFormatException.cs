namespace Obs.Orchestrations.Build;

/// <summary>A build definition that is not well-formed JSON or YAML, or does not fit the format.</summary>
public sealed class BuildDefinitionFormatException : Exception
{
    public BuildDefinitionFormatException()
    {
    }

    public BuildDefinitionFormatException(string message)
        : base(message)
    {
    }

    public BuildDefinitionFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
