namespace LinkagePortal.Tests.Support;

/// <summary>
/// A clock that tests set and move (Microsoft.Extensions.TimeProvider.Testing does not restore from the package source
/// here). Only the time is faked; timers still run on the system clock.
/// </summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    long utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset time) => Interlocked.Exchange(ref utcTicks, time.UtcTicks);
}
