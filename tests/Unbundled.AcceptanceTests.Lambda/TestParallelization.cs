using Xunit;

// Each fixture starts five function processes (two Customers and two Projector environments ahead, and the API). Started
// all at once on a 2-core machine, their inits starve each other, even past the generous init limit the tests give them
// (LoadedMachine.InitLimit, docs/lambda.md#the-local-harness); one class at a time keeps every init short.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
