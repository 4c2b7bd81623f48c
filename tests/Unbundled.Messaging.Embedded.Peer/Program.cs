using Microsoft.Extensions.DependencyInjection;
using Unbundled.Messaging;
using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;

// Usage: Peer <respond|slow-receiver|slow-self-sender|instance> <queue root>
// Runs one endpoint on the shared queue folder, prints "ready" once it receives, and stops when stdin closes.
// slow-self-sender: the slow receiver, which first sends itself three slow messages (held in its slot files).
var (mode, root) = (args[0], args[1]);
var configuration = new EndpointConfiguration(mode switch { "respond" => "Responder", "instance" => "Api", _ => "Receiver" })
    .UseTransport(new FileSystemTransport(root))
    .EnableInstallers();
configuration.Recoverability.Immediate(0).Delayed(0);
_ = mode switch
{
    "respond" => configuration.RegisterHandler<AskQuestionHandler>().EnableCallbacks(makesRequests: false),
    "instance" => configuration.MakeInstanceUniquelyAddressable($"peer-{Environment.ProcessId}").EnableCallbacks(),
    "slow-receiver" or "slow-self-sender" => configuration.RegisterHandler<DoSomethingSlowlyHandler>().LimitMessageProcessingConcurrencyTo(8),
    _ => throw new ArgumentException($"Unknown mode {mode}"),
};

var services = new ServiceCollection()
    .AddSingleton(new Observations())
    .AddSingleton(new EndpointLabel($"peer-{Environment.ProcessId}"))
    .BuildServiceProvider();
var endpoint = await Endpoint.Start(configuration, services);
if (mode == "slow-self-sender")
{
    foreach (var i in Enumerable.Range(0, 3))
    {
        await endpoint.SendLocal(new DoSomethingSlowly($"m{i}", 60_000));
    }
}

Console.WriteLine("ready");
await Console.In.ReadToEndAsync();
await endpoint.Stop();
