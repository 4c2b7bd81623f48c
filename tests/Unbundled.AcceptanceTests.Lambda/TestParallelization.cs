using Xunit;

// Each fixture starts five function processes (two Customers and two Projector environments ahead, and the API), each
// with Lambda's 10 s init limit (docs/lambda.md#deadline). Started all at once on a 2-core machine, their inits starve
// each other past it; one class at a time keeps every init within the limit that Lambda itself enforces.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
