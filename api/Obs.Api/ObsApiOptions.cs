using Obs.Orchestrations.Build;

namespace Obs.Api;

/// <summary>What the HTTP API enforces and defaults to, whichever host serves it.</summary>
public sealed class ObsApiOptions
{
    /// <summary>1 MiB: the default <see cref="MaxRequestBodyBytes"/>.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>The longest <c>?wait=</c> a client may ask for.</summary>
    public const double DefaultMaxWaitSeconds = 300;

    /// <summary>The service name <c>GET /health</c> reports.</summary>
    public string ServiceName { get; set; } = "obs";

    /// <summary>
    /// Function keys accepted in <c>x-functions-key</c> or <c>?code=</c>. Empty with
    /// <see cref="RequireFunctionKey"/> set means every protected route answers 401.
    /// </summary>
    public IReadOnlyList<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// Whether routes other than <c>/health</c> check <see cref="ApiKeys"/> (<c>obs serve</c>); the Functions
    /// host checks keys itself and turns this off.
    /// </summary>
    public bool RequireFunctionKey { get; set; } = true;

    /// <summary>Programs build steps, test runners, benchmark and start-up commands may run; null allows any.</summary>
    public IReadOnlyList<string>? AllowedCommands { get; set; }

    /// <summary>The absolute directory every build and test working directory must stay inside.</summary>
    public string WorkingRoot { get; set; } = Directory.GetCurrentDirectory();

    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    public double MaxWaitSeconds { get; set; } = DefaultMaxWaitSeconds;

    /// <summary>What <c>POST /build</c> with an empty body runs (the config file's <c>build:</c> section); none when null.</summary>
    public BuildDefinition? DefaultBuild { get; set; }
}
