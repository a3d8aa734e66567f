namespace LinkagePortal.Tests.Support;

/// <summary>
/// A test class whose tests write: each test gets a portal of its own (a fresh database copy and a
/// <see cref="FakeClock"/>, <see cref="ClockedPortalFactory"/>) and a client of it, both disposed after the test.
/// </summary>
public abstract class ClockedPortalTests : IDisposable
{
    protected ClockedPortalTests() => Client = Portal.CreateClient();

    protected ClockedPortalFactory Portal { get; } = new();

    protected HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Portal.Dispose();
        GC.SuppressFinalize(this);
    }
}
