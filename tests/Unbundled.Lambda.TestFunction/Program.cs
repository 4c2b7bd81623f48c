using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Lambda.Runtime;
using Unbundled.Lambda.TestFunction;

return await LambdaRuntime.Run(TestHandlers.Create, NullLogger.Instance);
