using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Api.Tests.Infrastructure;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Api.Tests.Http;

/// <summary>A request the client abandons stops: its resolvers see the request's cancellation.</summary>
public sealed class When_a_client_hangs_up(When_a_client_hangs_up.ReadsThatHang system) : IClassFixture<When_a_client_hangs_up.ReadsThatHang>
{
    [Fact]
    public async Task Should_cancel_the_work_of_the_abandoned_request()
    {
        using var hangUp = new CancellationTokenSource();
        var query = $$"""{ Customer(id: "{{Guid.NewGuid()}}") { id } }""";
        var request = system.Http.PostAsync("/graphql", JsonContent.Create(new { query }), hangUp.Token);
        await system.Views.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        await system.Views.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Reads of the read model that never end until their token is cancelled.</summary>
    public sealed class HangingViews : ICustomerViews
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Cancelled.TrySetResult();
            }

            return null;
        }

        public Task Save(CustomerView view, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class ReadsThatHang : RunningSystem
    {
        public HangingViews Views { get; } = new();

        protected override void ConfigureApi(WebApplicationBuilder api) => api.Services.AddSingleton<ICustomerViews>(Views);
    }
}
