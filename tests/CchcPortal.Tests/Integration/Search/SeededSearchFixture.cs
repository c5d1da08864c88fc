namespace CchcPortal.Tests.Integration.Search;

/// <summary>
/// One portal with the 1,601 seeded procedures, indexed, shared by the search test classes that need the real
/// catalogue (seeding and indexing it is the slow part of their start).
/// </summary>
public sealed class SeededSearchFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new(seedProcedures: true);
    public async Task InitializeAsync() => await Factory.WaitForSearchAsync(180);
    public Task DisposeAsync() { Factory.Dispose(); return Task.CompletedTask; }
}

[CollectionDefinition(Name)]
public sealed class SeededSearchCollection : ICollectionFixture<SeededSearchFixture>
{
    public const string Name = "Seeded search";
}
