using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Functions;
using Unbundled.Lambda.Runtime;
using Unbundled.Shell.Dev;

return await LambdaRuntime.Run(
    cancellationToken => SystemFunctions.Start(builder => builder.UseDevelopmentShell(), cancellationToken), NullLogger.Instance);
