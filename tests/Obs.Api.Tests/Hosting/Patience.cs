namespace Obs.Api.Tests.Hosting;

/// <summary>How long a test waits for something that happens asynchronously (an instance finishing, a span ending).</summary>
public static class Patience
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
}
