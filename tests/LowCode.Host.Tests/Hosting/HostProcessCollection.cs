using Xunit;

namespace LowCode.Host.Tests.Hosting;

/// <summary>
/// Tests that start host processes share this collection, so they run one after another: each
/// puts real load on the machine, and their timings (health waits, failure detection) must not
/// compete with another test's processes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostProcessCollection
{
    public const string Name = "Host processes";
}
