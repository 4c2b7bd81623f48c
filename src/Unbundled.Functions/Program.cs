using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Functions;
using Unbundled.Lambda.Runtime;

// Init errors go to the Runtime API and to standard output (CloudWatch); the endpoints log through their own hosts.
return await LambdaRuntime.Run(SystemFunctions.Start, NullLogger.Instance);
