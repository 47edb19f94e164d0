namespace Obs.Telemetry.Configuration;

/// <summary>The command-line layer, the highest: each <see cref="ConfigFlag"/> sets its key, remembered as <c>flag --name</c>.</summary>
internal sealed class FlagConfigurationProvider : ConfigLayerProvider
{
    private readonly IReadOnlyList<ConfigFlag> _flags;

    public FlagConfigurationProvider(IReadOnlyList<ConfigFlag> flags) => _flags = flags;

    protected override void LoadLayer()
    {
        foreach (var flag in _flags)
        {
            Set(flag.Key, flag.Value, $"flag {flag.Flag}");
        }
    }
}
