namespace Obs.Telemetry.Configuration;

/// <summary>Text that is not valid YAML; the message says where.</summary>
public sealed class YamlFormatException : Exception
{
    public YamlFormatException()
    {
    }

    public YamlFormatException(string message)
        : base(message)
    {
    }

    public YamlFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
