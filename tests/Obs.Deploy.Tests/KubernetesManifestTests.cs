using YamlDotNet.RepresentationModel;

namespace Obs.Deploy.Tests;

/// <summary>deploy/kubernetes/*.yaml: the obs serve Deployment and Service, and the collector.</summary>
public sealed class KubernetesManifestTests
{
    private const string DeploymentPath = "deploy/kubernetes/deployment.yaml";
    private const string ServicePath = "deploy/kubernetes/service.yaml";
    private const string CollectorManifestPath = "deploy/kubernetes/otel-collector.yaml";

    private static YamlMappingNode Deployment() => Repo.KubernetesObject(DeploymentPath, "Deployment", "obs-serve");

    private static YamlMappingNode Service() => Repo.KubernetesObject(ServicePath, "Service", "obs-serve");

    private static YamlMappingNode PodSpec(YamlMappingNode deployment) => deployment.Map("spec").Map("template").Map("spec");

    private static YamlMappingNode Container(YamlMappingNode deployment) => Assert.Single(PodSpec(deployment).Seq("containers").Maps());

    private static int ContainerPort(YamlMappingNode container) =>
        int.Parse(Assert.Single(container.Seq("ports").Maps()).Str("containerPort"), System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<string, YamlMappingNode> Env(YamlMappingNode container) =>
        container.Seq("env").Maps().ToDictionary(e => e.Str("name"), e => e, StringComparer.Ordinal);

    public static TheoryData<string> ManifestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repo.PathOf("deploy/kubernetes"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repo.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void Manifest_EveryDocument_IsAKubernetesObject(string path)
    {
        foreach (var document in Repo.ReadYamlDocuments(path))
        {
            Assert.False(string.IsNullOrWhiteSpace(document.Str("apiVersion")), $"{path}: document without apiVersion");
            Assert.False(string.IsNullOrWhiteSpace(document.Str("kind")), $"{path}: document without kind");
            Assert.False(string.IsNullOrWhiteSpace(document.Map("metadata").Str("name")), $"{path}: document without metadata.name");
        }
    }

    [Fact]
    public void Deployment_Probes_HitHealthOnTheContainerPort()
    {
        var container = Container(Deployment());
        var port = ContainerPort(container);
        Assert.Equal(8000, port);
        foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
        {
            var httpGet = container.Map(probe).Map("httpGet");
            Assert.Equal("/health", httpGet.Str("path"));
            var probePort = httpGet.Str("port");
            var portName = Assert.Single(container.Seq("ports").Maps()).Get("name") is YamlScalarNode name ? name.Value : null;
            Assert.True(
                probePort == port.ToString(System.Globalization.CultureInfo.InvariantCulture) || probePort == portName,
                $"{probe} targets port {probePort}, the container listens on {port}");
        }
    }

    [Fact]
    public void Deployment_ContainerPort_IsTheServiceTargetPort_AndTheImagesPort()
    {
        var containerPort = ContainerPort(Container(Deployment()));
        var service = Service();
        Assert.Equal("ClusterIP", service.Map("spec").Str("type"));
        var port = Assert.Single(service.Map("spec").Seq("ports").Maps());
        Assert.Equal(containerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), port.Str("targetPort"));
        Assert.Equal("8000", port.Str("port"));

        var expose = Assert.Single(new Dockerfile("deploy/serve/Dockerfile").InFinalStage("EXPOSE"));
        Assert.Equal(containerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), expose.Words[0].Split('/')[0]);
    }

