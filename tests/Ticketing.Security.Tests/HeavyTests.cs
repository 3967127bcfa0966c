namespace Ticketing.Security.Tests;

/// <summary>The fuzzer and the matrix each keep a platform busy for minutes; they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class HeavyTests
{
    public const string Name = "Heavy platform tests";
}
