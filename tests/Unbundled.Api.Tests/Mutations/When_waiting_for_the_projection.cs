using Unbundled.Api.GraphQL;
using Unbundled.Ports;

namespace Unbundled.Api.Tests.Mutations;

/// <summary>The mutation's wait for its own projection, with the projector in this process and in another.</summary>
public sealed class When_waiting_for_the_projection
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly CountingViews views = new();
    private readonly ViewChanges changes = new();
    private readonly Guid customerId = Guid.CreateVersion7();

    [Fact]
    public async Task Should_not_read_when_the_view_was_saved_here_before_the_reply()
    {
        using var watch = changes.WatchFor(customerId);
        await Notifying().Save(CountingViews.Invited(customerId), CancellationToken.None);

        await WaitUntilProjected(watch, projectsHere: false);

        Assert.Equal(0, views.Reads);
    }

    [Fact]
    public async Task Should_not_read_when_this_process_projects_and_saves_after_the_reply()
    {
        using var watch = changes.WatchFor(customerId);

        var waiting = WaitUntilProjected(watch, projectsHere: true);
        // No pause before the save: on a loaded machine a pause of 10 ms can outlast the 100 ms the wait gives its own
        // save, and the wait then reads. The wait is already pending; the save comes after it began, as after a reply.
        Assert.False(waiting.IsCompleted);
        await Notifying().Save(CountingViews.Invited(customerId), CancellationToken.None);
        await waiting;

        Assert.Equal(0, views.Reads);
    }

    [Fact]
    public async Task Should_read_until_found_when_the_projector_is_another_process()
    {
        using var watch = changes.WatchFor(customerId);

        var waiting = WaitUntilProjected(watch, projectsHere: false);
        // The wait has looked once and found nothing: it must go on looking.
        Assert.True(SpinWait.SpinUntil(() => views.Reads >= 1, Patience));
        Assert.False(waiting.IsCompleted);
        views.SaveElsewhere(CountingViews.Invited(customerId));
        await waiting;

        Assert.True(views.Reads >= 2, $"{views.Reads} reads");
    }

    [Fact]
    public async Task Should_read_after_a_while_when_another_instance_projected_though_this_process_projects_too()
    {
        using var watch = changes.WatchFor(customerId);
        views.SaveElsewhere(CountingViews.Invited(customerId));

        var started = TimeProvider.System.GetTimestamp();
        await WaitUntilProjected(watch, projectsHere: true);

        Assert.Equal(1, views.Reads);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= ReadYourWrites.OwnSaveWait - TimeSpan.FromMilliseconds(20));
    }

    /// <summary>The views as the shell gives them to a projector in this process.</summary>
    private NotifyingCustomerViews Notifying() => new(views, changes);

    private Task WaitUntilProjected(ViewChanges.Watch watch, bool projectsHere) =>
        ReadYourWrites.WaitUntilProjected(views, changes, watch, projectsHere, CancellationToken.None).WaitAsync(Patience);
}
