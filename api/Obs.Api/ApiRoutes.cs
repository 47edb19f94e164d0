namespace Obs.Api;

/// <summary>Every route, query parameter and header of the HTTP API, in one place (routes sit at the root: host.json's <c>routePrefix</c> is "").</summary>
public static class ApiRoutes
{
    public const string Health = "/health";
    public const string TraceContext = "/trace-context";
    public const string Build = "/build";
    public const string Test = "/test";
    public const string Benchmark = "/benchmark";
    public const string Startup = "/startup";

    /// <summary>Durable Functions' instance management API, served alike by <c>obs serve</c> and Functions.</summary>
    public const string InstancesPrefix = "/runtime/webhooks/durabletask/instances";
    public const string InstanceIdParameter = "instanceId";
    public const string EventNameParameter = "eventName";
    public const string Instance = InstancesPrefix + "/{" + InstanceIdParameter + "}";
    public const string TerminateInstance = Instance + "/terminate";
    public const string RaiseEvent = Instance + "/raiseEvent/{" + EventNameParameter + "}";

    /// <summary>The function key, as Azure Functions reads it: this header, or the <see cref="CodeQuery"/> query parameter.</summary>
    public const string FunctionKeyHeader = "x-functions-key";
    public const string CodeQuery = "code";

    /// <summary>On a starting route: wait up to this many seconds and answer 200 with the result if the instance finishes.</summary>
    public const string WaitQuery = "wait";
    public const string ShowInputQuery = "showInput";
    public const string ReasonQuery = "reason";
    public const string ReturnInternalServerErrorOnFailureQuery = "returnInternalServerErrorOnFailure";

    /// <summary>Seconds a client is asked to wait between status polls.</summary>
    public const int RetryAfterSeconds = 1;
}
