using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace LinkagePortal.Hosting;

/// <summary>
/// Runs whole-database background work (the bulk downloads, the timeliness report, the checks) on a thread of its own
/// at the operating system's lowest priority, its awaits resuming on that same thread: on a busy node it takes only the
/// CPU that requests leave, instead of a fair share against them. <c>Hosting:BackgroundAtLowestPriority=false</c> runs it on
/// the thread pool at normal priority instead: where the node is saturated by other work than its requests (the test
/// suite's parallel classes and browsers), the lowest priority could postpone it indefinitely.
/// </summary>
public sealed class LowPriority
{
    /// <summary>The setting that chooses, read once at start-up.</summary>
    public const string Setting = "Hosting:BackgroundAtLowestPriority";

    readonly bool lowest;

    public LowPriority(bool lowest)
    {
        this.lowest = lowest;
        if (lowest)
        {
            // A thread inherits the nice value of the thread that creates it, and the runtime creates its background
            // GC thread on the first full collection, most likely caused by this work's allocations: at 1M projects it
            // was found at nice 19, so the collections every request thread waits for ran at the lowest priority.
            // One non-blocking full collection now, on this normal-priority thread, creates it here.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false);
        }
    }

    /// <summary>Runs <paramref name="work"/> on a new lowest-priority thread; the task completes as the work does.</summary>
    public Task<T> RunAsync<T>(string name, Func<Task<T>> work) => lowest ? OnLowestThread(name, work) : Task.Run(work);

    /// <summary>As <see cref="RunAsync{T}(string, Func{Task{T}})"/> for work without a result.</summary>
    public Task RunAsync(string name, Func<Task> work) => RunAsync(name, async () =>
    {
        await work();
        return true;
    });

    static Task<T> OnLowestThread<T>(string name, Func<Task<T>> work)
    {
        var outcome = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Lower();
            using var loop = new Loop();
            SynchronizationContext.SetSynchronizationContext(loop);
            Task<T> task;
            try
            {
                task = work();
            }
            catch (Exception e)
            {
                task = Task.FromException<T>(e);
            }

            task.ContinueWith(_ => loop.Complete(), TaskScheduler.Default);
            loop.Run();
            if (task.IsCanceled)
            {
                outcome.SetCanceled();
            }
            else if (task.Exception is { } failure)
            {
                outcome.SetException(failure.InnerExceptions);
            }
            else
            {
                outcome.SetResult(task.Result);
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return outcome.Task;
    }

    // .NET's Thread.Priority is honoured on Windows but changes nothing on Linux, where every ordinary thread has the same
    // static priority; Linux gives each thread its own nice value instead, set with setpriority(2) on the thread's id.
    static void Lower()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = setpriority(PriorityProcess, gettid(), LowestNice);
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
        }
    }

    const int PriorityProcess = 0;
    const int LowestNice = 19;

    [DllImport("libc", SetLastError = true)]
    static extern int setpriority(int which, int who, int priority);

    [DllImport("libc")]
    static extern int gettid();

    /// <summary>A synchronization context that queues every continuation to the one thread running <see cref="Run"/>.</summary>
    sealed class Loop : SynchronizationContext, IDisposable
    {
        readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> queue = [];

        // A continuation posted after the work has completed (something it started and left running) goes to the pool.
        public override void Post(SendOrPostCallback d, object? state)
        {
            try
            {
                queue.Add((d, state));
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                ThreadPool.QueueUserWorkItem(s => d(s), state);
            }
        }

        public void Complete() => queue.CompleteAdding();

        public void Run()
        {
            foreach (var (callback, state) in queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        }

        public void Dispose() => queue.Dispose();
    }
}
