using Unbundled.AppHost;

if (args.FirstOrDefault() == SystemTopologyCommand.Name)
{
    SystemTopologyCommand.Run(args[1..], Console.Out);
    return 0;
}

if (args.FirstOrDefault() == FailedCommand.Name)
{
    return await FailedCommand.Run(args[1..], Console.Out, Console.Error);
}

if (LambdaLocalCommand.Requested(args))
{
    using var logging = LoggerFactory.Create(builder => builder.AddSimpleConsole().SetMinimumLevel(LogLevel.Information)
        .AddConfiguration(new ConfigurationBuilder().AddCommandLine(args).Build().GetSection("Logging")));
    await LambdaLocalCommand.Run(args, logging);
    return 0;
}

await using var system = UnbundledSystem.Build(args);
await system.Run();
return 0;
