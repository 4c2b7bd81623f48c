using Unbundled.Api;
using Unbundled.Shell.Telemetry;

var builder = WebApplication.CreateBuilder(ApiEndpoint.WebSettings(args));
builder.AddApi();
builder.AddTelemetry(logMutationTimelines: true);
var app = builder.Build();
app.MapApi();
await app.RunAsync();
