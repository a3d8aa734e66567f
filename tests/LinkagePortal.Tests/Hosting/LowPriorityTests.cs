using LinkagePortal.Hosting;

namespace LinkagePortal.Tests.Hosting;

/// <summary>
/// Whole-database background work must take only the CPU that requests leave: on Linux it runs on a thread whose nice
/// value is the lowest priority (19), unless the setting asks for normal priority, and its outcome reaches the caller.
/// </summary>
public class LowPriorityTests
{
    // Field 19 of /proc/thread-self/stat is the calling thread's nice value; the fields are counted after the command
    // name's closing parenthesis, which may itself hold spaces.
    static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3]);
    }

    static int NiceOfTheProcess()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19 - 3]);
    }

    [SkippableFact]
    public async Task The_work_runs_at_nice_19_on_a_thread_named_for_it_and_awaits_resume_there()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "nice values are Linux's");
        var (before, after, name) = await new LowPriority(lowest: true).RunAsync("test work", async () =>
        {
            var first = NiceOfThisThread();
            await Task.Delay(10);
            return (first, NiceOfThisThread(), Thread.CurrentThread.Name);
        });

        Assert.Equal(19, before);
        Assert.Equal(19, after);
        Assert.Equal("test work", name);
        Assert.NotEqual(19, NiceOfTheProcess());
    }

    [SkippableFact]
    public async Task With_the_setting_off_the_work_runs_at_the_process_priority()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "nice values are Linux's");
        var nice = await new LowPriority(lowest: false).RunAsync("test work", () => Task.FromResult(NiceOfThisThread()));

        Assert.Equal(NiceOfTheProcess(), nice);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_failure_in_the_work_reaches_the_caller(bool lowest)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => new LowPriority(lowest).RunAsync("test work", async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("the build failed");
        }));

        Assert.Equal("the build failed", failure.Message);
    }
}
