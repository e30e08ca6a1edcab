using Xunit.Abstractions;
using Xunit.Sdk;

namespace Monitor.Storage.Contract;

/// <summary>A store contract test: it runs against every store class that inherits it, and is reported as skipped, with
/// the reason, in a class marked <see cref="INeedsElasticsearch"/> when <c>MONITOR_ELASTICSEARCH_URL</c> is not set
/// (xunit 2 has no skip decided at run time, so the decision is made when the test case is built).</summary>
[XunitTestCaseDiscoverer("Monitor.Storage.Contract.ContractFactDiscoverer", "Monitor.Storage.Contract")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>Marks a contract test class that runs against a real Elasticsearch.</summary>
public interface INeedsElasticsearch
{
    /// <summary>Where the cluster is; the tests are skipped without it.</summary>
    public const string UrlVariable = "MONITOR_ELASTICSEARCH_URL";
}

/// <summary>Builds <see cref="ContractTestCase"/>s for <see cref="ContractFactAttribute"/>.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new ContractTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

/// <summary>A test case whose skip reason depends on its class and the environment.</summary>
public sealed class ContractTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ContractTestCase()
    {
    }

    public ContractTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        typeof(INeedsElasticsearch).IsAssignableFrom(TestMethod.TestClass.Class.ToRuntimeType()) && Environment.GetEnvironmentVariable(INeedsElasticsearch.UrlVariable) is not { Length: > 0 }
            ? $"{INeedsElasticsearch.UrlVariable} is not set: the Elasticsearch store's contract tests need a real cluster (docs/elasticsearch.md)"
            : base.GetSkipReason(factAttribute);
}