    [Fact]
    public void Service_Selector_MatchesThePodTemplateLabels()
    {
        var deployment = Deployment();
        var podLabels = deployment.Map("spec").Map("template").Map("metadata").Map("labels").StringMap();
        var serviceSelector = Service().Map("spec").Map("selector").StringMap();
        var deploymentSelector = deployment.Map("spec").Map("selector").Map("matchLabels").StringMap();

        Assert.NotEmpty(serviceSelector);
        Assert.NotEmpty(deploymentSelector);
        foreach (var (key, value) in serviceSelector.Concat(deploymentSelector))
        {
            Assert.True(podLabels.TryGetValue(key, out var label) && label == value, $"selector {key}={value} does not match the pod template labels");
        }
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void Deployments_Resources_HaveRequestsAndLimitsForCpuAndMemory(string path)
    {
        foreach (var deployment in Repo.ReadYamlDocuments(path).Where(d => d.Str("kind") == "Deployment"))
        {
            foreach (var container in PodSpec(deployment).Seq("containers").Maps())
            {
                var resources = container.Map("resources");
                foreach (var section in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        Assert.False(
                            string.IsNullOrWhiteSpace(resources.Map(section).Str(resource)),
                            $"{path}: container {container.Str("name")} has no {section}.{resource}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Deployment_Env_HasTheOtelVariables_PointingAtTheCollectorService()
    {
        var env = Env(Container(Deployment()));
        foreach (var name in new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES" })
        {
            Assert.True(env.ContainsKey(name), $"{name} is not set");
            Assert.False(string.IsNullOrWhiteSpace(env[name].Str("value")), $"{name} is empty");
        }

        var endpoint = new Uri(env["OTEL_EXPORTER_OTLP_ENDPOINT"].Str("value"));
        var collectorService = Repo.KubernetesObject(CollectorManifestPath, "Service", endpoint.Host);
        Assert.Contains(
            collectorService.Map("spec").Seq("ports").Maps(),
            p => p.Str("port") == endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4317, endpoint.Port);
    }

    [Fact]
    public void Deployment_Exporters_AreOtlpOnly_SoSpansDoNotFloodThePodLog()
    {
        // The image's config/tracing.yaml turns the console exporter on; the pod must override it.
        var env = Env(Container(Deployment()));

        Assert.Equal("otlp", env["OTEL_TRACES_EXPORTER"].Str("value"));
    }

    [Fact]
    public void Deployment_ObsApiKey_ComesFromASecretKeyRef()
    {
        var apiKey = Env(Container(Deployment()))["OBS_API_KEY"];
        Assert.False(apiKey.Has("value"), "OBS_API_KEY must not be a literal value");
        var secretKeyRef = apiKey.Map("valueFrom").Map("secretKeyRef");
        Assert.Equal("obs-api-key", secretKeyRef.Str("name"));
        Assert.Equal("key", secretKeyRef.Str("key"));
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void Manifest_NoSecretLookingVariable_HasALiteralValue(string path)
    {
        var containers =
            from document in Repo.ReadYamlDocuments(path)
            where document.Str("kind") == "Deployment"
            from container in PodSpec(document).Seq("containers").Maps()
            where container.Has("env")
            from env in container.Seq("env").Maps()
            select env;
        foreach (var env in containers)
        {
            var name = env.Str("name");
            if (new[] { "KEY", "SECRET", "TOKEN", "PASSWORD" }.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                Assert.False(env.Has("value"), $"{path}: {name} is a literal; use valueFrom.secretKeyRef");
            }
        }
    }

    [Fact]
    public void Deployment_SecurityContext_IsNonRootWithReadOnlyRoot_AndAWritableDataVolume()
    {
        var deployment = Deployment();
        var pod = PodSpec(deployment);
        var container = Container(deployment);

        Assert.Equal("true", pod.Map("securityContext").Str("runAsNonRoot"));
        Assert.Equal("true", container.Map("securityContext").Str("readOnlyRootFilesystem"));
        Assert.Equal("false", container.Map("securityContext").Str("allowPrivilegeEscalation"));

        // The user Kubernetes runs is the one the image was built for.
        var appUid = Assert.Single(new Dockerfile("deploy/serve/Dockerfile").InFinalStage("ARG"), a => a.Arguments.StartsWith("APP_UID=", StringComparison.Ordinal));
        Assert.Equal(appUid.Arguments["APP_UID=".Length..], pod.Map("securityContext").Str("runAsUser"));

        // /data (the image's WORKDIR and VOLUME, home of .obs/state.db) is a writable volume.
        var mount = Assert.Single(container.Seq("volumeMounts").Maps(), m => m.Str("mountPath") == "/data");
        var volume = Assert.Single(pod.Seq("volumes").Maps(), v => v.Str("name") == mount.Str("name"));
        Assert.True(volume.Has("emptyDir") || volume.Has("persistentVolumeClaim"), "/data must be an emptyDir or a PersistentVolumeClaim");
    }

    [Fact]
    public void CollectorManifest_ConfigMap_HoldsDeployOtelCollectorYaml()
    {
        var configMap = Repo.KubernetesObject(CollectorManifestPath, "ConfigMap");
        var embedded = Assert.Single(Repo.ParseYamlDocuments(configMap.Map("data").Str("config.yaml"), CollectorManifestPath + " config.yaml"));
        var file = Repo.ReadYaml(CollectorConfigTests.ConfigPath);
        Assert.Equal(Canonical(file), Canonical(embedded));

        // The Deployment mounts that ConfigMap where its --config argument points.
        var deployment = Repo.KubernetesObject(CollectorManifestPath, "Deployment", "otel-collector");
        var pod = PodSpec(deployment);
        var container = Assert.Single(pod.Seq("containers").Maps());
        var configArg = Assert.Single(container.Seq("args").Strings(), a => a.StartsWith("--config=", StringComparison.Ordinal))["--config=".Length..];
        var volume = Assert.Single(pod.Seq("volumes").Maps(), v => v.Has("configMap") && v.Map("configMap").Str("name") == configMap.Map("metadata").Str("name"));
        var mount = Assert.Single(container.Seq("volumeMounts").Maps(), m => m.Str("name") == volume.Str("name"));
        Assert.Equal(mount.Str("mountPath").TrimEnd('/') + "/config.yaml", configArg);
    }

    [Fact]
    public void CollectorManifest_ServiceExposesOtlpAndPrometheusPorts_SelectingTheCollectorPods()
    {
        var service = Repo.KubernetesObject(CollectorManifestPath, "Service", "otel-collector");
        var ports = service.Map("spec").Seq("ports").Maps().Select(p => p.Str("port")).ToList();
        Assert.Contains("4317", ports);
        Assert.Contains("4318", ports);
        Assert.Contains("8889", ports);

        var podLabels = Repo.KubernetesObject(CollectorManifestPath, "Deployment", "otel-collector")
            .Map("spec").Map("template").Map("metadata").Map("labels").StringMap();
        foreach (var (key, value) in service.Map("spec").Map("selector").StringMap())
        {
            Assert.Equal(value, podLabels[key]);
        }
    }

    /// <summary>A comment- and formatting-independent rendering of a YAML node, for structural comparison.</summary>
    internal static string Canonical(YamlNode node) => node switch
    {
        YamlScalarNode scalar => "'" + scalar.Value + "'",
        YamlSequenceNode sequence => "[" + string.Join(",", sequence.Children.Select(Canonical)) + "]",
        YamlMappingNode mapping => "{" + string.Join(
            ",",
            mapping.Children
                .Select(kv => Canonical(kv.Key) + ":" + Canonical(kv.Value))
                .Order(StringComparer.Ordinal)) + "}",
        _ => node.ToString(),
    };
}
