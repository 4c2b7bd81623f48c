using Xunit;

// Each test runs whole systems (three endpoints, and on aws-local two node stand-ins) on a 2-core machine: side by side
// they would time each other out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
