namespace Obs.Functions.Tests.Conformance;

/// <summary>The conformance suite on the local engine.</summary>
public sealed class LocalEngineConformanceTests(LocalEngineFixture engine) : ConformanceSuite<LocalEngineFixture>(engine);

/// <summary>The conformance suite on the Durable Task SDK with its in-process backend.</summary>
public sealed class InProcessDurableConformanceTests(InProcessDurableFixture engine) : ConformanceSuite<InProcessDurableFixture>(engine);

/// <summary>The conformance suite on the Durable Task SDK over DurableTask.AzureStorage on Azurite.</summary>
public sealed class AzureStorageDurableConformanceTests(AzureStorageDurableFixture engine) : ConformanceSuite<AzureStorageDurableFixture>(engine);
