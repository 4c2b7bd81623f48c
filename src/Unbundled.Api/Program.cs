using Unbundled.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddApi();
var app = builder.Build();
app.MapApi();
await app.RunAsync();
